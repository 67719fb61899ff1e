using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class SpeakerRequestConfiguration : IEntityTypeConfiguration<SpeakerRequest>
{
    public void Configure(EntityTypeBuilder<SpeakerRequest> builder)
    {
        builder.HasOne(r => r.AgendaItem).WithMany().HasForeignKey(r => r.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Person).WithMany().HasForeignKey(r => r.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.AgendaItemId, r.Position });
        // Nobody waits twice for the same kind on one item, even when two requests are saved at once.
        builder.HasIndex(r => new { r.AgendaItemId, r.PersonId, r.Kind })
            .IsUnique()
            .HasFilter("GivenFloorAt IS NULL AND WithdrawnAt IS NULL")
            .HasDatabaseName("IX_SpeakerRequests_Waiting");
    }
}

internal sealed class SpeakerListConfiguration : IEntityTypeConfiguration<SpeakerList>
{
    public void Configure(EntityTypeBuilder<SpeakerList> builder)
    {
        builder.HasKey(l => l.AgendaItemId);
        builder.HasOne(l => l.AgendaItem).WithOne().HasForeignKey<SpeakerList>(l => l.AgendaItemId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(l => l.ConcurrencyStamp).IsConcurrencyToken();
    }
}
