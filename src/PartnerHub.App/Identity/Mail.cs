using System.Net;
using System.Net.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace PartnerHub.App.Identity;

/// <summary>Sends the few mails PartnerHub sends (invitations). Without SMTP settings the message is logged instead.</summary>
public interface IMailSender
{
    /// <summary>True when mail really leaves the machine; false when it is only logged (the UI then shows the link).</summary>
    bool Delivers { get; }

    Task SendAsync(string to, string subject, string body, CancellationToken ct);
}

internal sealed class LoggingMailSender(ILogger<LoggingMailSender> log) : IMailSender
{
    public bool Delivers => false;

    public Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        log.LogInformation("No mail server configured (Smtp:Host). Mail to {To}: {Subject}\n{Body}", to, subject, body);
        return Task.CompletedTask;
    }
}

/// <summary>SMTP settings: Smtp:Host, Smtp:Port (587), Smtp:User, Smtp:Password, Smtp:From, Smtp:Ssl (true).</summary>
internal sealed class SmtpMailSender(IConfiguration configuration) : IMailSender
{
    public bool Delivers => true;

    public async Task SendAsync(string to, string subject, string body, CancellationToken ct)
    {
        using var client = new SmtpClient(configuration["Smtp:Host"], configuration.GetValue("Smtp:Port", 587))
        {
            EnableSsl = configuration.GetValue("Smtp:Ssl", true),
            Credentials = configuration["Smtp:User"] is { } user ? new NetworkCredential(user, configuration["Smtp:Password"]) : null,
        };
        using var message = new MailMessage(configuration["Smtp:From"] ?? "partnerhub@localhost", to, subject, body);
        await client.SendMailAsync(message, ct);
    }
}
