using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

// The minutes' tables are reached through db.Set<T>(): no DbSet in WorkspaceDbContext, which other features change too.
internal sealed class MeetingMinutesConfiguration : IEntityTypeConfiguration<MeetingMinutes>
{
    public void Configure(EntityTypeBuilder<MeetingMinutes> builder)
    {
        builder.ToTable("MeetingMinutes");
        builder.Property(m => m.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(m => m.MeetingId).IsUnique();
        builder.HasOne(m => m.Meeting).WithMany().HasForeignKey(m => m.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(m => m.ApprovedUnderItemId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(m => m.Versions).WithOne().HasForeignKey(v => v.MeetingMinutesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Comments).WithOne().HasForeignKey(c => c.MeetingMinutesId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(m => m.Approvals).WithOne().HasForeignKey(a => a.MeetingMinutesId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MinutesApprovalConfiguration : IEntityTypeConfiguration<MinutesApproval>
{
    public void Configure(EntityTypeBuilder<MinutesApproval> builder)
    {
        builder.ToTable("MinutesApprovals");
        // One "Godkend" per person: a second (a double click, two tabs) is refused by the database too.
        builder.HasIndex(a => new { a.MeetingMinutesId, a.PersonId }).IsUnique();
        builder.HasOne(a => a.Person).WithMany().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MinutesVersionConfiguration : IEntityTypeConfiguration<MinutesVersion>
{
    public void Configure(EntityTypeBuilder<MinutesVersion> builder)
    {
        builder.ToTable("MinutesVersions");
        builder.Property(v => v.Reason).HasMaxLength(MinutesVersion.MaxReasonLength);
        builder.HasIndex(v => new { v.MeetingMinutesId, v.Number }).IsUnique();
    }
}

internal sealed class MinutesCommentConfiguration : IEntityTypeConfiguration<MinutesComment>
{
    public void Configure(EntityTypeBuilder<MinutesComment> builder)
    {
        builder.ToTable("MinutesComments");
        builder.Property(c => c.Text).HasMaxLength(MinutesComment.MaxLength);
        builder.Property(c => c.Resolution).HasMaxLength(MinutesComment.MaxLength);
        builder.Property(c => c.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(c => new { c.MeetingMinutesId, c.AgendaItemId });
        builder.HasOne(c => c.Author).WithMany().HasForeignKey(c => c.AuthorId).OnDelete(DeleteBehavior.Restrict);
        // Restrict: SQL Server refuses a second cascade path from the meeting (meeting → minutes → comment, meeting → item → comment).
        builder.HasOne<AgendaItem>().WithMany().HasForeignKey(c => c.AgendaItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
