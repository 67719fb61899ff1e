using System.Text.RegularExpressions;
using System.Xml.Linq;
using Workspace.Data.Entities;

namespace Workspace.UnitTests.Resources;

/// <summary>Every text the app asks for exists in Danish and in English, and the two files agree.</summary>
public sealed partial class ResourceKeyTests
{
    private static readonly string WebProject = Path.Combine(RepoRoot(), "src", "Workspace.Web");
    private static readonly string DanishFile = Path.Combine(WebProject, "Resources", "SharedResource.resx");
    private static readonly string EnglishFile = Path.Combine(WebProject, "Resources", "SharedResource.en.resx");

    /// <summary>Prefixes of keys built from an enum value, e.g. L[$"ItemKind.{item.Kind}"].</summary>
    private static readonly Dictionary<string, Type> EnumKeyPrefixes = new()
    {
        ["MeetingStatus"] = typeof(MeetingStatus),
        ["MeetingKind"] = typeof(MeetingKind),
        ["MembershipKind"] = typeof(MembershipKind),
        ["ItemKind"] = typeof(AgendaItemKind),
        ["ItemStatus"] = typeof(AgendaItemStatus),
        ["Presence"] = typeof(PresenceStatus),
        ["Response"] = typeof(InvitationResponse),
    };

    [GeneratedRegex(""""(?:L|localizer)\["([^"]+)"""")]
    private static partial Regex LiteralLookup();

    [GeneratedRegex("""(?:L|localizer)\[\$"([A-Za-z]+)\.\{""")]
    private static partial Regex InterpolatedLookup();

    [GeneratedRegex("""["']((?:Validation|Error|Format)\.[A-Za-z]+)["']""")]
    private static partial Regex KeyConstant();

    public static TheoryData<string> UsedKeys() => new(KeysUsedInSource().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(UsedKeys))]
    public void Key_used_in_the_app_exists_in_danish_and_english(string key)
    {
        // Arrange
        var danish = KeysIn(DanishFile);
        var english = KeysIn(EnglishFile);

        // Assert
        Assert.True(danish.Contains(key), $"'{key}' is missing from SharedResource.resx (Danish).");
        Assert.True(english.Contains(key), $"'{key}' is missing from SharedResource.en.resx (English).");
    }

    [Fact]
    public void Danish_and_english_resources_have_the_same_keys()
    {
        // Arrange
        var danish = KeysIn(DanishFile);
        var english = KeysIn(EnglishFile);

        // Act
        var onlyDanish = danish.Except(english).Order(StringComparer.Ordinal).ToList();
        var onlyEnglish = english.Except(danish).Order(StringComparer.Ordinal).ToList();

        // Assert
        Assert.True(onlyDanish.Count == 0, "Only in Danish: " + string.Join(", ", onlyDanish));
        Assert.True(onlyEnglish.Count == 0, "Only in English: " + string.Join(", ", onlyEnglish));
    }

    [Fact]
    public void Resources_have_no_duplicate_or_empty_entries()
    {
        foreach (var file in new[] { DanishFile, EnglishFile })
        {
            // Arrange
            var entries = XDocument.Load(file).Root!.Elements("data")
                .Select(d => (Name: (string)d.Attribute("name")!, Value: (string?)d.Element("value")))
                .ToList();

            // Act
            var duplicates = entries.GroupBy(e => e.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            var empty = entries.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Name).ToList();

            // Assert
            Assert.True(duplicates.Count == 0, $"{Path.GetFileName(file)} has duplicates: {string.Join(", ", duplicates)}");
            Assert.True(empty.Count == 0, $"{Path.GetFileName(file)} has empty values: {string.Join(", ", empty)}");
        }
    }

    [Fact]
    public void Keys_built_at_run_time_only_use_known_enum_prefixes()
    {
        // Arrange
        var sources = SourceFiles().Select(File.ReadAllText);

        // Act
        var prefixes = sources
            .SelectMany(text => InterpolatedLookup().Matches(text).Select(m => m.Groups[1].Value))
            .Distinct()
            .ToList();

        // Assert: a new interpolated key needs its enum added to EnumKeyPrefixes above
        Assert.NotEmpty(prefixes);
        Assert.All(prefixes, p => Assert.Contains(p, EnumKeyPrefixes.Keys));
    }

    [Fact]
    public void Source_scan_finds_the_keys_it_should()
    {
        // Act
        var keys = KeysUsedInSource();

        // Assert: guards against a scan that silently finds nothing
        Assert.Contains("App.Name", keys);
        Assert.Contains("Validation.Required", keys);
        Assert.Contains("Format.DateAndTime", keys);
        Assert.Contains("Error.NotFound", keys);
        Assert.Contains("ItemKind.WorkingSession", keys);
    }

    private static HashSet<string> KeysUsedInSource()
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in SourceFiles().Select(File.ReadAllText))
        {
            keys.UnionWith(LiteralLookup().Matches(text).Select(m => m.Groups[1].Value));
            keys.UnionWith(KeyConstant().Matches(text).Select(m => m.Groups[1].Value));
        }
        foreach (var (prefix, enumType) in EnumKeyPrefixes)
        {
            keys.UnionWith(Enum.GetNames(enumType).Select(name => $"{prefix}.{name}"));
        }
        return keys;
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(WebProject, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    private static HashSet<string> KeysIn(string resxFile) =>
        XDocument.Load(resxFile).Root!.Elements("data")
            .Select(d => (string)d.Attribute("name")!)
            .ToHashSet(StringComparer.Ordinal);

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workspace.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException($"No Workspace.sln above {AppContext.BaseDirectory}.");
    }
}
