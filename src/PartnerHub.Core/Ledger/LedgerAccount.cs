namespace PartnerHub.Core.Ledger;

/// <summary>
/// The chart of accounts for partner money. Amounts are signed: a debit is positive, a credit negative, and every
/// transaction sums to zero per currency. So liabilities to partners (held, payable) carry negative balances when the
/// vendor owes, and a receivable from a partner carries a positive one.
/// </summary>
public enum LedgerAccount
{
    /// <summary>Expense: partner earnings under revenue share and referral commission (the model is on each line).</summary>
    CommissionExpense,

    /// <summary>Contra-revenue: reseller discount margin credited back to a reseller as money owed to it.</summary>
    ResellerMarginExpense,

    /// <summary>Contra-revenue: volume discounts settled as rebates once a partner reaches a volume tier.</summary>
    VolumeRebateExpense,

    /// <summary>Liability per partner: earned but inside the holding period (refunds and chargebacks still possible).</summary>
    CommissionHeld,

    /// <summary>Liability per partner: released and owed; may go negative after a clawback, which carries forward.</summary>
    CommissionPayable,

    /// <summary>Liability: paid out to the payment provider, not yet confirmed by the bank.</summary>
    PayoutClearing,

    /// <summary>Asset: the vendor's bank account.</summary>
    Cash,

    /// <summary>Asset per partner: certification fees charged and not yet collected.</summary>
    CertificationFeesReceivable,

    /// <summary>Income: certification fees charged to partners.</summary>
    CertificationFeeRevenue,

    /// <summary>Expense: market development funds paid to partners for approved co-marketing claims.</summary>
    MdfExpense,
}

public static class LedgerAccounts
{
    /// <summary>Accounts kept per partner: every line on them names its partner, and no other line does.</summary>
    public static bool IsPerPartner(this LedgerAccount account) =>
        account is LedgerAccount.CommissionHeld or LedgerAccount.CommissionPayable or LedgerAccount.CertificationFeesReceivable;

    /// <summary>Accounts a partner's earnings can be booked against.</summary>
    public static bool IsEarningsExpense(this LedgerAccount account) =>
        account is LedgerAccount.CommissionExpense or LedgerAccount.ResellerMarginExpense or LedgerAccount.VolumeRebateExpense;

    public static string Key(this LedgerAccount account) => account switch
    {
        LedgerAccount.CommissionExpense => "commission_expense",
        LedgerAccount.ResellerMarginExpense => "reseller_margin_expense",
        LedgerAccount.VolumeRebateExpense => "volume_rebate_expense",
        LedgerAccount.CommissionHeld => "commission_held",
        LedgerAccount.CommissionPayable => "commission_payable",
        LedgerAccount.PayoutClearing => "payout_clearing",
        LedgerAccount.Cash => "cash",
        LedgerAccount.CertificationFeesReceivable => "certification_fees_receivable",
        LedgerAccount.CertificationFeeRevenue => "certification_fee_revenue",
        LedgerAccount.MdfExpense => "mdf_expense",
        _ => throw new ArgumentOutOfRangeException(nameof(account), account, null),
    };
}
