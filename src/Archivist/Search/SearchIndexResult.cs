namespace Archivist.Search;

/// <summary>What a build of the index produced, for the build summary and the benchmark.</summary>
public sealed record SearchIndexResult(int Documents, int Files, long Bytes)
{
    public int Terms { get; init; }
    public int Shards { get; init; }
    public int LargestShard { get; init; }

    /// <summary>Posts analysed into the index of record in this build (new or changed ones; all of them in a first build).</summary>
    public int AnalysedDocuments { get; init; }

    /// <summary>What the build should tell the user about the index (e.g. a damaged index of record built again).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Documents of the main segment kept from the last build without being read (0: the whole index was built).</summary>
    public int KeptDocuments { get; init; }

    /// <summary>Seconds spent updating the index of record (analysing posts), exporting and encoding term entries, and cutting and serialising files.</summary>
    public (double Analyse, double Encode, double Files) Seconds { get; init; }
}
