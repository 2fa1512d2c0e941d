using Archivist.Search.Analysis;
using Archivist.Tests.Support;

namespace Archivist.Tests.Search.Analysis;

public class EnglishStemmerTests
{
    private static readonly EnglishStemmer Stemmer = new();

    [Fact]
    public void StemsTheWholeSnowballVocabulary()
    {
        var dir = Path.Combine(RepoPaths.Tests, "TestData", "snowball-english");
        var words = File.ReadAllLines(Path.Combine(dir, "voc.txt"));
        var expected = File.ReadAllLines(Path.Combine(dir, "output.txt"));
        Assert.Equal(words.Length, expected.Length);

        var mismatches = new List<string>();
        for (var i = 0; i < words.Length; i++)
        {
            var actual = Stemmer.Stem(words[i]);
            if (actual != expected[i])
                mismatches.Add($"line {i + 1}: '{words[i]}' -> '{actual}', expected '{expected[i]}'");
        }
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {words.Length} words mismatch:\n" + string.Join("\n", mismatches.Take(20)));
    }

    [Theory]
    // Exceptional forms, checked before any rule.
    [InlineData("skis", "ski")]
    [InlineData("skies", "sky")]
    [InlineData("dying", "die")]
    [InlineData("lying", "lie")]
    [InlineData("tying", "tie")]
    [InlineData("idly", "idl")]
    [InlineData("gently", "gentl")]
    [InlineData("ugly", "ugli")]
    [InlineData("early", "earli")]
    [InlineData("only", "onli")]
    [InlineData("singly", "singl")]
    [InlineData("sky", "sky")]
    [InlineData("news", "news")]
    [InlineData("howe", "howe")]
    [InlineData("atlas", "atlas")]
    [InlineData("cosmos", "cosmos")]
    [InlineData("bias", "bias")]
    [InlineData("andes", "andes")]
    // Invariant after step 1a.
    [InlineData("inning", "inning")]
    [InlineData("innings", "inning")]
    [InlineData("outing", "outing")]
    [InlineData("canning", "canning")]
    [InlineData("herring", "herring")]
    [InlineData("earring", "earring")]
    [InlineData("proceed", "proceed")]
    [InlineData("exceed", "exceed")]
    [InlineData("succeed", "succeed")]
    [InlineData("succeeding", "succeed")]
    public void StemsExceptionalForms(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("napo's", "napo")]
    [InlineData("'tis", "tis")]
    [InlineData("there's'", "there")]
    [InlineData("dogs'", "dog")]
    [InlineData("'s'", "s")]
    [InlineData("'''", "'")]
    public void RemovesApostrophes(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("youth", "youth")]  // initial y is a consonant
    [InlineData("saying", "say")]   // y after a vowel is a consonant
    [InlineData("says", "say")]
    [InlineData("cry", "cri")]      // final y after a consonant becomes i
    [InlineData("by", "by")]
    [InlineData("happy", "happi")]
    [InlineData("enjoy", "enjoy")]
    public void HandlesY(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("generous", "generous")]
    [InlineData("generate", "generat")]
    [InlineData("communism", "communism")]
    [InlineData("arsenal", "arsenal")]
    [InlineData("universal", "universal")]
    [InlineData("pasted", "paste")]
    [InlineData("internment", "internment")]
    public void UsesSpecialR1Prefixes(string word, string stem) => Assert.Equal(stem, Stemmer.Stem(word));

    [Theory]
    [InlineData("a")]
    [InlineData("is")]
    [InlineData("'s")]
    [InlineData("")]
    public void LeavesOneAndTwoLetterWordsAlone(string word) => Assert.Same(word, Stemmer.Stem(word));

    [Fact]
    public void SpanOverloadAgreesWithStringOverload()
    {
        Assert.Equal("hope", Stemmer.Stem("hoping".AsSpan()));
        Assert.Equal("generat", Stemmer.Stem("generations".AsSpan()));
    }

    [Fact]
    public void HandlesWordsLongerThanTheStackBuffer()
    {
        var stem = string.Concat(Enumerable.Repeat("ba", 40));
        Assert.Equal(stem, Stemmer.Stem(stem + "ational")); // ational -> ate (step 2), ate dropped in R2 (step 4)
    }
}
