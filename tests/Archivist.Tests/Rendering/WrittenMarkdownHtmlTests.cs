using Archivist.Rendering;
using Archivist.Tests.Support;
using Archivist.Settings;

namespace Archivist.Tests.Rendering;

/// <summary>
/// HTML of our own Markdown without Markdig's syntax tree must be Markdig's HTML byte for byte — for every
/// body and comment of the real seeds and a generated corpus, as page text and as reader comments (links
/// get rel="nofollow ugc"), with one renderer alternating between both paths — and must take nearly all texts.
/// </summary>
public class WrittenMarkdownHtmlTests
{
    private readonly MarkdownHtml _markdown = new(new LinkPolicy(new SiteUrls(new SiteOptions { BasePath = "/repo/" })));

    // withText takes Markdig's path every time.
    private string Markdig(string markdown, bool userContent) => _markdown.Render(markdown, 3, userContent, withText: true).Html;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GivesMarkdigsHtmlForEveryBodyAndComment(bool userContent)
    {
        var taken = 0;
        foreach (var text in MarkdownSamples.Texts)
        {
            var expected = Markdig(text, userContent);
            if (_markdown.TryRenderWritten(text, userContent) is not { } html) continue;
            taken++;
            Assert.Equal(expected, html);
        }
        Assert.True(taken >= MarkdownSamples.Texts.Count * 9 / 10, $"only {taken} of {MarkdownSamples.Texts.Count} texts took the direct path");
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain <words> & \"quotes\"")]
    [InlineData("line one\\\nline two\\\nline three")]
    [InlineData("- a\n- b\n\n1. c\n2. d\n\n3) e\n\n* * *\n\n- - -\n\nend")]
    [InlineData("7. seven\n8. eight")]
    [InlineData("- a\n\n- b")]
    [InlineData("1. a\n2) b")]
    [InlineData("escaped \\* \\_ \\[x\\] \\<b\\> \\& \\\\ \\~ \\| \\`")]
    [InlineData("a <https://example.org/a_(b)?q=1&r=\"2\"> link and <https://ex.org/é> and <javascript:alert(1)>")]
    [InlineData("<http://example.org/x>\n\n- <https://a.org/>")]
    public void AgreesWithMarkdigOrDeclines(string markdown)
    {
        foreach (var userContent in new[] { false, true })
        {
            var expected = Markdig(markdown, userContent);
            if (_markdown.TryRenderWritten(markdown, userContent) is { } html) Assert.Equal(expected, html);
            Assert.Equal(expected, _markdown.Render(markdown, 3, userContent));
        }
    }

    [Fact]
    public void AfterDecliningMarkdigStillStartsAtALineStart()
    {
        Assert.Null(_markdown.TryRenderWritten("a *b* c\\\nd", userContent: false)); // declined half-way through
        Assert.Equal("<ul>\n<li>x</li>\n</ul>\n", _markdown.Render("- x", 2, false, withText: true).Html);
    }
}
