using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class TextNormalizerTests
{
    [Fact]
    public void SplitsOnEveryLineEndingAndDropsTheBom() =>
        Assert.Equal(["one", "two", "three", "", "four"], TextNormalizer.SplitLines("\uFEFFone\r\ntwo\rthree\n\nfour\n"));

    [Fact]
    public void TrimsTrailingSpacesAndExoticSpaces() =>
        Assert.Equal(["a b", "c d"], TextNormalizer.SplitLines("a\u00A0b \u00A0\nc\u202Fd\u2009"));

    [Fact]
    public void RemovesInvisibleCharacters() =>
        Assert.Equal(["zerowidth softhyphen"], TextNormalizer.SplitLines("zero\u200Bwidth soft\u00ADhyphen"));

    [Fact]
    public void LeadingTabsBecomeIndentationToTabStopsInnerTabsASpace() =>
        Assert.Equal(["    1. a b", "    x"], TextNormalizer.SplitLines("\t1. a\tb\n  \tx"));

    [Fact]
    public void KeepsTypography() =>
        Assert.Equal(["“Quoted” – £40… ‘fine’"], TextNormalizer.SplitLines("“Quoted” – £40… ‘fine’"));

    [Fact]
    public void ControlCharactersBecomeSpaces() =>
        Assert.Equal(["a b"], TextNormalizer.SplitLines("a\u0007b"));
}
