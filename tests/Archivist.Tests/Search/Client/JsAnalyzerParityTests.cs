using System.Text;
using System.Text.Json;
using Archivist.Content;
using Archivist.Search.Analysis;
using Archivist.Tests.Support;
using Archivist.Text;

namespace Archivist.Tests.Search.Client;

/// <summary>The browser must analyse query words exactly as the build analysed the archive.</summary>
public class JsAnalyzerParityTests
{
    [Fact]
    public void JsAnalyzerGivesTheSameTokenStreamOnTheSeeds()
    {
        var node = ExternalTool.Require("node", "it runs templates/assets/search/analyzer.js");
        var posts = ContentLoader.Load(RepoPaths.Seeds, PermalinkPattern.Blogger).Posts;
        var texts = posts.SelectMany(p => new[] { p.Title, MarkdownSyntax.ToPlainText(p.Text!.Body) }
                .Concat(p.Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text))))
            .Append(EdgeCases())
            .ToList();
        Assert.True(texts.Sum(t => t.Length) > 150_000, "the seeds should give plenty of text");

        var file = Path.GetTempFileName();
        try
        {
            File.WriteAllText(file, JsonSerializer.Serialize(texts), new UTF8Encoding(false));
            var result = ExternalTool.Run(node, ["tests/js/analyzer-parity.mjs", file], RepoPaths.Root, TimeSpan.FromMinutes(2));
            Assert.True(result.ExitCode == 0, result.ToString());
            var expected = CSharpStream(texts).Split('\n');
            var actual = result.StdOut.Split('\n');
            var i = 0;
            while (i < expected.Length && i < actual.Length && expected[i] == actual[i]) i++;
            Assert.True(i == expected.Length && i == actual.Length,
                $"token streams differ at token line {i + 1}: C# '{expected.ElementAtOrDefault(i)}', JS '{actual.ElementAtOrDefault(i)}'");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// The memoised chain the index and queries run gives exactly the Lucene analyzer's token stream (which the test
    /// above holds the browser's to).
    /// </summary>
    [Fact]
    public void MemoisedChainGivesTheLuceneAnalyzersTokenStream()
    {
        var posts = ContentLoader.Load(RepoPaths.Seeds, PermalinkPattern.Blogger).Posts;
        var texts = posts.SelectMany(p => new[] { p.Title, MarkdownSyntax.ToPlainText(p.Text!.Body) }
                .Concat(p.Text!.AllComments().Select(c => MarkdownSyntax.ToPlainText(c.Text))))
            .Append(EdgeCases());
        using var lucene = new ArchivistAnalyzer();
        var memoised = new EnglishAnalyzer();
        foreach (var text in texts) Assert.Equal(lucene.Tokens(text), memoised.Analyze(text));
    }

    private static string CSharpStream(IEnumerable<string> texts)
    {
        using var analyzer = new ArchivistAnalyzer(); // the Lucene analyzer: term, offsets, position, increment 0 = stacked
        var sb = new StringBuilder();
        foreach (var text in texts)
        {
            foreach (var t in analyzer.Tokens(text))
                sb.Append(t.Term).Append('\t').Append(t.Start).Append('\t').Append(t.End).Append('\t')
                  .Append(t.Position).Append('\t').Append(t.Stacked ? 1 : 0).Append('\n');
            sb.Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>Every folding-table letter, ligatures, joiners, apostrophes and scripts the seeds lack.</summary>
    private static string EdgeCases()
    {
        var folding = string.Join(" ", FoldingTableLetters().Select(c => $"x{c}y {char.ToUpperInvariant(c)}"));
        return folding + " Napo’s NAPO'S don't rock'n'roll HMPPS/MoJ and/or co-operate mother-in-law's 40,000 5.5 1.2.3 " +
               "e\u0301tude Ελληνικά Кириллица 日本語 İI ǅ x\u2010y a\u2011b 'quoted' ‘single’ -dash- " +
               new string('z', 40) + " " + new string('z', 41) + " 𝐀𝐁 emoji🙂word";
    }

    private static IEnumerable<char> FoldingTableLetters() =>
        Enumerable.Range(0x80, 0x2000 - 0x80).Concat(Enumerable.Range(0xFB00, 7)).Select(i => (char)i).Where(c => AsciiFolding.Fold(c) is not null);
}
