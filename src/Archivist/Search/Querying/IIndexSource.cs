namespace Archivist.Search.Querying;

/// <summary>Where index files come from: the site folder for the CLI (the browser fetches the same paths).</summary>
public interface IIndexSource
{
    /// <summary>The bytes of a file of the index folder, e.g. <c>index.json</c> or <c>t/0a1b2c3d4e.bin</c>.</summary>
    byte[] Read(string path);
}
