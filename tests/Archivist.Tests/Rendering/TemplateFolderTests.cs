using Archivist.Rendering;
using Archivist.Tests.Support;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

/// <summary>Templates are read only from inside the templates folder, whatever a template names or a link points to.</summary>
public sealed class TemplateFolderTests : IDisposable
{
    private readonly TestSite _site = new();
    private readonly string _outside;

    public TemplateFolderTests()
    {
        _outside = Path.Combine(_site.Root, "outside");
        Directory.CreateDirectory(_outside);
        File.WriteAllText(Path.Combine(_outside, "secret.sbn-html"), "SECRET");
        File.WriteAllText(Path.Combine(_site.Root, "secret.sbn-html"), "SECRET");
    }

    public void Dispose() => _site.Dispose();

    /// <summary>Refused when the templates are listed (regular files inside the folder only) or, failing that, when read.</summary>
    private const string RefusedOutside = "leads out of the templates folder|regular files inside the templates folder";

    private TemplateException LoadAndRenderIncluding(string name)
    {
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "not-found.sbn-html"), $"<p>{{{{ include \"{name}\" }}}}</p>");
        _site.AddSeed("a.txt", SeedText.Post("Thursday, 9 October 2025", "Alpha", "Alpha body."));
        return Assert.Throws<TemplateException>(() => _site.Build());
    }

    [Theory]
    [InlineData("../../secret")]
    [InlineData("../layout")]
    [InlineData("a/../../secret")]
    [InlineData("..\\..\\secret")]
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void AnIncludeCannotNameAFileOutsideThePartials(string name)
    {
        var e = LoadAndRenderIncluding(name);
        Assert.Matches(@"not-found\.sbn-html:1:\d+: ", e.Message);
        Assert.False(_site.Exists("404.html"));
    }

    [Fact]
    public void APartialThatLinksOutOfTheFolderIsRefused()
    {
        File.CreateSymbolicLink(Path.Combine(_site.Templates, "partials", "secret.sbn-html"), Path.Combine(_outside, "secret.sbn-html"));
        var e = Assert.Throws<TemplateException>(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        Assert.Contains(Path.Combine("partials", "secret.sbn-html"), e.Message);
        Assert.Matches(RefusedOutside, e.Message);
    }

    [Fact]
    public void AFolderThatLinksOutOfTheTemplatesIsRefused()
    {
        Directory.CreateSymbolicLink(Path.Combine(_site.Templates, "partials", "linked"), _outside);
        var e = Record.Exception(() => TemplateSet.Load(_site.Templates, new SiteUrls(new SiteOptions())));
        // Refused as the templates are listed; were it not listed, any include of it would be refused as it is read.
        var error = e as TemplateException ?? LoadAndRenderIncluding("linked/secret");
        Assert.Contains("linked", error.Message);
        Assert.Matches(RefusedOutside, error.Message);
    }

    [Fact]
    public void ALinkThatStaysInsideIsFollowed()
    {
        File.WriteAllText(Path.Combine(_site.Templates, "partials", "real.sbn-html"), "<b>{{ heading }}</b>");
        File.CreateSymbolicLink(Path.Combine(_site.Templates, "partials", "alias.sbn-html"), Path.Combine(_site.Templates, "partials", "real.sbn-html"));
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "not-found.sbn-html"), "<p>{{ include \"alias\" }}</p>");
        _site.Build();
        Assert.Contains("<p><b>Page not found</b></p>", _site.Read("404.html"));
    }
}
