using System.Globalization;
using PartnerHub.Core.Common;

namespace PartnerHub.Core.Ledger;

public static class LedgerErrors
{
    public static Error Unbalanced(Money difference) =>
        Error.Unprocessable("ledger_unbalanced", $"Debits and credits differ by {difference}; a transaction must balance in every currency.");

    public static Error TooFewEntries(int count) =>
        Error.Unprocessable("ledger_too_few_entries", $"A transaction needs at least two lines; this has {count}.");

    public static Error ZeroLine(int index, LedgerAccount account) =>
        Error.Unprocessable("ledger_zero_line", $"Line {index + 1} on {account.Key()} is zero; leave it out.");

    public static Error UnexplainedLine(int index, LedgerAccount account) =>
        Error.Unprocessable("ledger_unexplained_line", $"Line {index + 1} on {account.Key()} has no explanation.");

    public static Error PartnerMismatch(int index, LedgerAccount account) => account.IsPerPartner()
        ? Error.Unprocessable("ledger_partner_required", $"Line {index + 1} on {account.Key()} must name its partner.")
        : Error.Unprocessable("ledger_partner_not_allowed", $"Line {index + 1} on {account.Key()} is not a per-partner account and must not name a partner.");

    public static Error NotAnAccrual(LedgerTransactionId id, LedgerTransactionKind kind) =>
        Error.Unprocessable("ledger_not_an_accrual", $"Transaction {id} is a {kind}, not an accrual.");

    public static Error MustBePositive(string field, Money amount) =>
        Error.Validation(field, $"The amount must be more than zero (got {amount}).");

    public static Error CurrencyMismatch(string field, Currency expected, Currency actual) =>
        Error.Validation(field, $"The amount is in {actual}, the transaction in {expected}.");

    public static Error ClawbackExceedsAccrual(LedgerTransactionId accrual, Money requested, Money remaining) =>
        Error.Unprocessable("ledger_clawback_exceeds_accrual", $"Cannot claw back {requested} of accrual {accrual}: only {remaining} of it remains.");

    public static Error HoldingPeriodNotOver(LedgerTransactionId accrual, DateOnly dueOn) =>
        Error.Unprocessable("ledger_holding_period", string.Create(CultureInfo.InvariantCulture, $"Accrual {accrual} is held until {dueOn:yyyy-MM-dd}."));

    public static Error NothingToRelease(LedgerTransactionId accrual) =>
        Error.Unprocessable("ledger_nothing_to_release", $"Accrual {accrual} has nothing left in holding.");

    public static Error InsufficientPayable(Money requested, Money payable) =>
        Error.Unprocessable("ledger_insufficient_payable", $"Cannot pay out {requested}: the partner's payable balance is {payable}.");

    public static Error NotReversible(LedgerTransactionId id, LedgerTransactionKind kind) =>
        Error.Unprocessable("ledger_not_reversible", $"Transaction {id} is a {kind}; " + (kind == LedgerTransactionKind.Accrual
            ? "claw it back instead, so holding and payable stay consistent."
            : "it follows its accrual and cannot be reversed on its own."));

    public static Error HeldNotAdjustable() =>
        Error.Unprocessable("ledger_held_not_adjustable", "Held commission changes only through accruals, releases and clawbacks; adjust the payable balance instead.");

    public static Error DuplicateSourceKey(string sourceKey, LedgerTransactionId existing) =>
        Error.Conflict("ledger_duplicate_source", $"Source {sourceKey} was already posted as transaction {existing} with different lines.");
}
