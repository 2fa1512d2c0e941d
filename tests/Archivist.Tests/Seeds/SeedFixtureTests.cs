using System.Text;
using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Seeds;

/// <summary>
/// Spec-style tests: each file in Fixtures/ is a small seed, and <c>name.expected.md</c> beside it is
/// what the importer makes of it — diagnostics first, then every Markdown document. Read them to learn
/// the seed format. Set ARCHIVIST_UPDATE_GOLDEN=1 to rewrite the expectations after a deliberate change.
/// </summary>
public class SeedFixtureTests
{
    private static readonly string FixtureDirectory = Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures");

    public static TheoryData<string> Fixtures()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(FixtureDirectory).Where(p => !p.EndsWith(".expected.md", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(path));
        return data;
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void ImportMatchesExpectedDocuments(string fixture)
    {
        var actual = Render(fixture);
        Golden.AssertMatches(Path.Combine(FixtureDirectory, fixture + ".expected.md"), actual);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void DocumentsReadBackToTheSamePosts(string fixture)
    {
        foreach (var post in Import(fixture).Posts)
        {
            var diagnostics = new List<Diagnostic>();
            var document = PostDocumentReader.Read("doc.md", PostDocumentWriter.Write(post), diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(post, document!.Post);
        }
    }

    internal static ContentSet Import(string fixture)
    {
        var bytes = File.ReadAllBytes(Path.Combine(FixtureDirectory, fixture));
        return ContentAssembler.Assemble([SeedFileLoader.FromBytes(fixture, bytes)], PermalinkPattern.Blogger);
    }

    private static string Render(string fixture)
    {
        var set = Import(fixture);
        var sb = new StringBuilder();
        sb.Append("<!-- What `archivist import` makes of Fixtures/").Append(fixture).Append(". Diagnostics, then each document. -->\n\n");
        sb.Append("# diagnostics\n\n");
        foreach (var d in set.Diagnostics) sb.Append("    ").Append(d).Append('\n');
        if (set.Diagnostics.Count == 0) sb.Append("    (none)\n");
        foreach (var post in set.Posts)
        {
            sb.Append("\n# ").Append(ContentAssembler.DocumentPath(post)).Append("\n\n");
            sb.Append(PostDocumentWriter.Write(post));
        }
        return sb.ToString();
    }
}
