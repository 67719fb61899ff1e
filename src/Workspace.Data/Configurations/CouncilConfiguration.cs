using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class CouncilConfiguration : IEntityTypeConfiguration<Council>
{
    public void Configure(EntityTypeBuilder<Council> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.Municipality).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(2000);
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Email).HasMaxLength(320);
        builder.Property(p => p.EntraObjectId).HasMaxLength(64);
        builder.HasIndex(p => p.EntraObjectId).IsUnique();
        builder.HasIndex(p => p.Email);
        builder.Property(p => p.CalendarToken).HasMaxLength(64);
        builder.HasIndex(p => p.CalendarToken).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> builder)
    {
        builder.Property(m => m.Organisation).HasMaxLength(200);
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(m => m.Council).WithMany(c => c.Memberships).HasForeignKey(m => m.CouncilId);
        builder.HasOne(m => m.Person).WithMany(p => p.Memberships).HasForeignKey(m => m.PersonId);
        builder.HasIndex(m => new { m.CouncilId, m.PersonId, m.Kind }).IsUnique();
    }
}

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> builder)
    {
        builder.Property(m => m.Title).HasMaxLength(200);
        builder.Property(m => m.Place).HasMaxLength(300);
        builder.Property(m => m.OnlineLink).HasMaxLength(1000);
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(m => m.Council).WithMany(c => c.Meetings).HasForeignKey(m => m.CouncilId);
        builder.Property(m => m.CancellationReason).HasMaxLength(1000);
        builder.Property(m => m.ReopenReason).HasMaxLength(1000);
        builder.HasOne(m => m.MinuteTaker).WithMany().HasForeignKey(m => m.MinuteTakerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => new { m.CouncilId, m.StartsAt });
        builder.Property(m => m.Notes).HasMaxLength(Meeting.NotesMax);
    }
}

internal sealed class AgendaItemConfiguration : IEntityTypeConfiguration<AgendaItem>
{
    public void Configure(EntityTypeBuilder<AgendaItem> builder)
    {
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Presenter).HasMaxLength(300);
        builder.Property(i => i.StatusNote).HasMaxLength(1000);
        builder.Property(i => i.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(i => i.Meeting).WithMany(m => m.AgendaItems).HasForeignKey(i => i.MeetingId);
        builder.HasOne(i => i.Parent).WithMany(i => i.SubItems).HasForeignKey(i => i.ParentId)
            .OnDelete(DeleteBehavior.NoAction);
        builder.HasIndex(i => new { i.MeetingId, i.ParentId, i.Number });
        builder.HasOne<Meeting>().WithMany().HasForeignKey(i => i.ApprovesMinutesOfMeetingId).OnDelete(DeleteBehavior.NoAction);
    }
}

internal sealed class RemarkConfiguration : IEntityTypeConfiguration<Remark>
{
    public void Configure(EntityTypeBuilder<Remark> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(Remark.MaxLength);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(r => r.AgendaItem).WithMany(i => i.Remarks).HasForeignKey(r => r.AgendaItemId);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId)
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgendaItemId, r.CreatedAt });
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(100);
        builder.Property(a => a.Action).HasMaxLength(20);
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
    }
}

internal sealed class AgendaTemplateItemConfiguration : IEntityTypeConfiguration<AgendaTemplateItem>
{
    public void Configure(EntityTypeBuilder<AgendaTemplateItem> builder)
    {
        builder.Property(t => t.Title).HasMaxLength(300);
        builder.HasOne(t => t.Council).WithMany(c => c.AgendaTemplate).HasForeignKey(t => t.CouncilId);
        builder.HasIndex(t => new { t.CouncilId, t.Number });
    }
}

internal sealed class ItemLinkConfiguration : IEntityTypeConfiguration<ItemLink>
{
    public void Configure(EntityTypeBuilder<ItemLink> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.Url).HasMaxLength(2000);
        builder.HasOne(l => l.AgendaItem).WithMany(i => i.Links).HasForeignKey(l => l.AgendaItemId);
    }
}

internal sealed class AttachmentConfiguration : IEntityTypeConfiguration<Attachment>
{
    public void Configure(EntityTypeBuilder<Attachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(150);
        builder.Property(a => a.StorageKey).HasMaxLength(300);
        builder.HasOne(a => a.AgendaItem).WithMany(i => i.Attachments).HasForeignKey(a => a.AgendaItemId);
    }
}

internal sealed class AttendanceConfiguration : IEntityTypeConfiguration<Attendance>
{
    public void Configure(EntityTypeBuilder<Attendance> builder)
    {
        builder.Property(a => a.GuestName).HasMaxLength(300);
        builder.Property(a => a.ResponseNote).HasMaxLength(1000);
        builder.Property(a => a.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(a => a.Meeting).WithMany(m => m.Attendances).HasForeignKey(a => a.MeetingId);
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.MeetingId, a.PersonId });
    }
}

internal sealed class SubstituteCallConfiguration : IEntityTypeConfiguration<SubstituteCall>
{
    public void Configure(EntityTypeBuilder<SubstituteCall> builder)
    {
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(c => c.Meeting).WithMany(m => m.SubstituteCalls).HasForeignKey(c => c.MeetingId);
        builder.HasOne(c => c.Substitute).WithMany().HasForeignKey(c => c.SubstituteId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(c => c.ForMember).WithMany().HasForeignKey(c => c.ForMemberId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.MeetingId, c.Status });
    }
}
