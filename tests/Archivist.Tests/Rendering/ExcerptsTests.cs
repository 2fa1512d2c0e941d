using Archivist.Rendering;

namespace Archivist.Tests.Rendering;

public class ExcerptsTests
{
    [Fact]
    public void CollapsesWhiteSpaceRunsAndTrimsTheEnds() =>
        Assert.Equal("one two three", Excerpts.Cut("  one \n\n two\t\u00A0three \n", 100));

    [Fact]
    public void CutsALongTextAtAWordWithAnEllipsis()
    {
        var text = string.Join("  ", Enumerable.Repeat("word", 3000)); // longer than any buffer on the stack
        var cut = Excerpts.Cut(text, 22);
        Assert.Equal("word word word word…", cut);
    }

    [Fact]
    public void ExcerptFromSourceDropsEscapesAndAutolinkBrackets() =>
        Assert.Equal("a *b* see https://x.org/ now", Excerpts.FromMarkdownSource("a \\*b\\* see <https://x.org/> now", 100));

    [Fact]
    public void ExcerptFromALongSourceEndsWithAnEllipsis()
    {
        var source = string.Concat(Enumerable.Repeat("Word\\_ ", 2000));
        var excerpt = Excerpts.FromMarkdownSource(source, 1500); // its head is longer than any buffer on the stack
        Assert.EndsWith("…", excerpt);
        Assert.StartsWith("Word_ Word_ ", excerpt);
        Assert.DoesNotContain("\\", excerpt);
    }
}
