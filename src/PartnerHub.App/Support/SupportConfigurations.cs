using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PartnerHub.Core.Partners;
using PartnerHub.Core.Support;

namespace PartnerHub.App.Support;

internal sealed class SupportTicketConfiguration : IEntityTypeConfiguration<SupportTicket>
{
    private static readonly ValueConverter<decimal, long> Hundredths = new(hours => (long)(hours * 100), centi => centi / 100m);

    public void Configure(EntityTypeBuilder<SupportTicket> ticket)
    {
        ticket.ToTable("support_tickets");
        ticket.HasKey(t => t.Id);
        ticket.Property(t => t.Id).HasConversion(id => id.Value, value => new SupportTicketId(value));
        ticket.HasOne<Partner>().WithMany().HasForeignKey(t => t.PartnerId).OnDelete(DeleteBehavior.Restrict);
        ticket.Property(t => t.Subject).HasMaxLength(SupportTicket.MaxSubject);
        ticket.Property(t => t.Description).HasMaxLength(SupportTicket.MaxText);
        ticket.Property(t => t.Channel).HasMaxLength(60);
        ticket.Property(t => t.Tier).HasMaxLength(60);
        ticket.Property(t => t.ProgramVersion).HasMaxLength(40);
        ticket.Property(t => t.OpenedBy).HasMaxLength(254);
        ticket.Property(t => t.ClosedBy).HasMaxLength(254);
        ticket.Property(t => t.RatingComment).HasMaxLength(SupportTicket.MaxText);
        // Targets have two decimals of an hour; stored as whole hundredths, since the databases do not agree on decimals (DESIGN.md).
        ticket.Property(t => t.FirstResponseHours).HasConversion(Hundredths).HasColumnName("first_response_target_centihours");
        ticket.Property(t => t.ResolutionHours).HasConversion(Hundredths).HasColumnName("resolution_target_centihours");
        ticket.Property(t => t.Version).IsConcurrencyToken();
        ticket.HasIndex(t => new { t.PartnerId, t.OpenedAt });
        ticket.HasIndex(t => new { t.Status, t.OpenedAt }); // the queue: open tickets, oldest first
    }
}

internal sealed class SupportTicketMessageConfiguration : IEntityTypeConfiguration<SupportTicketMessage>
{
    public void Configure(EntityTypeBuilder<SupportTicketMessage> message)
    {
        message.ToTable("support_ticket_messages");
        message.HasKey(m => m.Id);
        message.Property(m => m.TicketId).HasConversion(id => id.Value, value => new SupportTicketId(value));
        message.HasOne<SupportTicket>().WithMany().HasForeignKey(m => m.TicketId).OnDelete(DeleteBehavior.Cascade);
        message.Property(m => m.Author).HasMaxLength(254);
        message.Property(m => m.Text).HasMaxLength(SupportTicket.MaxText);
        message.HasIndex(m => new { m.TicketId, m.Id });
        message.HasIndex(m => m.PartnerId);
    }
}

internal sealed class SupportTicketNoteConfiguration : IEntityTypeConfiguration<SupportTicketNote>
{
    public void Configure(EntityTypeBuilder<SupportTicketNote> note)
    {
        note.ToTable("support_ticket_notes");
        note.HasKey(n => n.Id);
        note.Property(n => n.TicketId).HasConversion(id => id.Value, value => new SupportTicketId(value));
        note.HasOne<SupportTicket>().WithMany().HasForeignKey(n => n.TicketId).OnDelete(DeleteBehavior.Cascade);
        note.Property(n => n.Author).HasMaxLength(254);
        note.Property(n => n.Text).HasMaxLength(SupportTicket.MaxText);
        note.HasIndex(n => n.TicketId);
    }
}
