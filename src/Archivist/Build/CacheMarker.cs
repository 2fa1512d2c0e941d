using System.Text;

namespace Archivist.Build;

/// <summary>
/// The file that makes a folder archivist's cache: written into the cache folder when the cache starts in it (new or
/// empty), and required before the cache deletes anything there. A folder given as <c>--cache</c> that already held
/// other things is used but never pruned, so no file the cache did not write can be deleted by a mistyped path.
/// </summary>
public static class CacheMarker
{
    public const string FileName = ".archivist-cache";
    private const string Text = "archivist cache v1\n# archivist's build cache: safe to delete; archivist prunes only folders holding this file.\n";

    /// <summary>
    /// Marks <paramref name="directory"/> as the cache when it is missing or empty, or already is one (marked, or an
    /// older archivist's cache, known by its seed index). Returns whether it is marked. Never throws: a cache
    /// that cannot be written is only slower.
    /// </summary>
    public static bool Claim(string? directory)
    {
        if (directory is null) return false;
        if (IsMarked(directory)) return true;
        try
        {
            if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any() && !SeedInventory.HasIndex(directory))
                return false;
            Directory.CreateDirectory(directory);
            CacheFiles.WriteAtomic(Path.Combine(directory, FileName), Encoding.UTF8.GetBytes(Text));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
        return IsMarked(directory);
    }

    /// <summary>True when <paramref name="directory"/> holds the marker with the content archivist writes (not just a file of that name).</summary>
    public static bool IsMarked(string? directory)
    {
        if (directory is null) return false;
        var path = Path.Combine(directory, FileName);
        try
        {
            var info = new FileInfo(path);
            return info.Exists && info.LinkTarget is null && info.Length == Encoding.UTF8.GetByteCount(Text) && File.ReadAllText(path, Encoding.UTF8) == Text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
