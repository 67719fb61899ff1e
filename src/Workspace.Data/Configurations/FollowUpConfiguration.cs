using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class FollowUpConfiguration : IEntityTypeConfiguration<FollowUp>
{
    public void Configure(EntityTypeBuilder<FollowUp> builder)
    {
        builder.Property(f => f.Text).HasMaxLength(FollowUp.MaxTextLength);
        builder.Property(f => f.Report).HasMaxLength(FollowUp.MaxReportLength);
        builder.Property(f => f.OwnerName).HasMaxLength(FollowUp.MaxOwnerNameLength);
        builder.Property(f => f.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(f => new { f.CouncilId, f.Status });
        builder.HasIndex(f => f.OwnerPersonId);
        builder.HasOne<Council>().WithMany().HasForeignKey(f => f.CouncilId).OnDelete(DeleteBehavior.Restrict);
        // Meetings are cancelled, never deleted; a promise outlives the deletion of the item it was made on.
        builder.HasOne(f => f.Meeting).WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(f => f.AgendaItem).WithMany().HasForeignKey(f => f.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(f => f.OwnerPerson).WithMany().HasForeignKey(f => f.OwnerPersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(f => f.Changes).WithOne().HasForeignKey(c => c.FollowUpId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FollowUpChangeConfiguration : IEntityTypeConfiguration<FollowUpChange>
{
    public void Configure(EntityTypeBuilder<FollowUpChange> builder)
    {
        builder.Property(c => c.PersonName).HasMaxLength(200);
        builder.Property(c => c.Description).HasMaxLength(4000);
        builder.HasIndex(c => new { c.FollowUpId, c.At });
    }
}
