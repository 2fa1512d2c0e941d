using Archivist.Content;
using Archivist.Corpus;
using Archivist.Tests.Support;

namespace Archivist.Tests.Content;

/// <summary>Round trip and structure over a generated corpus: what the generator wrote is what the importer finds.</summary>
public class GeneratedCorpusRoundTripTests
{
    private static readonly Lazy<(CorpusGenerator Generator, ContentSet Content)> Corpus = new(() =>
    {
        var generator = new CorpusGenerator(Vocabulary.FromFolder(RepoPaths.Seeds), new CorpusOptions { Posts = 120, Seed = 7 });
        var files = generator.Files().Select(f => SeedFileLoader.FromBytes(f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text))).ToList();
        return (generator, ContentAssembler.Assemble(files, PermalinkPattern.Blogger));
    });

    [Fact]
    public void EveryGeneratedPostIsFoundWithNoWarnings()
    {
        var (_, content) = Corpus.Value;
        Assert.Equal(120, content.Posts.Count);
        Assert.DoesNotContain(content.Diagnostics, d => d.Severity >= DiagnosticSeverity.Warning);
    }

    [Fact]
    public void DocumentsReadBackToEqualPosts()
    {
        foreach (var post in Corpus.Value.Content.Posts)
        {
            var diagnostics = new List<Diagnostic>();
            var read = PostDocumentReader.Read("x.md", PostDocumentWriter.Write(post), diagnostics);
            Assert.Empty(diagnostics);
            Assert.Equal(post, read!.Post);
        }
    }

    [Fact]
    public void PlantedWordsAreInThePostAndCommentTheGeneratorRecorded()
    {
        var (generator, content) = Corpus.Value;
        Assert.NotEmpty(generator.Answers);
        foreach (var answer in generator.Answers)
        {
            var post = content.Posts.Single(p => p.Date == answer.Date);
            Assert.Equal(answer.Title, post.Title);
            if (answer.CommentId is { } id)
                Assert.Contains(answer.Query, post.Text!.AllComments().Single(c => c.Id == id).Text, StringComparison.OrdinalIgnoreCase);
            else if (answer.Kind == "body")
                Assert.Contains(answer.Query, post.Text!.Body, StringComparison.OrdinalIgnoreCase);
            else
                Assert.Contains(answer.Query, post.Title, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public void GenerationIsDeterministic()
    {
        var options = new CorpusOptions { Posts = 30, Seed = 99 };
        var vocabulary = Vocabulary.FromFolder(RepoPaths.Seeds);
        var a = new CorpusGenerator(vocabulary, options).Files().ToList();
        var b = new CorpusGenerator(vocabulary, options).Files().ToList();
        Assert.Equal(a, b);
    }
}
