namespace Archivist.Search;

/// <summary>What a build of the index produced, for the build summary and the benchmark.</summary>
public sealed record SearchIndexResult(int Documents, int Files, long Bytes)
{
    public int Terms { get; init; }
    public int Shards { get; init; }
    public int LargestShard { get; init; }
    public int CachedDocuments { get; init; }

    /// <summary>Documents of the main segment kept from the last build without being read (0: the whole index was built).</summary>
    public int KeptDocuments { get; init; }

    /// <summary>Seconds spent analysing posts, encoding term entries, and cutting and serialising files.</summary>
    public (double Analyse, double Encode, double Files) Seconds { get; init; }
}
