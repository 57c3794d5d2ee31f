using System.Reflection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;

namespace PartnerHub.App.Identity;

/// <summary>
/// OWASP ASVS 5 password rules: at least 12 characters, at most 128, no composition rules, and no password from a
/// list of commonly used ones or built from the user's own email. The built-in list covers common long passwords; a
/// larger list (one per line) can be given with Security:CommonPasswordsFile.
/// </summary>
public sealed class CommonPasswordValidator : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private readonly HashSet<string> _common;

    public CommonPasswordValidator(IConfiguration configuration)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("PartnerHub.Identity.common-passwords.txt")!;
        using var reader = new StreamReader(stream);
        var lines = reader.ReadToEnd().Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).AsEnumerable();
        if (configuration["Security:CommonPasswordsFile"] is { Length: > 0 } file) lines = lines.Concat(File.ReadLines(file));
        _common = new HashSet<string>(lines.Where(l => !l.StartsWith('#')), StringComparer.OrdinalIgnoreCase);
    }

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        password ??= "";
        var errors = new List<IdentityError>();
        if (password.Length > MaxLength) errors.Add(new() { Code = "PasswordTooLong", Description = $"Passwords have at most {MaxLength} characters." });
        if (_common.Contains(password) || _common.Contains(password.TrimEnd('!', '.', '1')))
            errors.Add(new() { Code = "PasswordCommon", Description = "This password is on a list of commonly used passwords; choose another." });
        else if (password.Distinct().Count() <= 2)
            errors.Add(new() { Code = "PasswordRepetitive", Description = "This password repeats the same characters; choose another." });
        var local = user.Email?.Split('@')[0];
        if (local is { Length: >= 4 } && password.Contains(local, StringComparison.OrdinalIgnoreCase))
            errors.Add(new() { Code = "PasswordContainsEmail", Description = "The password must not contain your email address." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }
}
