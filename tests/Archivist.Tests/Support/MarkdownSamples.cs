using Archivist.Content;
using Archivist.Corpus;

namespace Archivist.Tests.Support;

/// <summary>Every title, body and comment of the real seeds and of a 400-post generated corpus, as Markdown.</summary>
public static class MarkdownSamples
{
    private static readonly Lazy<IReadOnlyList<string>> All = new(() =>
    {
        var generator = new CorpusGenerator(Vocabulary.FromFolder(RepoPaths.Seeds), new CorpusOptions { Posts = 400, Seed = 11 });
        var files = generator.Files().Select(f => SeedFileLoader.FromBytes(f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text))).ToList();
        var posts = ContentAssembler.Assemble(files, PermalinkPattern.Blogger).Posts
            .Concat(ContentLoader.Load(RepoPaths.Seeds, PermalinkPattern.Blogger).Posts);
        return posts.SelectMany(p => p.Text!.AllComments().Select(c => c.Text).Prepend(p.Text!.Body).Prepend(p.Title)).ToList();
    });

    public static IReadOnlyList<string> Texts => All.Value;
}
