namespace PartnerHub.Core.Partners;

/// <summary>
/// Domain data that belongs to one partner organization, such as a deal registration. The persistence layer confines
/// partner users to their own rows of every such type, for reads and for writes.
/// </summary>
public interface IOwnedByPartner
{
    PartnerId PartnerId { get; }
}
