using Archivist.Content;
using Markdig;

namespace Archivist.Tests.Content;

/// <summary>Seed text written as Markdown must render back to exactly that text, never to markup.</summary>
public class MarkdownTextTests
{
    private static string Render(string markdown) => Markdown.ToHtml(markdown, MarkdownSyntax.Pipeline).Trim();

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("<img src=x onerror=alert(2)>")]
    [InlineData("[click](javascript:alert(3))")]
    [InlineData("![img](javascript:alert(4))")]
    [InlineData("# heading?")]
    [InlineData("> quote?")]
    [InlineData("- list?")]
    [InlineData("+ list?")]
    [InlineData("* list?")]
    [InlineData("1986. a year")]
    [InlineData("3) item?")]
    [InlineData("*emphasis* and _this_ and **strong**")]
    [InlineData("`code` and ``more``")]
    [InlineData("&amp; &#60; &lt;script&gt;")]
    [InlineData("back\\slash at the end\\")]
    [InlineData("~~strike~~ | pipe | table |")]
    [InlineData("===")]
    [InlineData("---")]
    [InlineData("    indented code?")]
    [InlineData("{{constructor}} {{{raw}}}")]
    [InlineData("<mailto:x@y.z> <b>")]
    public void PlainTextRendersAsItsOwnCharacters(string text)
    {
        var html = Render(MarkdownText.Line(text));
        var expected = "<p>" + System.Net.WebUtility.HtmlEncode(text.Trim()).Replace("&#39;", "'").Replace("&quot;", "\"") + "</p>";
        Assert.Equal(expected, html.Replace("&quot;", "\""));
    }

    [Theory]
    [InlineData("see https://example.com/a_b.", "https://example.com/a_b")]
    [InlineData("(https://en.wikipedia.org/wiki/Foo_(bar))", "https://en.wikipedia.org/wiki/Foo_(bar)")]
    [InlineData("https://www.bbc.co.uk/news/articles/cq5xlq27x42o", "https://www.bbc.co.uk/news/articles/cq5xlq27x42o")]
    [InlineData("“https://example.org/x”", "https://example.org/x")]
    public void BareUrlsBecomeLinksWithoutTrailingPunctuation(string text, string url)
    {
        var html = Render(MarkdownText.Line(text));
        Assert.Contains($"<a href=\"{url}\">{url}</a>", html);
    }

    [Fact]
    public void JavascriptSchemeIsNeverLinked() =>
        Assert.DoesNotContain("<a", Render(MarkdownText.Line("javascript:alert(1) vbscript:x data:text/html,<b>")));

    [Fact]
    public void ParagraphLinesKeepTheirBreaks()
    {
        var markdown = BlockMarkdownWriter.Write(new Archivist.Seeds.ParagraphBlock(["one", "# two", "three\\"]));
        Assert.Equal("<p>one<br />\n# two<br />\nthree\\</p>", Render(markdown));
    }
}
