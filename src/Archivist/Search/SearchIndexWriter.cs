using Archivist.Content;
using Archivist.Output;
using Archivist.Search.Indexing;

namespace Archivist.Search;

/// <summary>
/// Writes the prebuilt, sharded search index into the site (under <see cref="SearchIndexOptions.Folder"/>).
/// Every file goes through the transaction, which leaves files whose bytes did not change untouched; names
/// carry content hashes, so after adding a post only the shards of its terms, its metadata chunk, the
/// dictionary pages naming changed shards and index.json are new. The files are an export of the index of record
/// (<see cref="IndexOfRecord"/>, a Lucene index), which only new and changed posts are analysed into. With a cache
/// directory, the main segment of the last export is kept as it is when its posts and the settings did not change
/// (<see cref="MainSegmentState"/>): only the tail is exported and only its files are written.
/// </summary>
public static class SearchIndexWriter
{
    /// <param name="updated">Reads the index of record once it holds the posts (<see cref="SearchIndexBuilder.Build(IReadOnlyList{Post}, PostTexts, SearchIndexOptions, Func{MainSegmentState?}?, Func{string, bool}, Action{IndexedDocuments, IReadOnlyList{Post}}?)"/>).</param>
    /// <param name="texts">Where the posts' texts are read (the builder's; posts need not carry them).</param>
    /// <param name="index">The index of record, opened (and disposed of) by the caller; null: opened here.</param>
    public static SearchIndexResult Write(IReadOnlyList<Post> posts, PostTexts texts, OutputTransaction output, SearchIndexOptions options,
        Action<IndexedDocuments, IReadOnlyList<Post>>? updated = null, IndexOfRecord? index = null)
    {
        var folder = options.Folder.TrimEnd('/') + "/";
        Func<MainSegmentState?>? state = options.CacheDirectory is { } dir ? () => MainSegmentState.TryRead(dir) : null;
        var build = SearchIndexBuilder.Build(posts, texts, options, state, path => output.TryKeep(folder + path), updated, index);
        if (options.CacheDirectory is { } cache && build.Result.KeptDocuments == 0)
        {
            if (build.Main is { } main) main.Write(cache);
            else MainSegmentState.Forget(cache);
        }
        foreach (var file in build.Files)
        {
            var path = folder + file.Path;
            // A main-segment file an abandoned attempt to keep the segment already kept has a content-hashed
            // name: the same path holds the same bytes.
            if (!output.Contains(path)) output.Write(path, file.Content);
        }
        return build.Result;
    }
}
