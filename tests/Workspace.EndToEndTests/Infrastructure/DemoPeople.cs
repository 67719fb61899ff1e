namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>People of the app's demo data (Seeding/DemoData.cs) that the tests sign in as.</summary>
public static class DemoPeople
{
    /// <summary>Administration (secretary) of Udsatterådet.</summary>
    public const string Secretary = "Iben Sørensen";

    /// <summary>A member of Udsatterådet.</summary>
    public const string Member = "Mia Kragh";

    /// <summary>The chair of Udsatterådet, a member.</summary>
    public const string Chair = "Gitte Holmgaard";

    /// <summary>First substitute of Udsatterådet, not stepping in at the next meeting.</summary>
    public const string Substitute = "Carsten Lykke";

    /// <summary>Chair of the other council, Handicaprådet.</summary>
    public const string OtherCouncilChair = "Hanne Winther";

    public const string Council = "Udsatterådet";

    /// <summary>The title of the next meeting's closed item 7, which substitutes must not see.</summary>
    public const string ClosedItemTitle = "Henvendelse fra en borger om husleje og bostøtte";

    /// <summary>The email the demo data gives a person (the same rule as DemoData.EmailOf).</summary>
    public static string EmailOf(string name) =>
        name.ToLowerInvariant().Replace("æ", "ae").Replace("ø", "oe").Replace("å", "aa").Replace(' ', '.') + "@boegeby.example";
}
