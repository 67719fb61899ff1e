using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> builder)
    {
        builder.Property(h => h.Title).HasMaxLength(Hearing.MaxTitleLength);
        builder.Property(h => h.Sender).HasMaxLength(Hearing.MaxSenderLength);
        builder.Property(h => h.Description).HasMaxLength(Hearing.MaxDescriptionLength);
        builder.Property(h => h.SentTo).HasMaxLength(Hearing.MaxSentToLength);
        builder.Property(h => h.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(h => new { h.CouncilId, h.Status });
        builder.HasOne(h => h.Council).WithMany().HasForeignKey(h => h.CouncilId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(h => h.Items).WithOne().HasForeignKey(i => i.HearingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Links).WithOne().HasForeignKey(l => l.HearingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Attachments).WithOne().HasForeignKey(a => a.HearingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Remarks).WithOne().HasForeignKey(r => r.HearingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(h => h.Approvals).WithOne().HasForeignKey(a => a.HearingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HearingItemConfiguration : IEntityTypeConfiguration<HearingItem>
{
    public void Configure(EntityTypeBuilder<HearingItem> builder)
    {
        builder.HasKey(i => new { i.HearingId, i.AgendaItemId });
        builder.HasIndex(i => i.AgendaItemId);
        builder.HasOne(i => i.AgendaItem).WithMany().HasForeignKey(i => i.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HearingLinkConfiguration : IEntityTypeConfiguration<HearingLink>
{
    public void Configure(EntityTypeBuilder<HearingLink> builder)
    {
        builder.Property(l => l.Title).HasMaxLength(300);
        builder.Property(l => l.Url).HasMaxLength(2000);
    }
}

internal sealed class HearingAttachmentConfiguration : IEntityTypeConfiguration<HearingAttachment>
{
    public void Configure(EntityTypeBuilder<HearingAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(255);
        builder.Property(a => a.ContentType).HasMaxLength(100);
        builder.Property(a => a.StorageKey).HasMaxLength(200);
    }
}

internal sealed class HearingRemarkConfiguration : IEntityTypeConfiguration<HearingRemark>
{
    public void Configure(EntityTypeBuilder<HearingRemark> builder)
    {
        builder.Property(r => r.Text).HasMaxLength(HearingRemark.MaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(200);
        builder.Property(r => r.Heading).HasMaxLength(HearingRemark.MaxHeadingLength);
        builder.Property(r => r.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(r => new { r.HearingId, r.CreatedAt });
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // A reply outlives the remark it answered (it is then a remark of its own).
        builder.HasOne<HearingRemark>().WithMany().HasForeignKey(r => r.ReplyToId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(r => r.Supports).WithOne().HasForeignKey(s => s.RemarkId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HearingSupportConfiguration : IEntityTypeConfiguration<HearingSupport>
{
    public void Configure(EntityTypeBuilder<HearingSupport> builder)
    {
        builder.HasKey(s => new { s.RemarkId, s.PersonId });
        builder.HasOne(s => s.Person).WithMany().HasForeignKey(s => s.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class HearingApprovalConfiguration : IEntityTypeConfiguration<HearingApproval>
{
    public void Configure(EntityTypeBuilder<HearingApproval> builder)
    {
        builder.Property(a => a.Comment).HasMaxLength(HearingApproval.MaxCommentLength);
        builder.HasIndex(a => new { a.HearingId, a.PersonId, a.At });
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}
