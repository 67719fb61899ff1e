using Workspace.Web.Features.Attendance;

namespace Workspace.UnitTests.Attendance;

public sealed class SubstituteOrderTests
{
    private static readonly SubstituteCandidate First = new(Guid.NewGuid(), "Foreningen Gadens Stemme", 1);
    private static readonly SubstituteCandidate Second = new(Guid.NewGuid(), "Café Lyspunktet", 2);
    private static readonly SubstituteCandidate Third = new(Guid.NewGuid(), "Retshjælpen Bøgeby", 3);
    private static readonly SubstituteCandidate[] All = [Third, First, Second];

    [Fact]
    public void First_substitute_in_order_is_offered_when_no_one_shares_the_members_organisation()
    {
        // Act
        var next = SubstituteOrder.Next(All, "Bøgeby Lejerforening", new HashSet<Guid>());

        // Assert
        Assert.Equal(First.PersonId, next?.PersonId);
    }

    [Fact]
    public void Substitute_from_the_members_own_organisation_comes_first()
    {
        // Act
        var next = SubstituteOrder.Next(All, "café lyspunktet ", new HashSet<Guid>());

        // Assert
        Assert.Equal(Second.PersonId, next?.PersonId);
    }

    [Fact]
    public void Unavailable_substitutes_are_skipped_in_order()
    {
        // Act
        var next = SubstituteOrder.Next(All, null, new HashSet<Guid> { First.PersonId });

        // Assert
        Assert.Equal(Second.PersonId, next?.PersonId);
    }

    [Fact]
    public void Nobody_is_offered_when_every_substitute_is_unavailable()
    {
        // Act
        var next = SubstituteOrder.Next(All, null, All.Select(s => s.PersonId).ToHashSet());

        // Assert
        Assert.Null(next);
    }

    [Fact]
    public void Substitutes_without_an_order_come_last()
    {
        // Arrange
        var unordered = new SubstituteCandidate(Guid.NewGuid(), null, null);

        // Act
        var next = SubstituteOrder.Next([unordered, Third], null, new HashSet<Guid>());

        // Assert
        Assert.Equal(Third.PersonId, next?.PersonId);
    }
}
