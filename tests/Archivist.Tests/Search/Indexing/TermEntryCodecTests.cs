using Archivist.Search.Format;

namespace Archivist.Tests.Search.Indexing;

public class TermEntryCodecTests
{
    private static readonly TermEncodingPolicy Roomy = new(TopImpacts: int.MaxValue, PositionBytes: 1 << 20);

    private static TermPostings Postings(int[] docs, Func<int, byte>? impact = null, Func<int, int[]>? positions = null) =>
        new("t", docs, docs.Select(d => impact?.Invoke(d) ?? (byte)(1 + d % 200)).ToArray(),
            PositionLists.From(docs.Select(d => positions?.Invoke(d) ?? [d % 7, d % 7 + 10, 500 + d]).ToArray()));

    public static TheoryData<string, int[]> Memberships() => new()
    {
        { "rare: gaps", [3, 90, 1000, 50_000] },
        { "dense: bitmap", Enumerable.Range(0, 4000).Where(d => d % 3 != 0).ToArray() },
        { "nearly everywhere: complement", Enumerable.Range(0, 5000).Where(d => d % 97 != 5).ToArray() },
        { "everywhere", Enumerable.Range(0, 300).ToArray() },
        { "one document", [0] },
    };

    [Theory]
    [MemberData(nameof(Memberships))]
    public void RoundTripsEveryMembershipKind(string kind, int[] docs)
    {
        var postings = Postings(docs);
        var entry = TermEntryCodec.Decode(TermEntryCodec.Encode(postings, Roomy));
        Assert.Equal(docs, entry.Docs);
        Assert.Equal(postings.Impacts, entry.Impacts);
        Assert.Equal(docs.Length, entry.Positions.Count);
        Assert.All(docs.Select((d, i) => (d, i)), x => Assert.Equal(postings.Positions.Decode(x.i), entry.Positions[x.d]));
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public void PicksTheSmallestMembership()
    {
        var everywhere = TermEntryCodec.Encode(Postings(Enumerable.Range(0, 10_000).ToArray(), positions: _ => [1]), new(20_000, 0));
        // 10,000 members: gaps would take ≥ 10,000 bytes and a bitmap 1,250; the empty complement a few.
        Assert.True(everywhere.Length < 10_000 + 10_000 * 1 + 100, $"{everywhere.Length} bytes");
        var dense = TermEntryCodec.Encode(Postings(Enumerable.Range(0, 8000).Where(d => d % 2 == 0).ToArray()), new(0, 0));
        Assert.True(dense.Length < 1000 + 64 + 20, $"{dense.Length} bytes: a 1,000-byte bitmap, top impacts and one position list expected");
    }

    [Fact]
    public void CommonTermsKeepExactImpactsOnlyForTheirTopDocuments()
    {
        var docs = Enumerable.Range(0, 100).ToArray();
        var postings = Postings(docs, impact: d => (byte)(d + 1));
        var entry = TermEntryCodec.Decode(TermEntryCodec.Encode(postings, new TermEncodingPolicy(TopImpacts: 10, PositionBytes: 1 << 20)));
        Assert.Equal(docs, entry.Docs);
        for (var d = 90; d < 100; d++) Assert.Equal(d + 1, entry.Impacts[d]); // the ten best are exact
        var rest = (byte)(Enumerable.Range(1, 90).Sum() / 90);
        for (var d = 0; d < 90; d++) Assert.Equal(rest, entry.Impacts[d]);       // the rest read as their mean
    }

    [Fact]
    public void PositionsStayWithinTheirBudgetBestDocumentsFirst()
    {
        var docs = Enumerable.Range(0, 200).ToArray();
        var postings = Postings(docs, impact: d => (byte)(255 - d), positions: d => Enumerable.Range(0, 50).Select(i => i * 3 + d).ToArray());
        var bytes = TermEntryCodec.Encode(postings, new TermEncodingPolicy(TopImpacts: 1000, PositionBytes: 1000));
        var entry = TermEntryCodec.Decode(bytes);
        Assert.InRange(entry.Positions.Count, 15, 20);                            // ≈ 1,000 bytes / 52 bytes a document
        Assert.All(entry.Positions.Keys, d => Assert.True(d < entry.Positions.Count)); // the highest impacts
        Assert.True(bytes.Length < 200 * 3 + 1000 + 64, $"{bytes.Length} bytes");
    }

    [Fact]
    public void RejectsDamagedEntries()
    {
        var bytes = TermEntryCodec.Encode(Postings([1, 2, 3]), Roomy);
        Assert.Throws<FormatException>(() => TermEntryCodec.Decode(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Throws<FormatException>(() => TermEntryCodec.Decode([.. bytes, 0]));
    }
}
