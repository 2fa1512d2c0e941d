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

    [Fact]
    public void FindsWhatNeedsCleaningAfterCharactersThatAreFine() =>
        // A quote and a pound sign first (kept), then what must change: a no-break space, a tab, a control, an invisible.
        Assert.Equal(["“a” £1 b c de", "  ‘x’ y"], TextNormalizer.SplitLines("“a” £1\u00A0b\tc\u0001d\u200Be  \n  ‘x’\ty"));

    [Fact]
    public void LeadingSpacesThenATabStayIndentationUntilTheFirstCharacter() =>
        Assert.Equal(["    a b", "  £ c"], TextNormalizer.SplitLines("  \ta\u00A0b\n  £\tc"));
}
