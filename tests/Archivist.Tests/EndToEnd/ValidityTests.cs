using System.Text.Json;
using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Archivist.Tests.EndToEnd.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.EndToEnd;

/// <summary>
/// The seeds' site as the ecosystem's own checkers see it: the Nu Html Checker over every page, stylesheet and
/// SVG, and the feed and sitemap against their schemas.
/// </summary>
public sealed class ValidityTests(RootSite site) : IClassFixture<RootSite>
{
    private static readonly string VnuJar = RepoPaths.Combine("tests", "js", "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemaps = "http://www.sitemaps.org/schemas/sitemap/0.9";

    [Fact]
    public void EveryPageStylesheetAndImagePassesTheNuHtmlChecker()
    {
        var java = ExternalTool.Require("java", "the Nu Html Checker is a Java program");
        if (!File.Exists(VnuJar))
            Skip.Because($"{VnuJar} is missing: run `npm ci` in tests/js (.ci/run does) to install the Nu Html Checker (npm vnu-jar).");
        var files = site.Files(".html").Concat(site.Files(".css")).Concat(site.Files(".svg")).ToList();
        Assert.Contains("index.html", files);
        Assert.Contains("404.html", files);
        Assert.True(files.Count(f => f.EndsWith(".html", StringComparison.Ordinal)) >= 20, "the seeds' site has every kind of page");

        var run = ExternalTool.Run(java, ["-jar", VnuJar, "--format", "json", "--also-check-css", "--also-check-svg",
            .. files.Select(f => Path.Combine(site.Output, f))], timeout: TimeSpan.FromMinutes(3));

        // vnu reports on stderr; "info" messages without a warning subtype are advice (e.g. "trailing slash on void elements").
        var messages = JsonDocument.Parse(run.StdErr).RootElement.GetProperty("messages").EnumerateArray()
            .Where(m => m.GetProperty("type").GetString() is "error" or "non-document-error"
                        || (m.TryGetProperty("subType", out var sub) && sub.GetString() is "warning" or "fatal"))
            .Select(m => $"{Relative(m)}:{(m.TryGetProperty("lastLine", out var line) ? line.GetInt32() : 0)}: " +
                         $"{m.GetProperty("type").GetString()}: {m.GetProperty("message").GetString()}")
            .ToList();
        Assert.True(messages.Count == 0, $"The Nu Html Checker found {messages.Count} problem(s):\n" + string.Join('\n', messages));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void TheFeedFollowsTheAtomSchemaAndRfc4287()
    {
        var feed = Validated("feed.xml", "atom.xsd");
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);

        AtomRules.Check("feed", root, exactlyOne: ["id", "title", "updated"], atMostOne: ["generator", "icon", "logo", "rights", "subtitle"]);
        Assert.Contains(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self"
            && (string?)l.Attribute("href") == "https://example.github.io/feed.xml");
        var entries = root.Elements(Atom + "entry").ToList();
        Assert.Equal(11, entries.Count); // every post of the five seeds (the feed holds the newest 50)
        Assert.True(root.Elements(Atom + "author").Any() || entries.All(e => e.Elements(Atom + "author").Any()),
            "RFC 4287 4.1.1: a feed without an author needs one in every entry");
        foreach (var entry in entries)
        {
            AtomRules.Check("entry " + entry.Element(Atom + "title")?.Value, entry,
                exactlyOne: ["id", "title", "updated"], atMostOne: ["content", "published", "rights", "source", "summary"]);
            var alternate = entry.Elements(Atom + "link").Where(l => (l.Attribute("rel")?.Value ?? "alternate") == "alternate").ToList();
            Assert.Single(alternate);
            Assert.StartsWith("https://example.github.io/", alternate[0].Attribute("href")!.Value);
        }
        Assert.Equal(entries.Count, entries.Select(e => e.Element(Atom + "id")!.Value).Distinct().Count());
        // Newest first; the feed's updated is its newest entry's.
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(updated[0], DateTimeOffset.Parse(root.Element(Atom + "updated")!.Value, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void TheSitemapFollowsItsSchemaAndListsEveryPostAbsolutely()
    {
        var sitemap = Validated("sitemap.xml", "sitemap.xsd");
        var locations = sitemap.Root!.Elements(Sitemaps + "url").Select(u => u.Element(Sitemaps + "loc")!.Value).ToList();
        Assert.All(locations, l => Assert.StartsWith("https://example.github.io/", l));
        Assert.Equal(locations.Count, locations.Distinct().Count());
        var posts = site.Files(".html").Where(f => System.Text.RegularExpressions.Regex.IsMatch(f, @"^(\d{4}/\d{2}|undated)/[^/]+\.html$") && !f.EndsWith("/index.html", StringComparison.Ordinal)).ToList();
        Assert.Equal(11, posts.Count);
        Assert.All(posts, p => Assert.Contains("https://example.github.io/" + p, locations));
        Assert.DoesNotContain("https://example.github.io/404.html", locations);
        Assert.Contains("Sitemap: https://example.github.io/sitemap.xml", File.ReadAllText(Path.Combine(site.Output, "robots.txt")));
    }

    /// <summary>Parses a generated XML file, validating it against a schema kept beside these tests.</summary>
    private XDocument Validated(string file, string schema)
    {
        var schemas = new XmlSchemaSet();
        foreach (var name in new[] { "xml.xsd", schema }) // xml.xsd first: the Atom schema imports xml:lang and xml:base
        {
            using var reader = XmlReader.Create(Path.Combine(RepoPaths.Tests, "EndToEnd", "Schemas", name));
            schemas.Add(null, reader);
        }
        var problems = new List<string>();
        var settings = new XmlReaderSettings { ValidationType = ValidationType.Schema, Schemas = schemas, DtdProcessing = DtdProcessing.Prohibit };
        settings.ValidationFlags |= XmlSchemaValidationFlags.ReportValidationWarnings;
        settings.ValidationEventHandler += (_, e) => problems.Add($"{file}:{e.Exception.LineNumber}: {e.Severity}: {e.Message}");
        XDocument document;
        using (var reader = XmlReader.Create(Path.Combine(site.Output, file), settings))
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        Assert.True(problems.Count == 0, $"{file} does not follow {schema}:\n" + string.Join('\n', problems));
        return document;
    }

    private string Relative(JsonElement message) =>
        message.TryGetProperty("url", out var url) ? url.GetString()!.Replace("file:" + site.Output + "/", "") : "?";

    /// <summary>RFC 4287's cardinalities, which XML Schema 1.0 cannot say for elements in any order.</summary>
    private static class AtomRules
    {
        public static void Check(string what, XElement element, string[] exactlyOne, string[] atMostOne)
        {
            foreach (var name in exactlyOne)
                Assert.True(element.Elements(Atom + name).Count() == 1, $"{what}: needs exactly one atom:{name}");
            foreach (var name in atMostOne)
                Assert.True(element.Elements(Atom + name).Count() <= 1, $"{what}: allows at most one atom:{name}");
            var id = element.Element(Atom + "id")!.Value;
            Assert.True(Uri.TryCreate(id, UriKind.Absolute, out _), $"{what}: atom:id '{id}' is not an absolute IRI");
        }
    }
}
