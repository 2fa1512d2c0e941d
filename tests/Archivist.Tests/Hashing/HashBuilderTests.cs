using Archivist.Hashing;

namespace Archivist.Tests.Hashing;

/// <summary>
/// Digests are the caches' keys and the pages' input hashes: they must stay what they have been (SHA-256 of each value
/// length-prefixed, UTF-16), whether the values are short and gathered or long and hashed as they come. The expected
/// digests were worked out apart from the tool (Python's hashlib over the same bytes).
/// </summary>
public class HashBuilderTests
{
    [Fact]
    public void AShortValueHasTheDigestItAlwaysHad() => Assert.Equal("b538a9d7844aefb3bc629c111aa1ce40", HashBuilder.Of("archivist"));

    [Fact]
    public void NullAndEmptyDiffer() => Assert.Equal("72a4fa3544e43a836ffcb268ce06ccdb", HashBuilder.Of(null, ""));

    [Fact]
    public void ALongValueThenAShortOneHasTheDigestItAlwaysHad() =>
        Assert.Equal("4884bd7504a8f9ee82dc966fb8a96682", HashBuilder.Of(new string('x', 20000), "tail"));

    [Fact]
    public void ValuesAreLengthPrefixed() => Assert.NotEqual(HashBuilder.Of("ab", "c"), HashBuilder.Of("a", "bc"));

    [Fact]
    public void AfterFinishTheBuilderStartsAgainEmpty()
    {
        using var hasher = new HashBuilder();
        hasher.Add(new string('y', 30000)).Add(7).Finish();
        Assert.Equal(HashBuilder.Of("archivist"), hasher.Add("archivist").Finish());
    }

    [Fact]
    public void ManyShortValuesGrowingPastTheGatheredBytesGiveTheSameDigestAsOneString()
    {
        // 3,000 one-character values: 18,000 bytes, more than are gathered before hashing goes incremental.
        using var byValue = new HashBuilder();
        using var reference = new HashBuilder();
        for (var i = 0; i < 3000; i++) byValue.Add("z");
        var expected = System.Security.Cryptography.SHA256.HashData(
            Enumerable.Range(0, 3000).SelectMany(_ => BitConverter.GetBytes(1).Concat("z"u8.ToArray().SelectMany(c => new[] { c, (byte)0 }))).ToArray());
        Assert.Equal(Convert.ToHexStringLower(expected)[..32], byValue.Finish());
    }
}
