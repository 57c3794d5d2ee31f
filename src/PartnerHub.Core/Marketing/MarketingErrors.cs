using PartnerHub.Core.Common;

namespace PartnerHub.Core.Marketing;

public static class MarketingErrors
{
    public static Error NoFile(string field) => Error.Validation(field, "Attach the file (multipart form field 'file').");

    public static Error EmptyFile(string field) => Error.Validation(field, "The file is empty.");

    public static Error FileTooBig(string field, long size, long max) =>
        Error.Validation(field, $"The file is {size:N0} bytes; the program allows at most {max:N0}.");

    public static Error FileType(string field, string? type, IReadOnlyList<string> allowed) =>
        Error.Validation(field, $"Files of type '{type ?? "unknown"}' are not allowed; upload one of {string.Join(", ", allowed)}.");

    public static Error PathName(string field, string name) =>
        Error.Validation(field, $"The file name '{Shorten(name)}' is a path or holds characters a file name may not; send the file's own name, like case-study.pdf.");

    public static Error CollateralNotFound(Guid id) => Error.NotFound("Collateral", id);

    public static Error ActivityNotFound(Guid id) => Error.NotFound("Co-marketing activity", id);

    public static Error WrongStatus(string action, string status) =>
        Error.Conflict("wrong_status", $"An activity that is {status} cannot be {action}.");

    public static Error AboveBudget(string field, Money asked, Money remaining, string period) =>
        Error.Validation(field, $"{M(asked)} is more than the {M(remaining)} of market development funds left for {period}.");

    public static Error AboveApproved(Money asked, Money approved) =>
        Error.Validation("amount", $"{M(asked)} is more than the {M(approved)} approved for this activity.");

    public static Error NoFunds(string tier, string period) =>
        Error.Validation("budget", $"The {tier} tier has no market development funds for {period}.");

    private static string M(Money money) => Programs.Display.Money(money.Minor, money.Currency);

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}
