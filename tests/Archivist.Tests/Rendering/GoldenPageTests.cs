using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>
/// Whole pages as a reader's browser gets them, kept in Golden/ to review in diffs. After a deliberate
/// template change run the tests with ARCHIVIST_UPDATE_GOLDEN=1 and read the diff.
/// </summary>
public class GoldenPageTests : IDisposable
{
    private static readonly string GoldenDirectory = Path.Combine(RepoPaths.Tests, "Rendering", "Golden");
    private readonly TestSite _site = new();

    public GoldenPageTests()
    {
        _site.Options = _site.Options with
        {
            Title = "On Probation", SiteUrl = "https://user.github.io/repo/", BasePath = "/repo/", Author = "Jim", Description = "A test archive.",
        };
        _site.AddSeed("layout-a.txt", File.ReadAllText(Path.Combine(RepoPaths.Tests, "Seeds", "Fixtures", "layout-a-numbered.txt")));
        _site.AddSeed("older.txt", SeedText.Post("Monday, 6 October 2025", "An Older Post", "Before it."));
        // Undated posts, the oldest in the archive's order (so no dated page but the post's changes): two on its subject,
        // for its related posts, among others that are not.
        foreach (var (slug, title, body) in (ReadOnlySpan<(string, string, string)>)
                 [
                     ("cultures", "Cultures at work", "Probation cultures clash with the market's."),
                     ("layouts", "Comment layouts", "Numbered comments, button lines and a count line, as Blogger printed them."),
                     ("garden", "Garden notes", "Roses and tomatoes."),
                     ("rail", "Rail strikes", "Trains cancelled again."),
                     ("budget", "Budget day", "Taxes rise in spring."),
                 ])
            _site.AddSeed($"{slug}.md", $"---\ntitle: {title}\nslug: {slug}\n---\n\n{body}\n");
        _site.Build();
    }

    public void Dispose() => _site.Dispose();

    [Fact]
    public void PostPageWithThreadedComments() =>
        Golden.AssertMatches(Path.Combine(GoldenDirectory, "post-page.html"), _site.Read("2025/10/clash-of-cultures.html"));

    [Fact]
    public void MonthPage() =>
        Golden.AssertMatches(Path.Combine(GoldenDirectory, "month-page.html"), _site.Read("2025/10/index.html"));
}
