using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Workspace.Data.Entities;

namespace Workspace.Data;

/// <summary>
/// The workspace's one database context. The provider is chosen at run time (see Workspace.Web's
/// AddWorkspaceData); each provider keeps its migrations in its own assembly. To add a migration:
/// <code>
/// dotnet ef migrations add NAME --project src/Workspace.Data.Sqlite
/// dotnet ef migrations add NAME --project src/Workspace.Data.SqlServer
/// </code>
/// </summary>
public class WorkspaceDbContext(DbContextOptions<WorkspaceDbContext> options) : DbContext(options)
{
    public DbSet<Council> Councils => Set<Council>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<Remark> Remarks => Set<Remark>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AgendaTemplateItem> AgendaTemplateItems => Set<AgendaTemplateItem>();
    public DbSet<ItemLink> ItemLinks => Set<ItemLink>();
    public DbSet<Attachment> Attachments => Set<Attachment>();
    public DbSet<Attendance> Attendances => Set<Attendance>();
    public DbSet<SubstituteCall> SubstituteCalls => Set<SubstituteCall>();
    public DbSet<TextDocument> TextDocuments => Set<TextDocument>();
    public DbSet<TextOperationRecord> TextOperations => Set<TextOperationRecord>();
    public DbSet<FollowUp> FollowUps => Set<FollowUp>();
    public DbSet<FollowUpChange> FollowUpChanges => Set<FollowUpChange>();
    public DbSet<Poll> Polls => Set<Poll>();
    public DbSet<PollCandidate> PollCandidates => Set<PollCandidate>();
    public DbSet<PollVoter> PollVoters => Set<PollVoter>();
    public DbSet<PollBallot> PollBallots => Set<PollBallot>();
    public DbSet<DisplayLink> DisplayLinks => Set<DisplayLink>();
    public DbSet<MeetingShortLink> MeetingShortLinks => Set<MeetingShortLink>();
    public DbSet<SpeakerRequest> SpeakerRequests => Set<SpeakerRequest>();
    public DbSet<SpeakerList> SpeakerLists => Set<SpeakerList>();
    public DbSet<Hearing> Hearings => Set<Hearing>();
    public DbSet<HearingItem> HearingItems => Set<HearingItem>();
    public DbSet<HearingLink> HearingLinks => Set<HearingLink>();
    public DbSet<HearingAttachment> HearingAttachments => Set<HearingAttachment>();
    public DbSet<HearingRemark> HearingRemarks => Set<HearingRemark>();
    public DbSet<HearingSupport> HearingSupports => Set<HearingSupport>();
    public DbSet<HearingApproval> HearingApprovals => Set<HearingApproval>();

    /// <summary>The person whose changes are being saved; written to the audit trail.</summary>
    public Guid? ActorId { get; set; }

    /// <summary>Clock for audit entries; replaceable in tests.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkspaceDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot compare or order DateTimeOffset stored as text; as UTC ticks it can.
        if (Database.ProviderName == "Microsoft.EntityFrameworkCore.Sqlite")
        {
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        }
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RenewConcurrencyStamps();
        WriteAuditEntries();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RenewConcurrencyStamps();
        WriteAuditEntries();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void RenewConcurrencyStamps()
    {
        foreach (var entry in ChangeTracker.Entries<IConcurrencyStamped>().Where(e => e.State == EntityState.Modified))
        {
            entry.Entity.ConcurrencyStamp = Guid.NewGuid();
        }
    }

    private void WriteAuditEntries()
    {
        var now = Clock.GetUtcNow();
        var entries = ChangeTracker.Entries()
            .Where(e => e.Entity is not (AuditEntry or IKeepsOwnHistory or INotAudited) && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditEntry
            {
                At = now,
                PersonId = ActorId,
                EntityType = e.Metadata.ClrType.Name,
                EntityId = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue)),
                Action = e.State.ToString(),
                Changes = e.State == EntityState.Modified ? DescribeChanges(e) : null,
            })
            .ToList();
        AuditEntries.AddRange(entries);
    }

    // Keeps Danish letters readable in the audit trail; the JSON is stored, never written into HTML.
    private static readonly JsonSerializerOptions AuditJson = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static string DescribeChanges(EntityEntry entry)
    {
        var changes = entry.Properties
            .Where(p => p.IsModified && p.Metadata.Name != nameof(IConcurrencyStamped.ConcurrencyStamp))
            .ToDictionary(p => p.Metadata.Name, p => new { old = p.OriginalValue?.ToString(), @new = p.CurrentValue?.ToString() });
        return JsonSerializer.Serialize(changes, AuditJson);
    }
}
