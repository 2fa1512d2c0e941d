using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using Archivist.Search.Analysis;
using Archivist.Search.Format;
using Archivist.Search.Querying;
using Archivist.Search.Scoring;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Client;

/// <summary>
/// The search engine is written twice (search-core.js for the browser, Search/Querying for `archivist search`;
/// docs/BENCHMARKS.md, "One search engine or two", says why), so every tuning constant exists twice. The ranking
/// parity tests catch a constant changed on one side only when some query happens to exercise it; this test catches
/// it always: every upper-case constant the client's modules define is read from their source and must equal its
/// C# counterpart, and a new one must be given a counterpart here (or a reason it has none).
/// </summary>
public partial class ClientConstantsTests
{
    private static readonly string[] Modules = ["search-core.js", "analyzer.js"];

    /// <summary>Each client constant → the C# value it must equal.</summary>
    private static readonly Dictionary<string, object> CSharp = new()
    {
        ["EXACT_WEIGHT"] = QueryEvaluator.ExactWeight,
        ["EXPANDED_WEIGHT"] = QueryEvaluator.ExpandedWeight,
        ["TYPO_THRESHOLD"] = QueryEngine.TypoThreshold,
        ["MIN_PREFIX_LENGTH"] = QueryPlanner.MinPrefixLength,
        ["MAX_PREFIX_EXPANSIONS"] = QueryPlanner.MaxPrefixExpansions,
        ["MAX_PREFIX_PAGES"] = QueryPlanner.MaxPrefixPages,
        ["COMMON_DIVISOR"] = QueryPlanner.CommonDivisor,
        ["COMMON_FLOOR"] = QueryPlanner.CommonFloor,
        ["MAX_STEM_CUT"] = QueryPlanner.MaxStemCut,
        ["MIN_STEM_LENGTH"] = QueryPlanner.MinStemLength,
        ["TYPO_MIN_LENGTH"] = TypoExpander.MinLength,
        ["MAX_CORRECTIONS"] = TypoExpander.MaxCorrections,
        ["TYPO_FIXED_PREFIX"] = TypoExpander.FixedPrefix,
        ["TYPO_PAGE_REACH"] = TypoExpander.PageReach,
        ["TYPO_MAX_FAR_PAGES"] = TypoExpander.MaxFarPages,
        ["SHARD_UNITS"] = FetchBudget.ShardUnits,
        ["PAGE_UNITS"] = FetchBudget.PageUnits,
        ["MAX_FETCH_UNITS"] = FetchBudget.MaxUnits,
        ["EXACT"] = Kind(MatchKind.Exact),
        ["COMPLETION"] = Kind(MatchKind.Completion),
        ["STEM"] = Kind(MatchKind.Stem),
        ["CORRECTION"] = Kind(MatchKind.Correction),
        ["POST"] = PassageLocator.Post,
        ["FORMAT_VERSION"] = IndexFiles.FormatVersion,
        ["HASH_LENGTH"] = IndexFiles.HashLength,
        ["IDF_SCALE_DEFAULT"] = Idf.Scale,
        ["LN2"] = typeof(DeterministicLog).GetField("Ln2", BindingFlags.NonPublic | BindingFlags.Static)!.GetRawConstantValue()!,
        ["MAX_SHOWN_PASSAGES"] = PassageLocator.MaxShownPassages,
        ["WINDOW_WORDS"] = SnippetBuilder.WindowWords,
        ["LEAD_WORDS"] = SnippetBuilder.LeadWords,
        ["ELLIPSIS"] = SnippetBuilder.Ellipsis,
        ["MAX_TERM_LENGTH"] = ArchivistAnalyzer.MaxTermLength,
    };

    /// <summary>Client constants with no C# counterpart, and why.</summary>
    private static readonly HashSet<string> ClientOnly =
    [
        "OTHER", // analyzer.js: the term a word gets when it cannot be one of the terms asked about (a browser shortcut)
    ];

    [Fact]
    public void EveryClientConstantEqualsItsCSharpCounterpart()
    {
        var client = ClientConstants();
        Assert.True(client.Count >= 30, $"read only {client.Count} constants from the client: the pattern no longer fits its source");
        var unmapped = client.Keys.Where(k => !CSharp.ContainsKey(k) && !ClientOnly.Contains(k)).ToList();
        Assert.True(unmapped.Count == 0, $"client constants with no C# counterpart in this test: {string.Join(", ", unmapped)}");
        var different = client.Where(c => CSharp.TryGetValue(c.Key, out var cs) && !Equal(c.Value, cs))
            .Select(c => $"{c.Key}: client {c.Value}, C# {CSharp[c.Key]}").ToList();
        Assert.True(different.Count == 0, "the client and the C# engine disagree:\n" + string.Join("\n", different));
        var missing = CSharp.Keys.Where(k => !client.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"constants no longer in the client (remove them here): {string.Join(", ", missing)}");
    }

    [Fact]
    public void ADisagreementIsSeen()
    {
        Assert.False(Equal("3", 4));
        Assert.False(Equal("'exact'", "completion"));
        Assert.True(Equal("0.6931471805599453", 0.6931471805599453));
        Assert.True(Equal("'\\u2026'", "…"));
    }

    /// <summary>The top-level <c>const NAME = literal;</c> of the client's modules: NAME → the literal as written.</summary>
    private static Dictionary<string, string> ClientConstants() =>
        Modules.SelectMany(m => File.ReadLines(Path.Combine(RepoPaths.Templates, "assets", "search", m)))
            .Select(line => ConstantLine().Match(line))
            .Where(m => m.Success)
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value);

    private static bool Equal(string literal, object csharp) => csharp switch
    {
        int i => int.TryParse(literal, NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v == i,
        double d => double.TryParse(literal, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v == d,
        string s => literal.Length >= 2 && literal[0] is '\'' or '"' && literal[^1] == literal[0] && Regex.Unescape(literal[1..^1]) == s,
        _ => false,
    };

    private static string Kind(MatchKind kind) => kind.ToString().ToLowerInvariant();

    [GeneratedRegex("""^(?:export )?const (?<name>[A-Z][A-Z0-9_]*) = (?<value>[0-9][0-9._]*|'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*");""")]
    private static partial Regex ConstantLine();
}
