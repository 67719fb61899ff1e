using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using Workspace.Data.Entities;
using Workspace.IntegrationTests.Infrastructure;
using Workspace.Web.Components.Shared;
using Workspace.Web.Features.Access;
using Workspace.Web.Features.Members;
using PersonLinker = Workspace.Web.Features.Account.PersonLinker;

namespace Workspace.IntegrationTests.Members;

/// <summary>The administration's work on a council's people. Each test has its own database and mail folder.</summary>
public sealed class MembershipServiceTests : IAsyncLifetime
{
    private const string Thomas = "Thomas Lindberg";
    private const string OtherCouncilSecretary = "Lone Frandsen";
    private readonly MembersFactory _factory = new();
    private MembershipService Service => _factory.Service<MembershipService>();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _factory.DisposeAsync();

    [Fact]
    public async Task Making_a_member_chair_takes_the_mark_from_the_previous_chair()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var mia = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);

        // Act
        await Service.UpdateAsync(secretary, mia.MembershipId, InputFrom(mia, isChair: true), mia.ConcurrencyStamp, Ct);

        // Assert
        var roster = await Service.GetRosterAsync(secretary, council, Ct);
        Assert.Equal(DevSignIn.Member, Assert.Single(roster.Members, m => m.IsChair).Name);
        Assert.False(roster.Members.Single(m => m.Name == DevSignIn.Chair).IsChair);
        Assert.Equal("Jens Vestergaard", Assert.Single(roster.Members, m => m.IsViceChair).Name);
    }

    [Fact]
    public async Task A_person_cannot_be_both_chair_and_vice_chair()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var mia = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);

        // Act
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() =>
            Service.UpdateAsync(secretary, mia.MembershipId, InputFrom(mia, isChair: true, isViceChair: true), mia.ConcurrencyStamp, Ct));

        // Assert
        Assert.Contains(new FieldError(nameof(MembershipInput.IsViceChair), "Validation.ChairAndViceChair"), thrown.Errors);
        var roster = await Service.GetRosterAsync(secretary, council, Ct);
        Assert.Equal(DevSignIn.Chair, roster.Chair?.Name);
    }

    [Fact]
    public async Task Substitute_order_stays_one_to_n_after_moving_removing_and_adding()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var substitutes = (await Service.GetRosterAsync(secretary, council, Ct)).Substitutes;
        var birgitte = substitutes.Single(s => s.Name == "Birgitte Wendt");
        var carsten = substitutes.Single(s => s.Name == DevSignIn.Substitute);

        // Act
        var birgittePlace = await Service.MoveSubstituteAsync(secretary, birgitte.MembershipId, MoveDirection.Up, Ct);
        var afterMove = await OrderAsync(secretary, council);
        var carstenPlace = await Service.MoveSubstituteAsync(secretary, carsten.MembershipId, MoveDirection.Up, Ct);
        await Service.RemoveAsync(secretary, carsten.MembershipId, await StampAsync(secretary, council, carsten.MembershipId), Ct);
        var afterRemove = await OrderAsync(secretary, council);
        await Service.AddAsync(secretary, council, new MembershipInput { Kind = MembershipKind.Substitute, Name = "Signe Dahl" }, Ct);
        var afterAdd = await OrderAsync(secretary, council);

        // Assert
        Assert.Equal(2, birgittePlace);
        Assert.Equal(["1. Carsten Lykke", "2. Birgitte Wendt", "3. Martin Rosendahl"], afterMove);
        Assert.Equal(1, carstenPlace);
        Assert.Equal(["1. Birgitte Wendt", "2. Martin Rosendahl"], afterRemove);
        Assert.Equal(["1. Birgitte Wendt", "2. Martin Rosendahl", "3. Signe Dahl"], afterAdd);
    }

    [Fact]
    public async Task Removing_a_seat_keeps_the_person()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var mia = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);

        // Act
        await Service.RemoveAsync(secretary, mia.MembershipId, mia.ConcurrencyStamp, Ct);

        // Assert
        Assert.DoesNotContain((await Service.GetRosterAsync(secretary, council, Ct)).Members, m => m.Name == DevSignIn.Member);
        await using var db = await _factory.CreateDbContextAsync();
        Assert.True(await db.People.AnyAsync(p => p.Id == mia.PersonId, Ct));
    }

    [Fact]
    public async Task Invitation_is_a_Danish_mail_with_the_council_the_secretary_and_the_sign_in_link()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var mia = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);

        // Act
        var invitedAt = await Service.InviteAsync(secretary, mia.MembershipId, "https://raadsrum.boegeby.example/", Ct);

        // Assert
        var file = Assert.Single(_factory.MailFiles);
        var mail = await MimeMessage.LoadAsync(file, Ct);
        Assert.Equal(mia.Email, mail.To.Mailboxes.Single().Address);
        Assert.Equal("Invitation til Udsatterådet i Rådsrum", mail.Subject);
        Assert.Contains("Iben Sørensen har inviteret dig til Udsatterådet i Rådsrum.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("https://raadsrum.boegeby.example/account/signin", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("iben.soerensen@boegeby.example", mail.ReplyTo.Mailboxes.Single().Address);
        var after = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);
        Assert.Equal(invitedAt, after.InvitedAt!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(DateTimeOffset.UtcNow - invitedAt < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Invitation_needs_an_email_address()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var id = await Service.AddAsync(secretary, council, new MembershipInput { Kind = MembershipKind.Member, Name = "Signe Dahl" }, Ct);

        // Act
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() => Service.InviteAsync(secretary, id, "http://localhost/", Ct));

        // Assert
        Assert.Equal([new FieldError(nameof(MembershipInput.Email), "Validation.EmailRequiredForInvite")], thrown.Errors);
        Assert.Empty(_factory.MailFiles);
        Assert.Null((await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.MembershipId == id).InvitedAt);
    }

    [Fact]
    public async Task Person_added_with_an_email_is_linked_at_first_sign_in_whatever_the_case_of_the_address()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var id = await Service.AddAsync(secretary, council,
            new MembershipInput { Kind = MembershipKind.Member, Name = "Signe Dahl", Email = "  Signe.Dahl@Boegeby.Example " }, Ct);
        var added = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.MembershipId == id);

        // Act: the Entra account signs in for the first time with an object id the workspace has never seen
        var linked = await _factory.Service<PersonLinker>().LinkAsync("signe-object-id", "SIGNE.DAHL@boegeby.example", Ct);

        // Assert
        Assert.Equal("signe.dahl@boegeby.example", added.Email);
        Assert.False(added.IsLinked);
        Assert.Equal(added.PersonId, linked?.Id);
        Assert.True((await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.MembershipId == id).IsLinked);
        Assert.Equal(added.PersonId, (await _factory.Service<PersonLinker>().LinkAsync("signe-object-id", null, Ct))?.Id);
    }

    [Fact]
    public async Task Adding_a_known_email_reuses_the_person_and_a_second_seat_in_the_same_council_is_refused()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var ids = await DemoIds.LoadAsync(_factory);
        var otherSecretary = await _factory.UserAsync(OtherCouncilSecretary);
        var miaId = await DemoIds.PersonIdAsync(_factory, DevSignIn.Member);

        // Act
        var seatId = await Service.AddAsync(otherSecretary, ids.Handicapraadet,
            new MembershipInput { Kind = MembershipKind.Member, Name = "Mia K.", Email = "MIA.KRAGH@BOEGEBY.EXAMPLE", Organisation = "Bøgeby Værested" }, Ct);
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() => Service.AddAsync(secretary, council,
            new MembershipInput { Kind = MembershipKind.Substitute, Name = "Mia Kragh", Email = " Mia.Kragh@boegeby.example" }, Ct));

        // Assert
        var seat = (await Service.GetRosterAsync(otherSecretary, ids.Handicapraadet, Ct)).Members.Single(m => m.MembershipId == seatId);
        Assert.Equal(miaId, seat.PersonId);
        Assert.Equal(DevSignIn.Member, seat.Name);
        Assert.Equal([new FieldError(nameof(MembershipInput.Email), "Validation.AlreadyInCouncil")], thrown.Errors);
        Assert.DoesNotContain((await Service.GetRosterAsync(secretary, council, Ct)).Substitutes, s => s.PersonId == miaId);
    }

    [Fact]
    public async Task The_last_administration_seat_cannot_be_removed()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var administration = (await Service.GetRosterAsync(secretary, council, Ct)).Administration;
        var thomas = administration.Single(a => a.Name == Thomas);
        var iben = administration.Single(a => a.Name == DevSignIn.Administration);
        await Service.RemoveAsync(secretary, thomas.MembershipId, thomas.ConcurrencyStamp, Ct);

        // Act
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() => Service.RemoveAsync(secretary, iben.MembershipId, iben.ConcurrencyStamp, Ct));

        // Assert
        Assert.Equal([new FieldError("Membership", "Validation.LastAdministration")], thrown.Errors);
        Assert.Equal([DevSignIn.Administration], (await Service.GetRosterAsync(secretary, council, Ct)).Administration.Select(a => a.Name));
    }

    [Fact]
    public async Task Edit_with_a_stale_stamp_is_a_conflict_even_when_only_the_name_changes()
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var mia = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.Name == DevSignIn.Member);
        var first = InputFrom(mia);
        first.Organisation = "Ny forening";
        await Service.UpdateAsync(secretary, mia.MembershipId, first, mia.ConcurrencyStamp, Ct);

        // Act
        var stale = InputFrom(mia);
        stale.Name = "Mia Kragh Holm";
        var thrown = await Record.ExceptionAsync(() => Service.UpdateAsync(secretary, mia.MembershipId, stale, mia.ConcurrencyStamp, Ct));

        // Assert
        Assert.IsType<ConcurrencyConflictException>(thrown);
        var after = (await Service.GetRosterAsync(secretary, council, Ct)).Members.Single(m => m.MembershipId == mia.MembershipId);
        Assert.Equal(DevSignIn.Member, after.Name);
        Assert.Equal("Ny forening", after.Organisation);
    }

    [Theory]
    [InlineData("", "mia@boegeby.example", null, null, "Name", "Validation.Required")]
    [InlineData("Signe Dahl", "signe.dahl@", null, null, "Email", "Validation.InvalidEmail")]
    [InlineData("Signe Dahl", "Signe <signe@boegeby.example>", null, null, "Email", "Validation.InvalidEmail")]
    [InlineData("Signe Dahl", null, "2026-01-01", "2025-12-31", "TermEnd", "Validation.TermEndBeforeStart")]
    public async Task Invalid_input_is_refused_with_a_field_error(string name, string? email, string? termStart, string? termEnd, string field, string key)
    {
        // Arrange
        var (secretary, council) = await SecretaryAsync();
        var input = new MembershipInput
        {
            Kind = MembershipKind.Member,
            Name = name,
            Email = email,
            TermStart = termStart is null ? null : DateTime.Parse(termStart, System.Globalization.CultureInfo.InvariantCulture),
            TermEnd = termEnd is null ? null : DateTime.Parse(termEnd, System.Globalization.CultureInfo.InvariantCulture),
        };

        // Act
        var thrown = await Assert.ThrowsAsync<InputValidationException>(() => Service.AddAsync(secretary, council, input, Ct));

        // Assert
        Assert.Contains(new FieldError(field, key), thrown.Errors);
    }

    [Fact]
    public async Task Smtp_is_used_when_a_host_is_configured()
    {
        // Arrange
        await using var smtp = new SmtpFactory();

        // Act
        var sender = smtp.Service<IEmailSender>();

        // Assert
        Assert.IsType<SmtpEmailSender>(sender);
        Assert.IsType<PickupFolderEmailSender>(_factory.Service<IEmailSender>());
    }

    private async Task<(WorkspaceUser Secretary, Guid Council)> SecretaryAsync()
    {
        var ids = await DemoIds.LoadAsync(_factory);
        return (await _factory.UserAsync(DevSignIn.Administration), ids.Udsatteraadet);
    }

    private async Task<List<string>> OrderAsync(WorkspaceUser secretary, Guid council) =>
        (await Service.GetRosterAsync(secretary, council, Ct)).Substitutes.Select(s => $"{s.SubstituteOrder}. {s.Name}").ToList();

    private async Task<Guid> StampAsync(WorkspaceUser secretary, Guid council, Guid membershipId)
    {
        var roster = await Service.GetRosterAsync(secretary, council, Ct);
        return roster.Members.Concat(roster.Substitutes).Concat(roster.Administration).Single(p => p.MembershipId == membershipId).ConcurrencyStamp;
    }

    private static MembershipInput InputFrom(RosterPerson person, bool? isChair = null, bool? isViceChair = null) => new()
    {
        Kind = person.Kind,
        Name = person.Name,
        Email = person.Email,
        Organisation = person.Organisation,
        Title = person.Title,
        TermStart = person.TermStart?.ToDateTime(TimeOnly.MinValue),
        TermEnd = person.TermEnd?.ToDateTime(TimeOnly.MinValue),
        IsChair = isChair ?? person.IsChair,
        IsViceChair = isViceChair ?? person.IsViceChair,
    };

    private sealed class SmtpFactory : WorkspaceFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Email:Smtp:Host", "smtp.boegeby.example");
        }
    }
}
