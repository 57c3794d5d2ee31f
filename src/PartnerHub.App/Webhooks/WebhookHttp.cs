using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// The HTTP client deliveries go out on. Its connect callback resolves the host itself and refuses internal addresses
/// at connection time, so the check applies to the address actually connected to, whatever DNS said at subscription.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    private readonly HttpClient _client;

    public WebhookHttp(WebhookSettings settings)
    {
        var targets = new WebhookTargets(settings);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false, // a redirect could lead anywhere; the receiver must answer itself
            UseProxy = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                if (!targets.InternalAllowed(host) && addresses.FirstOrDefault(WebhookTargets.IsInternal) is { } refused)
                    throw new WebhookRefusedException($"{host} resolves to {refused}, a {WebhookTargets.Describe(refused)} address; internal networks are not allowed.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _client = new HttpClient(handler) { Timeout = settings.Timeout };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd("PartnerHub-Webhooks/1.0");
    }

    public sealed record Response(int? StatusCode, string? Body, string? Error, long DurationMs)
    {
        public bool Succeeded => StatusCode is >= 200 and < 300;
    }

    /// <summary>POSTs one signed message; a timeout, refusal or network error is an answer too, never an exception.</summary>
    public async Task<Response> SendAsync(Uri url, string id, long timestamp, string signature, string body, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", signature);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            var text = await ReadCappedAsync(response, ct);
            return new Response((int)response.StatusCode, text, response.IsSuccessStatusCode ? null : $"The receiver answered {(int)response.StatusCode} {response.ReasonPhrase}.", watch.ElapsedMilliseconds);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new Response(null, null, $"No answer within {_client.Timeout.TotalSeconds:0.#} s (timeout).", watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            var refused = e.InnerException as WebhookRefusedException ?? e.InnerException?.InnerException as WebhookRefusedException;
            return new Response(null, null, refused?.Message ?? $"Could not reach the receiver: {e.Message}", watch.ElapsedMilliseconds);
        }
    }

    private static async Task<string> ReadCappedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(ct);
        var buffer = new char[WebhookAttempt.MaxBodyLength];
        using var reader = new StreamReader(stream);
        var read = await reader.ReadBlockAsync(buffer.AsMemory(), ct);
        return new string(buffer, 0, read);
    }

    public void Dispose() => _client.Dispose();
}

/// <summary>A connection refused by the SSRF rule at send time.</summary>
public sealed class WebhookRefusedException(string message) : Exception(message);
