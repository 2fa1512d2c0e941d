using Archivist.Tests.Support;

namespace Archivist.Tests.Rendering;

/// <summary>
/// What a template author gets: every printed value HTML-escaped, unless it is HTML the tool rendered or a
/// value the author marks with <c>raw</c>; a partial's output is escaped once, where its values are printed.
/// </summary>
public sealed class TemplateEscapingTests : IDisposable
{
    private const string Title = "<i>x</i> & \"y\" 'z'";
    private readonly TestSite _site = new();

    public TemplateEscapingTests()
    {
        _site.AddSeed("p.md", """
            ---
            title: "<i>x</i> & \"y\" 'z'"
            date: 2025-10-01
            slug: p
            ---

            Body with *emphasis*.
            """);
    }

    public void Dispose() => _site.Dispose();

    private string BuildPostPage(string postTemplate, params (string Name, string Text)[] partials)
    {
        File.WriteAllText(Path.Combine(_site.Templates, "pages", "post.sbn-html"), postTemplate);
        foreach (var (name, text) in partials) File.WriteAllText(Path.Combine(_site.Templates, "partials", name + ".sbn-html"), text);
        _site.Build();
        return _site.Read("2025/10/p.html");
    }

    [Fact]
    public void APrintedValueIsEscaped()
    {
        var page = BuildPostPage("<h1>{{ post.title }}</h1>");
        Assert.Contains("<h1>&lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot; &#x27;z&#x27;</h1>", page);
        Assert.DoesNotContain("<i>x</i>", page);
    }

    [Fact]
    public void RawAndTheToolsOwnHtmlAreNot()
    {
        var page = BuildPostPage("<h1>{{ raw post.title }}</h1><div id=\"b\">{{ post.body_html }}</div>");
        Assert.Contains($"<h1>{Title}</h1>", page);
        Assert.Contains("<div id=\"b\"><p>Body with <em>emphasis</em>.</p>", page);
    }

    [Fact]
    public void AnIncludedPartialIsEscapedOnceNotTwice()
    {
        var page = BuildPostPage("<p>{{ include \"shout\" text: post.title }}</p>", ("shout", "<b>{{ text }}</b>"));
        Assert.Contains("<p><b>&lt;i&gt;x&lt;/i&gt; &amp; &quot;y&quot; &#x27;z&#x27;</b></p>", page);
    }

    [Fact]
    public void CapturedMarkupIsEscapedUnlessMarkedRaw()
    {
        var page = BuildPostPage("{{ capture card }}<em>{{ post.title }}</em>{{ end }}<p id=\"a\">{{ card }}</p><p id=\"b\">{{ raw card }}</p>");
        Assert.Contains("<p id=\"a\">&lt;em&gt;&amp;lt;i&amp;gt;", page); // the captured text is a plain string to print
        Assert.Contains("<p id=\"b\"><em>&lt;i&gt;x&lt;/i&gt;", page);
    }
}
