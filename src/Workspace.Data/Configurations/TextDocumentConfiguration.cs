using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Workspace.Data.Entities;

namespace Workspace.Data.Configurations;

internal sealed class TextDocumentConfiguration : IEntityTypeConfiguration<TextDocument>
{
    public void Configure(EntityTypeBuilder<TextDocument> builder)
    {
        builder.Property(d => d.Id).HasMaxLength(TextDocument.MaxIdLength);
        builder.Property(d => d.Revision).IsConcurrencyToken();
    }
}

internal sealed class TextOperationRecordConfiguration : IEntityTypeConfiguration<TextOperationRecord>
{
    public void Configure(EntityTypeBuilder<TextOperationRecord> builder)
    {
        builder.ToTable("TextOperations");
        builder.Property(o => o.DocumentId).HasMaxLength(TextDocument.MaxIdLength);
        builder.Property(o => o.ClientId).HasMaxLength(TextOperationRecord.MaxClientIdLength);
        builder.HasOne(o => o.Document).WithMany(d => d.Operations).HasForeignKey(o => o.DocumentId);
        builder.HasOne(o => o.Author).WithMany().HasForeignKey(o => o.AuthorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.DocumentId, o.Revision }).IsUnique();
        builder.HasIndex(o => new { o.DocumentId, o.ClientId, o.ClientSeq }).IsUnique();
    }
}
