using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace PartnerHub.App.Webhooks;

/// <summary>The <c>Webhooks:*</c> configuration keys, documented in docs/operations.md.</summary>
public sealed record WebhookSettings
{
    /// <summary>After a failed attempt, the wait before the next one; after the last, the delivery is failed (~1.2 days in all).</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultRetrySchedule =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    /// <summary>Lets targets on loopback, private, link-local and other internal networks through (tests, on-premises receivers).</summary>
    public bool AllowPrivateNetworks { get; init; }

    /// <summary>Host names that may resolve to internal addresses although <see cref="AllowPrivateNetworks"/> is off.</summary>
    public IReadOnlyList<string> AllowedHosts { get; init; } = [];

    /// <summary>Refuse plain http targets (on outside Development and Testing unless configured).</summary>
    public bool RequireHttps { get; init; }

    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = DefaultRetrySchedule;

    /// <summary>A subscription whose deliveries have all failed for this long is disabled.</summary>
    public TimeSpan DisableAfter { get; init; } = TimeSpan.FromDays(5);

    /// <summary>How often the worker looks at the outbox and the due retries.</summary>
    public TimeSpan Interval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How long settled events are kept with their deliveries and attempts; null keeps them forever.</summary>
    public TimeSpan? Retention { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Off for hosts that must not send (the CLI, tests that drive the worker by hand).</summary>
    public bool WorkerEnabled { get; init; } = true;

    /// <summary>The wait after the <paramref name="retries"/>-th failure, or null when the schedule is exhausted.</summary>
    public TimeSpan? BackoffAfter(int retries) => retries >= 1 && retries <= RetrySchedule.Count ? RetrySchedule[retries - 1] : null;

    public static WebhookSettings From(IConfiguration configuration, bool production)
    {
        var section = configuration.GetSection("Webhooks");
        var schedule = section["RetrySchedule"];
        return new WebhookSettings
        {
            AllowPrivateNetworks = section.GetValue("AllowPrivateNetworks", false),
            AllowedHosts = (section["AllowedHosts"] ?? "").Split([',', ' '], StringSplitOptions.RemoveEmptyEntries),
            RequireHttps = section.GetValue("RequireHttps", production),
            Timeout = TimeSpan.FromSeconds(section.GetValue("TimeoutSeconds", 10.0)),
            RetrySchedule = string.IsNullOrWhiteSpace(schedule)
                ? DefaultRetrySchedule
                : schedule.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => TimeSpan.Parse(s, CultureInfo.InvariantCulture)).ToArray(),
            DisableAfter = TimeSpan.FromHours(section.GetValue("DisableAfterHours", 120.0)),
            Interval = TimeSpan.FromSeconds(section.GetValue("IntervalSeconds", 5.0)),
            WorkerEnabled = section.GetValue("Worker", true),
            Retention = section.GetValue("RetentionDays", 30.0) is > 0 and var days ? TimeSpan.FromDays(days) : null,
        };
    }
}
