using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Workspace.Web.Components.Shared;

/// <summary>One plain-text email to one recipient.</summary>
public sealed record EmailMessage(string ToAddress, string ToName, string Subject, string TextBody, string? ReplyToAddress = null, string? ReplyToName = null);

/// <summary>The mail could not be handed over (server down, refused, folder not writable); the message says why.</summary>
public sealed class EmailDeliveryException(string message, Exception inner) : Exception(message, inner);

/// <summary>Sends the workspace's emails (invitations now, notifications later).</summary>
public interface IEmailSender
{
    Task SendAsync(EmailMessage message, CancellationToken ct = default);
}

/// <summary>
/// <c>Email</c> settings. With <c>Email:Smtp:Host</c> mail goes out through that server; without it, each mail is written
/// as an .eml file to <see cref="PickupDirectory"/> (development and tests).
/// </summary>
public sealed class EmailOptions
{
    public const string DefaultPickupDirectory = "App_Data/mail";
    public const string DefaultFrom = "Rådsrum <no-reply@radsrum.invalid>";

    /// <summary>Where .eml files go when no SMTP host is configured; relative paths are under the content root.</summary>
    public string PickupDirectory { get; set; } = DefaultPickupDirectory;

    public SmtpOptions Smtp { get; set; } = new();

    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    public MailboxAddress FromAddress => MailboxAddress.Parse(string.IsNullOrWhiteSpace(Smtp.From) ? DefaultFrom : Smtp.From);

    public static EmailOptions From(IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection("Email").Get<EmailOptions>() ?? new EmailOptions();
        var directory = string.IsNullOrWhiteSpace(options.PickupDirectory) ? DefaultPickupDirectory : options.PickupDirectory;
        options.PickupDirectory = Path.IsPathRooted(directory) ? directory : Path.Combine(contentRoot, directory);
        return options;
    }

    /// <summary>The MIME message both senders deliver.</summary>
    public MimeMessage ToMime(EmailMessage message)
    {
        var mime = new MimeMessage { Subject = message.Subject, Body = new TextPart("plain") { Text = message.TextBody } };
        mime.From.Add(FromAddress);
        mime.To.Add(new MailboxAddress(message.ToName, message.ToAddress));
        if (!string.IsNullOrWhiteSpace(message.ReplyToAddress))
        {
            mime.ReplyTo.Add(new MailboxAddress(message.ReplyToName, message.ReplyToAddress));
        }
        return mime;
    }
}

public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>Sender, e.g. "Rådsrum &lt;raadsrum@kommune.dk&gt;".</summary>
    public string? From { get; set; }

    /// <summary>True (the default): require STARTTLS. False: let MailKit choose (TLS on port 465, STARTTLS when offered).</summary>
    public bool UseStartTls { get; set; } = true;
}

/// <summary>Sends through an SMTP server with MailKit; one connection per message (invitations are few).</summary>
public sealed class SmtpEmailSender(EmailOptions options, ILogger<SmtpEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var smtp = options.Smtp;
        try
        {
            using var client = new SmtpClient();
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.UseStartTls ? SecureSocketOptions.StartTls : SecureSocketOptions.Auto, ct);
            if (!string.IsNullOrWhiteSpace(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", ct);
            }
            await client.SendAsync(options.ToMime(message), ct);
            await client.DisconnectAsync(true, ct);
        }
        catch (Exception ex) when (ex is MailKit.ProtocolException or MailKit.CommandException or IOException
            or System.Net.Sockets.SocketException or System.Security.Authentication.AuthenticationException)
        {
            logger.LogError(ex, "Could not send mail '{Subject}' through {Host}:{Port}", message.Subject, smtp.Host, smtp.Port);
            throw new EmailDeliveryException($"Could not send through {smtp.Host}:{smtp.Port}.", ex);
        }
        logger.LogInformation("Sent mail '{Subject}' through {Host}", message.Subject, smtp.Host);
    }
}

/// <summary>Writes each mail as an .eml file (open it in any mail program); used when no SMTP host is configured.</summary>
public sealed class PickupFolderEmailSender(EmailOptions options, ILogger<PickupFolderEmailSender> logger) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var path = Path.Combine(options.PickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
        try
        {
            Directory.CreateDirectory(options.PickupDirectory);
            await options.ToMime(message).WriteToAsync(path, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogError(ex, "Could not write mail '{Subject}' to {Path}", message.Subject, path);
            throw new EmailDeliveryException($"Could not write {path}.", ex);
        }
        logger.LogInformation("Wrote mail '{Subject}' to {Path}", message.Subject, path);
    }
}
