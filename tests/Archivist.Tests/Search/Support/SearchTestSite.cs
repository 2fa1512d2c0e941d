using Archivist.Content;
using Archivist.Corpus;
using Archivist.Output;
using Archivist.Search;
using Archivist.Search.Querying;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Support;

/// <summary>
/// A site folder holding what search reads: the index (written by <see cref="SearchIndexWriter"/> through an
/// output transaction, as the build does) and each post's Markdown document beside its URL (CLI snippets).
/// </summary>
public sealed class SearchTestSite : IDisposable
{
    public SearchTestSite(IReadOnlyList<Post> posts, SearchIndexOptions? options = null)
    {
        Posts = posts;
        Options = options ?? new SearchIndexOptions();
        Root = Path.Combine(Path.GetTempPath(), "archivist-search-" + Guid.NewGuid().ToString("N")[..12]);
        using var folder = OutputFolder.Open(Root, TimeSpan.FromSeconds(30));
        using var transaction = folder.Begin();
        Result = SearchIndexWriter.Write(posts, PostTexts.Carried, transaction, Options);
        foreach (var post in posts) transaction.WriteText(ContentAssembler.DocumentPath(post), PostDocumentWriter.Write(post));
        transaction.Commit();
    }

    public string Root { get; }
    public IReadOnlyList<Post> Posts { get; }
    public SearchIndexOptions Options { get; }
    public SearchIndexResult Result { get; }
    public string IndexFolder => Path.Combine(Root, Options.Folder);

    public QueryEngine Engine() => new(new IndexReader(new FolderIndexSource(IndexFolder)));

    public SearchResults Search(string query, int limit = 10) => Engine().Search(new SearchRequest(query) { Limit = limit });

    public static IReadOnlyList<Post> SeedPosts() => ContentLoader.Load(RepoPaths.Seeds, PermalinkPattern.Blogger).Posts;

    /// <summary>Posts of a generated corpus (the benchmark's generator), with its known answers.</summary>
    public static (IReadOnlyList<Post> Posts, IReadOnlyList<KnownAnswer> Answers) Generated(int posts, ulong seed = 20251128)
    {
        var generator = new CorpusGenerator(Vocabulary.FromFolder(RepoPaths.Seeds), new CorpusOptions { Posts = posts, Seed = seed });
        var files = generator.Files().Select(f => SeedFileLoader.FromBytes(f.Name, System.Text.Encoding.UTF8.GetBytes(f.Text))).ToList();
        return (ContentAssembler.Assemble(files, PermalinkPattern.Blogger).Posts, generator.Answers);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

/// <summary>The five real seeds, indexed once for every test class that asks.</summary>
public sealed class SeedsSite() : IDisposable
{
    public SearchTestSite Site { get; } = new(SearchTestSite.SeedPosts());
    public void Dispose() => Site.Dispose();
}

/// <summary>A generated corpus of a few hundred posts, indexed once.</summary>
public sealed class GeneratedSite : IDisposable
{
    public const int Posts = 400;

    public GeneratedSite()
    {
        var (posts, answers) = SearchTestSite.Generated(Posts);
        Answers = answers;
        Site = new SearchTestSite(posts, new SearchIndexOptions { TailSpan = 128 }); // a main and a tail segment
    }

    public IReadOnlyList<KnownAnswer> Answers { get; }
    public SearchTestSite Site { get; }
    public void Dispose() => Site.Dispose();
}
