using System.Text;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Search.Querying;
using Archivist.Tests.Search.Querying;
using Archivist.Tests.Search.Support;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Client;

/// <summary>The browser's snippet (search-core.js) is the CLI's (SnippetBuilder): same window, same marks.</summary>
public class SnippetParityTests
{
    [Fact]
    public void JsSnippetsEqualCliSnippetsOnTheSeeds()
    {
        var node = ExternalTool.Require("node", "it runs templates/assets/search/search-core.js");
        var analyzer = new EnglishAnalyzer();
        var posts = SearchTestSite.SeedPosts();
        var texts = posts.SelectMany(p => p.Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text)).Prepend(MarkdownSyntax.ToPlainText(p.Text!.Body))).ToList();
        var queries = new[] { "probation", "napo agm", "restorative justice", "the", "hmpps moj service", "re-professionalise" };
        var cases = texts.Where((_, i) => i % 3 == 0)
            .SelectMany((text, i) => queries.Take(2).Select(q => queries[(i + q.Length) % queries.Length]).Select(q => (text, terms: Weights(analyzer, q))))
            .ToList();

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(cases.Select(c => new { text = c.text, terms = c.terms })), new UTF8Encoding(false));
            var run = ExternalTool.Run(node, ["tests/js/snippet-parity.mjs", file], RepoPaths.Root, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.ToString());
            var js = run.StdOut.TrimEnd('\n').Split('\n');
            var builder = new SnippetBuilder(analyzer);
            Assert.Equal(cases.Count, js.Length);
            var marked = 0;
            for (var i = 0; i < cases.Count; i++)
            {
                var cs = Marked(builder.Build(cases[i].text, cases[i].terms));
                Assert.Equal(cs, js[i]);
                if (cs.Contains('[')) marked++;
            }
            Assert.True(marked > cases.Count / 3, $"only {marked} of {cases.Count} snippets highlight anything");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void FragmentsGiveTheBrowserTheCliSnippets()
    {
        // An index with fragments: the browser reads the first results' metadata and text from them, the CLI from the
        // metadata chunks and the Markdown beside each page. The same hits, passages and snippets must come out.
        var node = ExternalTool.Require("node", "it runs templates/assets/search/search-core.js");
        using var site = new SearchTestSite(SearchTestSite.SeedPosts(), new Archivist.Search.SearchIndexOptions { Fragments = true });
        var queries = KnownAnswerTests.Answers().Select(a => a.Query).Concat(["probation", "the", "napo agm", "\"clash of cultures\""]).ToList();
        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(queries), new UTF8Encoding(false));
            var run = ExternalTool.Run(node, ["tests/js/fragment-snippets.mjs", site.IndexFolder, file], RepoPaths.Root, TimeSpan.FromMinutes(2));
            Assert.True(run.ExitCode == 0, run.ToString());
            var js = run.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!.AsArray()).ToList();
            Assert.Equal(queries.Count, js.Count);
            var snippets = 0;
            for (var i = 0; i < queries.Count; i++)
            {
                var stdout = new StringWriter();
                Assert.Equal(Archivist.Cli.ExitCodes.Success, Archivist.Cli.SearchCommand.Run(new DirectoryInfo(site.Root), queries[i],
                    new SearchRequest(queries[i]) { Limit = 5 }, json: true, site.Options.Folder, new Archivist.Cli.Reporter(stdout, new StringWriter(), interactive: false)));
                var cli = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.Nodes.JsonNode.Parse(l)!)
                    .Select(h => $"{h["url"]} {h["where"]} {h["snippet"]}").ToList();
                var browser = js[i].Select(h => $"{h![0]}{((string)h[1]! == "post" ? "" : "#" + h[1])} {h[1]} {h[2]}").ToList();
                Assert.True(cli.SequenceEqual(browser), $"'{queries[i]}':\nCLI:\n  {string.Join("\n  ", cli)}\nJS:\n  {string.Join("\n  ", browser)}");
                snippets += cli.Count;
            }
            Assert.True(snippets > queries.Count, $"only {snippets} hits in {queries.Count} queries: the comparison proves little");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static Dictionary<string, int> Weights(EnglishAnalyzer analyzer, string query) =>
        analyzer.Analyze(query).Select((t, i) => (t.Term, Weight: 10 + i * 7)).DistinctBy(t => t.Term).ToDictionary(t => t.Term, t => t.Weight);

    private static string Marked(Snippet snippet)
    {
        var sb = new StringBuilder();
        var at = 0;
        foreach (var (start, length) in snippet.Highlights)
        {
            sb.Append(snippet.Text, at, start - at).Append('[').Append(snippet.Text, start, length).Append(']');
            at = start + length;
        }
        return sb.Append(snippet.Text, at, snippet.Text.Length - at).ToString().Replace("\n", "\\n");
    }
}
