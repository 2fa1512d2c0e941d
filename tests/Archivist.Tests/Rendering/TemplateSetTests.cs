using Archivist.Rendering;
using Archivist.Tests.Support;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

/// <summary>Template mistakes are reported against the file that holds them, before any page is rendered.</summary>
public sealed class TemplateSetTests : IDisposable
{
    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    [Theory]
    [InlineData("footer", "<footer>{{ if site.author }}unclosed</footer>")]
    [InlineData("comment", "<li>{{ for reply in comment.replies }}{{ comment_thread reply }}</li>")]
    public void ABrokenPartialIsNamedEvenBeforeAPageUsesIt(string partial, string text)
    {
        File.WriteAllText(Path.Combine(_site.Templates, "partials", partial + ".sbn-html"), text);
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        Assert.Contains(Path.Combine("partials", partial + ".sbn-html"), e.Message);
    }

    [Fact]
    public void ABuildWithABrokenPartialFailsNamingItAndWritesNothing()
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        File.WriteAllText(Path.Combine(_site.Templates, "partials", "footer.sbn-html"), "{{ if site.author }}");
        var e = Assert.Throws<TemplateException>(() => _site.Build());
        Assert.Contains("footer.sbn-html", e.Message);
        Assert.False(_site.Exists("index.html"));
    }

    [Fact]
    public void AParseErrorNamesTheFileLineAndColumn()
    {
        File.WriteAllText(Path.Combine(_site.Templates, "partials", "footer.sbn-html"), "<footer>\n  <p>{{ if site.author }}unclosed</p>\n</footer>\n");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        Assert.StartsWith(Path.Combine(_site.Templates, "partials", "footer.sbn-html") + ":", e.Message);
        Assert.Matches(@"footer\.sbn-html:\d+:\d+: ", e.Message);
    }

    [Theory]
    [InlineData("{{ no_such_function 1 }}")]
    [InlineData("{{ include heading }}")] // a partial named at run time: "Page not found"
    [InlineData("{{ plural }}")]
    public void ARuntimeErrorNamesTheFileLineAndColumnAndLeavesThePreviousSite(string mistake)
    {
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        _site.Build();
        var before = _site.Files();
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "not-found.sbn-html"), "<h1>{{ heading }}</h1>\n<p>" + mistake + "</p>\n");
        var e = Assert.Throws<TemplateException>(() => _site.Build());
        Assert.StartsWith(Path.Combine(_site.Templates, "pages", "not-found.sbn-html") + ":2:", e.Message);
        Assert.Matches(@"^[^ ]*not-found\.sbn-html:2:\d+: \S", e.Message);
        var after = _site.Files();
        Assert.Equal(before.Keys, after.Keys);
        foreach (var (path, bytes) in before) Assert.True(bytes.AsSpan().SequenceEqual(after[path]), $"{path} changed");
    }

    [Fact]
    public void AnIncludeOfAMissingPartialIsReportedBeforeAnyPageIsRendered()
    {
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "not-found.sbn-html"), "<h1>{{ heading }}</h1>\n<p>{{ include \"no-such-partial\" }}</p>\n");
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        Assert.Matches(@"not-found\.sbn-html:2:\d+: no partial named 'no-such-partial'", e.Message);
    }

    [Fact]
    public void HandlebarsTemplatesFromAnEarlierVersionAreNamedAsSuch()
    {
        File.Move(Path.Combine(_site.Templates, "layout.sbn-html"), Path.Combine(_site.Templates, "layout.hbs"));
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        Assert.Contains("layout.hbs: Handlebars templates from an earlier Archivist", e.Message);
    }
}
