using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class DisplayLinkConfiguration : IEntityTypeConfiguration<DisplayLink>
{
    public void Configure(EntityTypeBuilder<DisplayLink> builder)
    {
        builder.Property(l => l.Label).HasMaxLength(DisplayLink.LabelMax);
        builder.Property(l => l.TokenHash).HasMaxLength(64);
        builder.HasIndex(l => l.TokenHash).IsUnique();
        builder.HasIndex(l => l.MeetingId);
        builder.HasOne(l => l.Meeting).WithMany().HasForeignKey(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Person>().WithMany().HasForeignKey(l => l.CreatedById).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MeetingShortLinkConfiguration : IEntityTypeConfiguration<MeetingShortLink>
{
    public void Configure(EntityTypeBuilder<MeetingShortLink> builder)
    {
        builder.HasKey(l => l.MeetingId);
        builder.Property(l => l.Code).HasMaxLength(MeetingShortLink.CodeLength);
        builder.HasIndex(l => l.Code).IsUnique();
        builder.HasOne(l => l.Meeting).WithOne().HasForeignKey<MeetingShortLink>(l => l.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}
