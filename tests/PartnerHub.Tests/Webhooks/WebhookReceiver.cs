using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PartnerHub.Tests.Webhooks;

/// <summary>
/// A real HTTP receiver on 127.0.0.1 (Kestrel, a free port), as a subscriber would run one: it records every request
/// with its Standard Webhooks headers, and answers as told (200, 500, or not at all until the sender gives up).
/// It can be stopped (the receiver is down: connection refused) and started again on the same port.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    public enum Behaviour { Accept, Fail, Hang }

    public sealed record Request(string Id, string Timestamp, string Signature, string Body);

    private WebApplication? _app;

    public Behaviour Mode { get; set; } = Behaviour.Accept;

    public ConcurrentQueue<Request> Received { get; } = new();

    public int Port { get; private set; }

    public string Url => $"http://127.0.0.1:{Port}/hooks";

    public static async Task<WebhookReceiver> StartAsync()
    {
        var receiver = new WebhookReceiver();
        await receiver.RestartAsync();
        return receiver;
    }

    /// <summary>Starts listening, on the same port as before if it ran already.</summary>
    public async Task RestartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, Port));
        _app = builder.Build();
        _app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var h = context.Request.Headers;
            Received.Enqueue(new Request(h["webhook-id"].ToString(), h["webhook-timestamp"].ToString(), h["webhook-signature"].ToString(), body));
            switch (Mode)
            {
                case Behaviour.Fail:
                    return Results.Text("receiver broke", statusCode: 500);
                case Behaviour.Hang:
                    await Task.Delay(TimeSpan.FromSeconds(30), context.RequestAborted);
                    return Results.Ok();
                default:
                    return Results.Text("thanks");
            }
        });
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Port = new Uri(address).Port;
    }

    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();
}
