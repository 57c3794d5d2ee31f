using System.Net;
using System.Net.Sockets;
using PartnerHub.Core.Common;

namespace PartnerHub.App.Webhooks;

/// <summary>
/// Which URLs PartnerHub may send to. Checked when a subscription is saved (the URL and every address its host resolves
/// to) and again for each connection (<see cref="WebhookHttp"/>), so a DNS answer that changes after subscribing
/// (DNS rebinding) cannot reach an internal address either.
/// </summary>
public sealed class WebhookTargets(WebhookSettings settings)
{
    public const int MaxUrlLength = 2000;

    /// <summary>The URL's own checks (absolute, http(s), no credentials, https when required), as a field error.</summary>
    public Result<Uri> ParseUrl(string? url, string field = "url")
    {
        if (string.IsNullOrWhiteSpace(url)) return Error.Validation(field, "A URL is required.");
        if (url.Length > MaxUrlLength) return Error.Validation(field, $"The URL is longer than {MaxUrlLength} characters.");
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Host.Length == 0)
            return Error.Validation(field, $"'{url}' is not an absolute URL such as https://hooks.example.com/partnerhub.");
        if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            return Error.Validation(field, $"Only http and https URLs can receive webhooks, not {uri.Scheme}.");
        if (uri.Scheme == Uri.UriSchemeHttp && settings.RequireHttps && !HostAllowed(uri.IdnHost))
            return Error.Validation(field, "Webhook URLs must use https here (Webhooks:RequireHttps).");
        if (uri.UserInfo.Length > 0) return Error.Validation(field, "Put credentials in the receiver's verification of the signature, not in the URL.");
        return uri;
    }

    /// <summary>The URL checks, then the host's addresses: refused when any is internal and internal targets are not allowed.</summary>
    public async Task<Result<Uri>> ValidateAsync(string? url, CancellationToken ct, string field = "url")
    {
        var parsed = ParseUrl(url, field);
        if (!parsed.IsSuccess) return parsed;
        var uri = parsed.Value;
        if (InternalAllowed(uri.IdnHost)) return uri;
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal) ? [literal] : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return Error.Validation(field, $"The host {uri.Host} could not be resolved.");
        }

        var refused = addresses.FirstOrDefault(IsInternal);
        return refused is null
            ? uri
            : Error.Validation(field, $"{uri.Host} resolves to {refused}, a {Describe(refused)} address; PartnerHub does not send webhooks to internal networks unless an administrator allows it (Webhooks:AllowPrivateNetworks or Webhooks:AllowedHosts).");
    }

    public bool InternalAllowed(string host) => settings.AllowPrivateNetworks || HostAllowed(host);

    private bool HostAllowed(string host) => settings.AllowedHosts.Any(h => string.Equals(h, host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase));

    public static bool IsInternal(IPAddress address) => Describe(address) is not null;

    /// <summary>The kind of internal address, or null for a public one.</summary>
    public static string? Describe(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address)) return "loopback";
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => "unspecified (0.0.0.0/8)",
                [10, ..] => "private (10.0.0.0/8)",
                [172, >= 16 and <= 31, ..] => "private (172.16.0.0/12)",
                [192, 168, ..] => "private (192.168.0.0/16)",
                [169, 254, ..] => "link-local (169.254.0.0/16)",
                [100, >= 64 and <= 127, ..] => "carrier-grade NAT (100.64.0.0/10)",
                [192, 0, 0, _] => "IETF protocol assignment (192.0.0.0/24)",
                [198, 18 or 19, ..] => "benchmarking (198.18.0.0/15)",
                [>= 224 and <= 239, ..] => "multicast",
                [>= 240, ..] => "reserved or broadcast",
                _ => null,
            };
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any)) return "unspecified";
        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal) return "link-local";
        if (address.IsIPv6UniqueLocal) return "unique-local (fc00::/7)";
        if (address.IsIPv6Multicast) return "multicast";
        var v6 = address.GetAddressBytes();
        // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) embed an IPv4 address: judge the embedded one.
        if (v6[0] == 0x00 && v6[1] == 0x64 && v6[2] == 0xff && v6[3] == 0x9b) return Describe(new IPAddress(v6[12..16]));
        if (v6[0] == 0x20 && v6[1] == 0x02) return Describe(new IPAddress(v6[2..6]));
        return null;
    }
}
