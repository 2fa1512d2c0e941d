using System.Text;
using System.Xml.Linq;
using Archivist.Tests.Support;
using Archivist.Rendering;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

/// <summary>
/// Characters XML 1.0 or HTML forbid (U+FFFE, U+FFFF, C0 and C1 controls, noncharacters, lone surrogates) may be in a
/// seed, written raw or as YAML escapes: they are cleaned from every output with a warning naming the seed and line,
/// and never fail the build (in the feed writer, say).
/// </summary>
public class ForbiddenCharacterTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private Archivist.Build.BuildResult BuildWithForbiddenCharacters()
    {
        _site.Options = _site.Options with { SearchFragments = true };
        _site.AddSeed("raw.txt", SeedText.Post("Thursday, 9 October 2025", "Raw \uFFFE title\uFFFF \u0001one",
            "Body \uFFFF with \u0001 controls \u009B and \uFDD0 noncharacters \U0001FFFE too.", "A comment \uFFFE\u0001 here."));
        _site.AddSeed("escaped.md", """
            ---
            title: "Escaped \uFFFE title\x01"
            date: 2025-10-08
            comments:
            - id: c1
              text: "An escaped comment \uFFFF\x07 \U0010FFFF"
            ---

            Escaped body.
            """);
        _site.AddSeed("matter.txt", "---\ntitle: \"Front \\uFFFE matter \\e title\"\n---\nTuesday, 7 October 2025\n\nIgnored\n\nFront matter body.\n");
        return _site.Build();
    }

    private static bool IsForbidden(int c) =>
        c is < 0x20 and not ('\t' or '\n' or '\r') or (>= 0x7F and <= 0x9F) or (>= 0xFDD0 and <= 0xFDEF) or (>= 0xD800 and <= 0xDFFF)
        || (c & 0xFFFE) == 0xFFFE;

    [Fact]
    public void TheBuildSucceedsAndNoOutputHoldsThem()
    {
        BuildWithForbiddenCharacters();
        foreach (var (path, bytes) in _site.Files())
        {
            if (path.EndsWith(".bin", StringComparison.Ordinal)) continue; // binary search files: their text is checked below
            var text = Encoding.UTF8.GetString(bytes);
            var bad = text.EnumerateRunes().Where(r => IsForbidden(r.Value)).Select(r => $"U+{r.Value:X4}").Distinct().ToList();
            Assert.True(bad.Count == 0, $"{path} holds {string.Join(", ", bad)}");
            Assert.DoesNotContain('\uFFFD', text); // cleaned, not replaced by a replacement character (no lone surrogate was written)
        }
        var feed = XDocument.Parse(_site.Read("feed.xml"));
        Assert.Contains(feed.Descendants(), e => e.Name.LocalName == "title" && string.Join(' ', e.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)) == "Raw title one");
        Assert.Matches(@"<h1[^>]*>Escaped\s+title\s*</h1>", _site.Read("2025/10/escaped-title.html"));
        Assert.Matches(@"<h1[^>]*>Front\s+matter\s+title</h1>", _site.Read("2025/10/front-matter-title.html"));
    }

    [Fact]
    public void EachIsAWarningNamingTheSeedAndLine()
    {
        var diagnostics = BuildWithForbiddenCharacters().Diagnostics;
        Assert.Contains(diagnostics, d => d is { Severity: DiagnosticSeverity.Warning, File: "raw.txt", Line: 3 } && d.Message.Contains("U+FFFE"));
        Assert.Contains(diagnostics, d => d is { Severity: DiagnosticSeverity.Warning, File: "raw.txt" } && d.Message.Contains("5") && d.Message.Contains("9"));
        Assert.Contains(diagnostics, d => d is { Severity: DiagnosticSeverity.Warning, File: "escaped.md", Line: 2 } && d.Message.Contains("U+FFFE"));
        Assert.Contains(diagnostics, d => d is { Severity: DiagnosticSeverity.Warning, File: "escaped.md", Line: 6 } && d.Message.Contains("U+10FFFF"));
        Assert.Contains(diagnostics, d => d is { Severity: DiagnosticSeverity.Warning, File: "matter.txt", Line: 2 } && d.Message.Contains("U+001B"));
    }

    [Theory]
    [InlineData("title: \"A \\uFFFE title\"")]
    [InlineData("description: \"\\x01\"")]
    [InlineData("author: \"\\uD800\"")]
    public void ASettingHoldingThemIsAnErrorNamingIt(string yaml)
    {
        var error = Assert.Throws<SiteOptionsException>(() => SiteOptionsLoader.Parse(yaml, "archivist.yml", PageKinds.Reserved));
        // A lone surrogate escape is refused by the YAML reader itself; the others reach the settings' own check.
        Assert.StartsWith("archivist.yml:1: ", error.Message);
        Assert.Contains(yaml.Contains("D800") ? "not valid YAML" : "forbid", error.Message);
        Assert.Throws<SiteOptionsException>(() => SiteOptionsLoader.Parse("", "archivist.yml", PageKinds.Reserved, new SiteOptionOverrides { Title = "A \uFFFF title" }));
    }

    [Fact]
    public void AnAboutFileHoldingThemIsAnErrorNamingIt()
    {
        File.WriteAllText(Path.Combine(_site.Root, "about.md"), "About \uFFFE us.");
        var error = Assert.Throws<SiteOptionsException>(() => SiteOptionsLoader.Parse("about: about.md", Path.Combine(_site.Root, "archivist.yml"), PageKinds.Reserved));
        Assert.Contains("'about.md'", error.Message);
        Assert.Contains("U+FFFE", error.Message);
    }
}
