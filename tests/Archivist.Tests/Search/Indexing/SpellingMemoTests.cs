using Archivist.Search.Indexing;

namespace Archivist.Tests.Search.Indexing;

public class SpellingMemoTests
{
    /// <summary>Keys of every length the memo treats apart (1, 2–3, 4–8 held in the entry, longer in the arena), and near misses.</summary>
    private static readonly string[] Keys =
    [
        "a", "b", "A", "é", "ab", "ba", "abc", "acb", "cba", "abcd", "abce", "bbcd", "abcde", "abxde", "abcdefg", "abcdefgh",
        "abcdefgi", "bbcdefgh", "abcdefghi", "abcdxfghi", "abcdefghij", "abcdefghiJ", "internationalisation",
        "internationalization", "re-professionalise", "reprofessionalise", "don’t", "don't", "40,000", "5.5",
        new string('x', 41), new string('x', 42), "\u0000\u0000", "\u0000", "\u0000\u0000\u0000\u0000\u0000",
    ];

    [Fact]
    public void FindsWhatWasAddedAndNothingElse()
    {
        var memo = new SpellingMemo(1000);
        for (var i = 0; i < Keys.Length; i += 2) memo.Add(Keys[i], i);
        for (var i = 0; i < Keys.Length; i++)
        {
            var found = memo.TryGet(Keys[i], out var value);
            Assert.True(found == (i % 2 == 0), $"'{Keys[i]}'");
            if (found) Assert.Equal(i, value);
        }
    }

    [Fact]
    public void KeepsEveryKeyAsItGrows()
    {
        var memo = new SpellingMemo(1 << 20);
        var keys = Enumerable.Range(0, 50_000).Select(i => (i % 3) switch { 0 => $"w{i}", 1 => $"word{i}tail", _ => $"{i}" }).ToArray();
        for (var i = 0; i < keys.Length; i++) memo.Add(keys[i], i);
        Assert.Equal(keys.Length, memo.Count);
        for (var i = 0; i < keys.Length; i++)
        {
            Assert.True(memo.TryGet(keys[i], out var value), keys[i]);
            Assert.Equal(i, value);
        }
        Assert.False(memo.TryGet("w1", out _));
        Assert.False(memo.TryGet("word0tail", out _));
    }

    [Fact]
    public void ReadsAKeyFromTheMiddleOfALongerText()
    {
        var memo = new SpellingMemo(10);
        memo.Add("probation", 7);
        var text = "the probation service";
        Assert.True(memo.TryGet(text.AsSpan(4, 9), out var value));
        Assert.Equal(7, value);
        Assert.False(memo.TryGet(text.AsSpan(4, 8), out _));
        Assert.False(memo.TryGet(text.AsSpan(0, 3), out _));
    }

    [Fact]
    public void StopsRememberingWhenFull()
    {
        var memo = new SpellingMemo(2);
        memo.Add("one", 1);
        memo.Add("two", 2);
        memo.Add("three", 3);
        Assert.Equal(2, memo.Count);
        Assert.True(memo.TryGet("two", out _));
        Assert.False(memo.TryGet("three", out _));
    }
}
