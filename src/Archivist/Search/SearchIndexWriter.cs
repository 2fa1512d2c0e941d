using Archivist.Content;
using Archivist.Output;
using Archivist.Search.Indexing;

namespace Archivist.Search;

/// <summary>
/// Writes the prebuilt, sharded search index into the site (under <see cref="SearchIndexOptions.Folder"/>).
/// Every file goes through the transaction, which leaves files whose bytes did not change untouched; names
/// carry content hashes, so after adding a post only the shards of its terms, its metadata chunk, the
/// dictionary pages naming changed shards and index.json are new.
/// </summary>
public static class SearchIndexWriter
{
    public static SearchIndexResult Write(IReadOnlyList<Post> posts, OutputTransaction output, SearchIndexOptions options)
    {
        var build = SearchIndexBuilder.Build(posts, options);
        foreach (var file in build.Files) output.Write(options.Folder.TrimEnd('/') + "/" + file.Path, file.Content);
        return build.Result;
    }
}
