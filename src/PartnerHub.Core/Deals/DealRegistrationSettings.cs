namespace PartnerHub.Core.Deals;

/// <summary>
/// The program's deal-registration terms, passed in (they come from the program file, not from code): how long an
/// approval protects the customer, how long each extension adds and how many may be granted, and how soon a
/// partner manager should decide.
/// </summary>
public sealed record DealRegistrationSettings
{
    public DealRegistrationSettings(int protectionDays = 90, int extensionDays = 30, int maxExtensions = 2, int responseTargetHours = 48)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(protectionDays);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(extensionDays);
        ArgumentOutOfRangeException.ThrowIfNegative(maxExtensions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(responseTargetHours);
        (ProtectionDays, ExtensionDays, MaxExtensions, ResponseTargetHours) = (protectionDays, extensionDays, maxExtensions, responseTargetHours);
    }

    public int ProtectionDays { get; }
    public int ExtensionDays { get; }
    public int MaxExtensions { get; }
    public int ResponseTargetHours { get; }
}
