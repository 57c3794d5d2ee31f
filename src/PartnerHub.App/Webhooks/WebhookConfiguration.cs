using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PartnerHub.App.Persistence;

namespace PartnerHub.App.Webhooks;

internal sealed class WebhookSubscriptionConfiguration : IEntityTypeConfiguration<WebhookSubscription>
{
    public void Configure(EntityTypeBuilder<WebhookSubscription> s)
    {
        s.ToTable("webhook_subscriptions");
        s.HasKey(x => x.Id);
        s.Property(x => x.Url).HasMaxLength(WebhookTargets.MaxUrlLength);
        s.Property(x => x.EventTypes).HasJsonListConversion().HasMaxLength(1000);
        s.Property(x => x.Secret).HasMaxLength(200);
        s.Property(x => x.Description).HasMaxLength(500);
        s.Property(x => x.DisabledReason).HasMaxLength(1000);
        s.Property(x => x.Source).HasMaxLength(20);
        s.Property(x => x.Version).IsConcurrencyToken();
        s.HasIndex(x => x.Url);
    }
}

internal sealed class WebhookEventConfiguration : IEntityTypeConfiguration<WebhookEvent>
{
    public void Configure(EntityTypeBuilder<WebhookEvent> e)
    {
        e.ToTable("webhook_events");
        e.HasKey(x => x.Id);
        e.Property(x => x.Type).HasMaxLength(60);
    }
}

internal sealed class WebhookWaitingConfiguration : IEntityTypeConfiguration<WebhookWaiting>
{
    public void Configure(EntityTypeBuilder<WebhookWaiting> w)
    {
        w.ToTable("webhook_waiting");
        w.HasKey(x => x.EventId);
        w.HasOne<WebhookEvent>().WithOne().HasForeignKey<WebhookWaiting>(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        w.Property(x => x.Type).HasMaxLength(60);
        // The worker's question: which events wait, oldest first? Read in that order from the index, never sorted.
        w.HasIndex(x => new { x.OccurredAt, x.EventId });
    }
}

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> d)
    {
        d.ToTable("webhook_deliveries");
        d.HasKey(x => x.Id);
        d.HasOne<WebhookSubscription>().WithMany().HasForeignKey(x => x.SubscriptionId).OnDelete(DeleteBehavior.Cascade);
        d.HasOne<WebhookEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Restrict);
        d.Property(x => x.EventType).HasMaxLength(60);
        d.Property(x => x.LastError).HasMaxLength(1000);
        d.HasIndex(x => new { x.Status, x.NextAttemptAt });
        d.HasIndex(x => new { x.SubscriptionId, x.CreatedAt });
    }
}

internal sealed class WebhookAttemptConfiguration : IEntityTypeConfiguration<WebhookAttempt>
{
    public void Configure(EntityTypeBuilder<WebhookAttempt> a)
    {
        a.ToTable("webhook_attempts");
        a.HasKey(x => x.Id);
        a.HasOne<WebhookDelivery>().WithMany().HasForeignKey(x => x.DeliveryId).OnDelete(DeleteBehavior.Cascade);
        a.Property(x => x.ResponseBody).HasMaxLength(WebhookAttempt.MaxBodyLength);
        a.Property(x => x.Error).HasMaxLength(1000);
        a.HasIndex(x => x.DeliveryId);
    }
}
