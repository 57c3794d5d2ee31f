using System.Globalization;
using PartnerHub.Core.Common;
using PartnerHub.Core.Facts;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Programs;

namespace PartnerHub.Core.Ledger;

/// <summary>Who the partner is under the program: what decides which revenue model applies and at which rate.</summary>
public sealed record CommissionPartner(string Category, string Subcategory, Agreement Agreement);

/// <summary>
/// Where the partner stands on the event's date, from the evaluation engine: the tier it holds, the certification level
/// it holds (null: none), and its trailing-12-month revenue on the program's basis (the volume that volume bands read).
/// </summary>
public sealed record StandingAtDate(string Tier, string? CertificationLevel, long TrailingVolumeMinor, string? Note = null);

/// <summary>
/// What is known about this customer with this partner: the date of the first revenue of the program's basis (the
/// event's own date when it is the first), and whether this event is that first one. <see cref="Known"/> is false when
/// the event names no customer, so neither a first payment nor a window start can be told.
/// </summary>
public sealed record CustomerHistory(bool Known, DateOnly FirstOn, bool IsFirst)
{
    public static CustomerHistory Unknown(DateOnly on) => new(false, on, false);
}

/// <summary>One revenue event to compute commission on: kind, business date and amount (a magnitude).</summary>
public sealed record CommissionEvent(RevenueKind Kind, DateOnly OccurredOn, Money Amount);

/// <summary>One accrual to post: its basis (rate or flat amount, with the explanation) and the expense account it books against.</summary>
public sealed record AccrualPart(string Suffix, AccrualBasis Basis, LedgerAccount Expense);

/// <summary>The revenue model that applies to a partner and why (null: none with computed amounts).</summary>
public sealed record ModelChoice(RevenueModel? Model, string Why);

/// <summary>What an event earns: the model applied, the accruals (possibly none) and, when none, why not.</summary>
public sealed record CommissionDecision(string? RevenueModel, IReadOnlyList<AccrualPart> Parts, string Explanation)
{
    public Money Total(Currency currency) => Parts.Aggregate(Money.Zero(currency), (sum, p) => sum + p.Basis.Amount);
}

/// <summary>
/// Commissions for the program's revenue models, as pure functions (docs/adr/0008-commission-rules.md):
/// <list type="bullet">
/// <item>the model: the partner agreement's revenue model, else the first model of its subcategory with a computed
/// amount (a commission or a discount; fees and arrangements are skipped);</item>
/// <item>only revenue of the program's basis accrues (collected: payments); bookings and invoices do not;</item>
/// <item>commission (revenue share, referral): rate × amount while the event falls within the model's months from the
/// customer's first revenue with this partner, plus the model's flat amount on that first revenue;</item>
/// <item>discount (reseller, volume): rate (tier rate plus the volume band of the trailing-12-month volume) × amount,
/// the margin between list price (the event's amount) and the partner's price;</item>
/// <item>rates from <see cref="RateResolver"/> with the tier and certification held on the event's date;</item>
/// <item>rounding once per accrual, half away from zero (<see cref="Money.ApplyRate"/>).</item>
/// </list>
/// </summary>
public static class CommissionCalculator
{
    public const string VolumeDiscount = "volume-discount";

    /// <summary>The model that applies: the agreement's, else the subcategory's first model with computed amounts.</summary>
    public static ModelChoice ModelFor(PartnerProgram program, CommissionPartner partner)
    {
        if (partner.Agreement.RevenueModel is { } agreed)
        {
            var model = program.FindRevenueModel(agreed);
            if (model is null) return new ModelChoice(null, $"The agreement names revenue model '{agreed}', which program does not define.");
            return model.HasRates
                ? new ModelChoice(model, $"{model.Name}, the revenue model of the partner's agreement.")
                : new ModelChoice(null, $"The partner's agreement is on {model.Name}, {(model.Kind == RevenueModelKind.Fee ? "a fee the partner owes" : "an arrangement")}: no commission is computed.");
        }

        var sub = program.FindSubcategory(partner.Subcategory);
        if (sub is null) return new ModelChoice(null, $"The program has no subcategory '{partner.Subcategory}', so no revenue model applies.");
        foreach (var key in sub.RevenueModels)
            if (program.FindRevenueModel(key) is { HasRates: true } model)
                return new ModelChoice(model, $"{model.Name}, the first revenue model of {sub.Name} with a computed amount (the agreement names none).");
        return new ModelChoice(null, $"{sub.Name} has no revenue model with a computed amount ({string.Join(", ", sub.RevenueModels)}).");
    }

    /// <summary>Whether an event of this kind earns commission under the program's revenue basis.</summary>
    public static bool Accrues(PartnerProgram program, RevenueKind kind) => program.Measurement.RevenueBasis switch
    {
        RevenueBasis.Collected => kind == RevenueKind.Payment,
        RevenueBasis.Invoiced => kind == RevenueKind.Invoice,
        _ => kind == RevenueKind.Booking,
    };

    public static bool Reverses(RevenueKind kind) => kind is RevenueKind.Refund or RevenueKind.Chargeback;

    /// <summary>The accruals one event earns the partner; none (with the reason) when it earns nothing.</summary>
    public static CommissionDecision Compute(PartnerProgram program, string programVersion, CommissionPartner partner, StandingAtDate standing,
        CustomerHistory customer, CommissionEvent e)
    {
        if (!Accrues(program, e.Kind))
            return None(null, $"A {Lower(e.Kind)} earns no commission: the program pays on {BasisWords(program.Measurement.RevenueBasis)}.");
        if (e.Amount.Minor <= 0) return None(null, "The amount is zero.");

        var choice = ModelFor(program, partner);
        if (choice.Model is not { } model) return None(null, choice.Why);
        var rate = RateResolver.Resolve(program, model.Key, standing.Tier, partner.Category, partner.Subcategory, partner.Agreement.RateOverrides,
            standing.CertificationLevel, model.Kind == RevenueModelKind.Discount && e.Amount.Currency == program.Currency ? standing.TrailingVolumeMinor : null);
        if (!rate.IsSuccess) return None(model.Key, $"{choice.Why} No rate: {rate.Error.Message}");
        var r = rate.Value;
        var tierName = program.FindTier(standing.Tier) is { } tier ? Display.TierName(tier) : standing.Tier;
        var context = $"{choice.Why} Tier held on {Display.Date(e.OccurredOn)}: {tierName}{(standing.Note is null ? "" : $" ({standing.Note})")}; program {programVersion}.";
        return model.Kind == RevenueModelKind.Commission
            ? Commission(program, programVersion, model, r, standing, customer, e, context)
            : Discount(programVersion, model, r, standing, e, context);
    }

    private static CommissionDecision Commission(PartnerProgram program, string version, RevenueModel model, RateDecision r, StandingAtDate standing,
        CustomerHistory customer, CommissionEvent e, string context)
    {
        var months = model.Months ?? 0;
        var windowEnds = customer.FirstOn.AddMonths(months);
        if (customer.Known && e.OccurredOn >= windowEnds)
            return None(model.Key, $"{model.Name} is paid for {months} months from the customer's first payment on {Display.Date(customer.FirstOn)}, "
                + $"until {Display.Date(windowEnds.AddDays(-1))}; this payment on {Display.Date(e.OccurredOn)} is after that. {context}");

        var parts = new List<AccrualPart>();
        var window = customer.Known
            ? $"within {months} months of the customer's first payment on {Display.Date(customer.FirstOn)}"
            : $"the event names no customer, so it counts as within the {months} months";
        var earned = e.Amount.ApplyRate(r.Percent);
        if (earned.Minor > 0)
        {
            var why = $"{r.Explanation} {Display.Percent(r.Percent)} of {e.Amount} = {earned}, {window}. {context}";
            parts.Add(new AccrualPart("", AccrualBasis.Rate(model.Key, e.Amount, r.Percent, standing.Tier, version, why), LedgerAccount.CommissionExpense));
        }

        string? flatNote = null;
        if (model.FlatAmountMinor is { } flatMinor && flatMinor > 0)
        {
            if (!customer.Known) flatNote = $" No flat {Display.Money(flatMinor, program.Currency)}: the event names no customer, so a first payment cannot be told.";
            else if (!customer.IsFirst) flatNote = $" No flat amount: the customer's first payment was on {Display.Date(customer.FirstOn)}.";
            else if (e.Amount.Currency != program.Currency) flatNote = $" No flat amount: it is in {program.Currency}, the payment in {e.Amount.Currency}.";
            else
            {
                var flat = new Money(flatMinor, program.Currency);
                var why = $"{model.Name}: flat {flat} for the referred customer's first payment ({e.Amount} on {Display.Date(e.OccurredOn)}). {context}";
                parts.Add(new AccrualPart(":flat", AccrualBasis.Flat(model.Key, e.Amount, flat, standing.Tier, version, why), LedgerAccount.CommissionExpense));
            }
        }

        return parts.Count > 0
            ? new CommissionDecision(model.Key, parts, string.Join(" ", parts.Select(p => p.Basis.Explanation)) + (flatNote ?? ""))
            : None(model.Key, $"{r.Explanation} Nothing to accrue on {e.Amount}.{flatNote} {context}");
    }

    private static CommissionDecision Discount(string version, RevenueModel model, RateDecision r, StandingAtDate standing, CommissionEvent e, string context)
    {
        var margin = e.Amount.ApplyRate(r.Percent);
        if (margin.Minor <= 0)
            return None(model.Key, $"{r.Explanation} No margin on {e.Amount} at {Display.Percent(r.Percent)}. {context}");
        var partnerPrice = e.Amount - margin;
        var volume = new Money(standing.TrailingVolumeMinor, e.Amount.Currency);
        var why = $"{r.Explanation} List price {e.Amount}, partner price {partnerPrice}: margin {margin} "
            + $"(trailing-12-month volume {volume}). {context}";
        var expense = model.Key == VolumeDiscount ? LedgerAccount.VolumeRebateExpense : LedgerAccount.ResellerMarginExpense;
        return new CommissionDecision(model.Key, [new AccrualPart("", AccrualBasis.Rate(model.Key, e.Amount, r.Percent, standing.Tier, version, why), expense)], why);
    }

    /// <summary>
    /// How much of an accrual one refund of a payment claws back, so that after refunds totalling
    /// R of a payment P, exactly round(accrued × min(R, P) / P) has been taken back: each refund takes the difference
    /// between the cumulative targets before and after it. Independent of the order refunds are processed in, since each
    /// refund's share depends only on the refunds received before it.
    /// </summary>
    public static long ClawbackMinor(long accruedMinor, long paymentMinor, long refundedBeforeMinor, long refundMinor)
    {
        if (accruedMinor <= 0 || paymentMinor <= 0 || refundMinor <= 0) return 0;
        return Target(accruedMinor, paymentMinor, refundedBeforeMinor + refundMinor) - Target(accruedMinor, paymentMinor, refundedBeforeMinor);

        static long Target(long accrued, long payment, long refunded) =>
            (long)Math.Round((decimal)accrued * Math.Min(refunded, payment) / payment, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// The certification fee the partner owes for a level awarded: from the first fee model that applies to it (its
    /// agreement's model, or one listed for its subcategory) with an amount for the level; null when none does.
    /// </summary>
    public static (RevenueModel Model, Money Fee, string Explanation)? CertificationFee(PartnerProgram program, string programVersion, CommissionPartner partner,
        string level, DateOnly awardedOn)
    {
        var keys = new List<string>();
        if (partner.Agreement.RevenueModel is { } agreed) keys.Add(agreed);
        if (program.FindSubcategory(partner.Subcategory) is { } sub) keys.AddRange(sub.RevenueModels);
        foreach (var key in keys.Distinct())
        {
            if (program.FindRevenueModel(key) is not { Kind: RevenueModelKind.Fee } model) continue;
            if (!model.FeeAmountsMinor.TryGetValue(level, out var minor) || minor <= 0) continue;
            var fee = new Money(minor, program.Currency);
            var levelName = program.FindLevel(level)?.Name ?? level;
            return (model, fee, string.Create(CultureInfo.InvariantCulture,
                $"{model.Name}: {fee} for the {levelName} certification awarded on {Display.Date(awardedOn)} (program {programVersion})."));
        }

        return null;
    }

    private static CommissionDecision None(string? model, string why) => new(model, [], why);

    private static string Lower(RevenueKind kind) => kind.ToString().ToLowerInvariant();

    private static string BasisWords(RevenueBasis basis) => basis switch
    {
        RevenueBasis.Collected => "collected revenue (payments)",
        RevenueBasis.Invoiced => "invoiced revenue (invoices)",
        _ => "bookings",
    };
}
