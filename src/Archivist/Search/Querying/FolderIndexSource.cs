namespace Archivist.Search.Querying;

/// <summary>Reads index files from an index folder on disk.</summary>
public sealed class FolderIndexSource(string folder) : IIndexSource
{
    public string Folder { get; } = Path.GetFullPath(folder);

    public byte[] Read(string path)
    {
        if (path.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(path))
            throw new ArgumentException($"'{path}' is not a path inside the index", nameof(path));
        var full = Path.Combine(Folder, path.Replace('/', Path.DirectorySeparatorChar));
        if (!File.Exists(full)) throw new SearchIndexException($"the index names '{path}', but it is missing from {Folder}; rebuild the site.");
        return File.ReadAllBytes(full);
    }
}
