using PartnerHub.Core.Ledger;

namespace PartnerHub.App.Ledger;

/// <summary>An issued statement: which one (id, sequence, when), and its content in the domain's terms.</summary>
public sealed record StatementView(Guid Id, int Sequence, bool Adjusting, DateTimeOffset IssuedAt, string IssuedBy, PartnerStatement Statement);
