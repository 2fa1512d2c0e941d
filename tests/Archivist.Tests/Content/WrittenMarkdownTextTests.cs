using Archivist.Content;
using Archivist.Tests.Support;

namespace Archivist.Tests.Content;

/// <summary>
/// The direct reading of our own Markdown must give exactly Markdig's plain text, for every body and comment
/// of the real seeds and of a generated corpus, and for cut-off starts of them (as excerpts read) — and it
/// must actually take nearly all of them, or it saves nothing.
/// </summary>
public class WrittenMarkdownTextTests
{
    private static IReadOnlyList<string> Texts => MarkdownSamples.Texts;

    private static string Markdig(string markdown) => MarkdownSyntax.ToPlainText(MarkdownSyntax.Parse(markdown));

    [Fact]
    public void GivesMarkdigsTextForEveryBodyAndComment()
    {
        var taken = 0;
        foreach (var text in Texts)
        {
            if (!WrittenMarkdownText.TryToPlainText(text, out var fast)) continue;
            taken++;
            Assert.Equal(Markdig(text), fast);
        }
        Assert.True(taken >= Texts.Count * 95 / 100, $"only {taken} of {Texts.Count} texts took the direct path");
    }

    [Fact]
    public void GivesMarkdigsTextForCutOffStarts()
    {
        foreach (var text in Texts.Where((_, i) => i % 7 == 0))
            for (var cut = 1; cut < text.Length; cut += 1 + cut / 3)
            {
                var head = text[..cut];
                if (WrittenMarkdownText.TryToPlainText(head, out var fast)) Assert.Equal(Markdig(head), fast);
            }
    }

    [Theory]
    [InlineData("")]
    [InlineData("plain words")]
    [InlineData("line one\\\nline two\\\nline three")]
    [InlineData("- a\n- b\n\n1. c\n2) d\n\n* * *\n\n- - -\n\nend")]
    [InlineData("escaped \\* \\_ \\[x\\] \\<b\\> \\& \\\\ \\~ \\| \\`")]
    [InlineData("snake_case and a <https://example.org/a_(b)> link")]
    [InlineData("a trailing escaped backslash \\\\\\\nnext")]
    [InlineData("&amp; entity-like: Markdig decides")]
    [InlineData("*emphasis* decides too")]
    [InlineData("bare https://example.org and www.example.org")]
    [InlineData("mailto:x@example.org tel:123")]
    [InlineData("# heading")]
    [InlineData("para\nsoft break")]
    [InlineData("  leading spaces")]
    [InlineData("a\n\n\nb")]
    [InlineData("ends with a backslash\\")]
    [InlineData("- item\nnot an item")]
    [InlineData("1234567890. not a list")]
    [InlineData("<not an autolink>")]
    [InlineData("x\u00A0\\\ny")]
    public void AgreesWithMarkdigOrDeclines(string markdown)
    {
        if (WrittenMarkdownText.TryToPlainText(markdown, out var fast)) Assert.Equal(Markdig(markdown), fast);
    }

    [Fact]
    public void DeclinesWhatItDoesNotRead()
    {
        Assert.False(WrittenMarkdownText.TryToPlainText("*emphasis*", out _));
        Assert.False(WrittenMarkdownText.TryToPlainText("see www.example.org", out _));
        Assert.False(WrittenMarkdownText.TryToPlainText("&amp;", out _));
        Assert.True(WrittenMarkdownText.TryToPlainText("a \\*b\\* <https://x.org/> c_d\\\ne", out var text));
        Assert.Equal("a *b* https://x.org/ c_d\ne", text);
    }
}
