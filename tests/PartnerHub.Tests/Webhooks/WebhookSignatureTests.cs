using System.Net;
using PartnerHub.App.Webhooks;

namespace PartnerHub.Tests.Webhooks;

public sealed class WebhookSignatureTests
{
    // The Standard Webhooks reference vector (svix-webhooks go/webhook_test.go, used by the spec's libraries).
    private const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private const string Id = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private const long Timestamp = 1614265330;
    private const string Body = """{"test": 2432232314}""";
    private const string Expected = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    [Fact]
    public void Signing_matches_the_reference_vector() => Assert.Equal(Expected, WebhookSignature.Sign(Secret, Id, Timestamp, Body));

    [Fact]
    public void Verification_accepts_one_of_several_signatures_and_refuses_any_tampering()
    {
        Assert.True(WebhookSignature.Verify(Secret, Id, Timestamp, Body, "v1,bm90IGl0 " + Expected));
        Assert.False(WebhookSignature.Verify(Secret, Id, Timestamp + 1, Body, Expected));
        Assert.False(WebhookSignature.Verify(Secret, "msg_other", Timestamp, Body, Expected));
        Assert.False(WebhookSignature.Verify(Secret, Id, Timestamp, Body + " ", Expected));
    }

    [Fact]
    public void New_secrets_are_prefixed_random_and_long_enough()
    {
        var a = WebhookSignature.NewSecret();
        Assert.StartsWith("whsec_", a);
        Assert.InRange(WebhookSignature.KeyOf(a).Length, 24, 64);
        Assert.NotEqual(a, WebhookSignature.NewSecret());
    }

    [Fact]
    public void The_retry_schedule_backs_off_and_ends()
    {
        var settings = new WebhookSettings();
        var waits = Enumerable.Range(1, 10).Select(settings.BackoffAfter).ToArray();
        Assert.Equal(TimeSpan.FromSeconds(5), waits[0]);
        Assert.Equal(TimeSpan.FromMinutes(5), waits[1]);
        var scheduled = waits.TakeWhile(w => w is not null).Select(w => w!.Value).ToArray();
        Assert.Equal(WebhookSettings.DefaultRetrySchedule.Count, scheduled.Length);
        Assert.True(scheduled.Zip(scheduled.Skip(1)).All(p => p.First <= p.Second), "waits never shrink");
        Assert.Null(settings.BackoffAfter(0));
        Assert.Null(settings.BackoffAfter(scheduled.Length + 1));
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.8.9.10")]
    [InlineData("10.0.0.1")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.0.1")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("2002:a00:1::")]
    public void Internal_addresses_are_recognized(string address) => Assert.True(WebhookTargets.IsInternal(IPAddress.Parse(address)), address);

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_allowed(string address) => Assert.False(WebhookTargets.IsInternal(IPAddress.Parse(address)), address);

    [Fact]
    public async Task Allowing_a_host_or_private_networks_lets_internal_targets_through()
    {
        Assert.False((await new WebhookTargets(new WebhookSettings()).ValidateAsync("http://127.0.0.1:9/x", CancellationToken.None)).IsSuccess);
        Assert.True((await new WebhookTargets(new WebhookSettings { AllowPrivateNetworks = true }).ValidateAsync("http://127.0.0.1:9/x", CancellationToken.None)).IsSuccess);
        Assert.True((await new WebhookTargets(new WebhookSettings { AllowedHosts = ["127.0.0.1"] }).ValidateAsync("http://127.0.0.1:9/x", CancellationToken.None)).IsSuccess);
        Assert.False((await new WebhookTargets(new WebhookSettings { RequireHttps = true }).ValidateAsync("http://203.0.113.10/x", CancellationToken.None)).IsSuccess);
    }

    [Fact]
    public async Task The_send_time_check_refuses_a_connection_to_an_internal_address()
    {
        using var http = new WebhookHttp(new WebhookSettings { Timeout = TimeSpan.FromSeconds(2) });
        var response = await http.SendAsync(new Uri("http://localhost:9/hooks"), "msg_1", 1, "v1,x", "{}", CancellationToken.None);
        Assert.False(response.Succeeded);
        Assert.Contains("loopback", response.Error);
    }
}
