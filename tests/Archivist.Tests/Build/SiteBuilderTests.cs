using Archivist.Build;
using Archivist.Output;
using Archivist.Tests.Support;

namespace Archivist.Tests.Build;

/// <summary>
/// The pipeline's order as a user sees it in the progress lines: the pages that show no related posts are rendered
/// while the search stage works the related posts out, and only the post pages wait for them.
/// </summary>
public class SiteBuilderTests : IDisposable
{
    private readonly TestSite _site = new();

    public SiteBuilderTests()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Overcrowding in the prison estate: remand prisoners, prison places."));
        _site.AddSeed("b.txt", SeedText.Post("Wednesday, 1 October 2025", "Bravo", "Remand numbers fill prison places; overcrowding is the norm."));
        // Older posts on other subjects: a word more than half the posts hold relates nothing.
        string[] others = ["The union met; Napo members voted on pay and workloads.", "Tagging contracts went to a private firm.",
            "Approved premises and hostel beds.", "Court reports written in a hurry.", "Training for new officers starts in spring."];
        for (var i = 0; i < others.Length; i++) _site.AddSeed($"other-{i}.txt", SeedText.Post(new DateOnly(2025, 9, i + 1).ToString("dddd, d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture), $"Other {i}", others[i]));
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void EveryOtherPageIsStagedBeforeThePostPagesWaitForRelatedPosts()
    {
        var observer = new StagingObserver(Path.Combine(_site.Output, OutputFolder.StagingFolderName));
        var result = SiteBuilder.Build(new BuildRequest
        {
            SeedsDirectory = _site.Seeds, OutputDirectory = _site.Output, TemplatesDirectory = _site.Templates,
            Options = _site.Options, CacheDirectory = _site.Cache, LockWait = TimeSpan.FromSeconds(5),
        }, observer);

        Assert.Equal(0, result.Diagnostics.Count(d => d.Severity >= Archivist.DiagnosticSeverity.Warning));
        Assert.Equal(["Reading seeds", "Planning pages", "Rendering pages", "Finding related posts", "Rendering post pages", "Writing the search index", "Committing"],
            observer.Steps);
        var staged = observer.StagedWhenRelatedWasAwaited;
        Assert.Contains("2025/10/alpha.md", staged);
        Assert.Contains("index.html", staged);
        Assert.Contains("2025/10/index.html", staged);
        Assert.DoesNotContain("2025/10/alpha.html", staged);
        Assert.DoesNotContain("2025/10/bravo.html", staged);
        // The post page, rendered after, lists its related post.
        var related = _site.Read("2025/10/alpha.html").Split("class=\"related-posts\"")[1].Split("</nav>")[0];
        Assert.Contains(">Bravo</a>", related);
    }

    /// <summary>
    /// The last manifest is read while the seeds are listed, no longer before: a damaged one still stops every build,
    /// forced or not, with the error naming it, before anything in the folder changes.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ADamagedManifestStopsTheBuildNamingItAndChangesNothing(bool force)
    {
        _site.Build();
        var manifest = Path.Combine(_site.Output, OutputManifest.FileName);
        File.AppendAllText(manifest, "../outside.html\t1\th\n");
        var before = _site.Files();
        _site.AddSeed("new.txt", SeedText.Post("Friday, 10 October 2025", "New", "A new post."));
        var error = Assert.Throws<OutputFolderException>(() => _site.Build(force: force));
        Assert.Contains(manifest, error.Message);
        Assert.Contains("'../outside.html'", error.Message);
        Assert.Equal(before.Keys, _site.Files().Keys);
        Assert.All(before, f => Assert.Equal(f.Value, _site.Files()[f.Key]));
        Assert.False(Directory.Exists(Path.Combine(_site.Output, OutputFolder.StagingFolderName)));
    }

    /// <summary>Records the steps, and which files were staged when the build began waiting for related posts.</summary>
    private sealed class StagingObserver(string staging) : IBuildObserver
    {
        public List<string> Steps { get; } = [];
        public List<string> StagedWhenRelatedWasAwaited { get; private set; } = [];

        public void Log(string line) { }

        public T Step<T>(string title, Func<Action<int, int, string>, T> work)
        {
            Steps.Add(title);
            if (title == "Finding related posts")
                StagedWhenRelatedWasAwaited = [.. Directory.EnumerateFiles(staging, "*", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(staging, f).Replace('\\', '/'))];
            return work((_, _, _) => { });
        }
    }
}
