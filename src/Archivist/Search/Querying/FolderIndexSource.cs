namespace Archivist.Search.Querying;

/// <summary>Reads index files from an index folder on disk.</summary>
public sealed class FolderIndexSource(string folder) : IIndexSource
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public byte[] Read(string path)
    {
        // The names come from the index's own files, so a name that leaves the folder means a damaged index.
        if (path.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(path) || path.Contains('\\'))
            throw new SearchIndexException($"the index names '{path}', which is not a file inside {Folder}; the index is damaged: rebuild the site.");
        var full = Path.Combine(Folder, path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(full)) throw new SearchIndexException($"the index names '{path}', but it is missing from {Folder}; rebuild the site.");
        try
        {
            return File.ReadAllBytes(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SearchIndexException($"cannot read '{path}' in {Folder} ({e.Message}); rebuild the site, or check its permissions.", e);
        }
    }
}
