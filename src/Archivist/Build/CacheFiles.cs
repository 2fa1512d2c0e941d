namespace Archivist.Build;

/// <summary>Cache writes: to a unique temporary name, then renamed, so a reader never sees half a file
/// and two builds sharing a cache never trip over each other. A cache that cannot be written is only slower.</summary>
public static class CacheFiles
{
    public static void WriteAtomic(string path, byte[] bytes) => WriteAtomic(path, stream => stream.Write(bytes));

    /// <summary>Writes through <paramref name="write"/> straight into the temporary file (no copy in memory: entries can be large).</summary>
    public static void WriteAtomic(string path, Action<Stream> write)
    {
        var tmp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                write(stream);
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (IOException) { }
        }
    }
}
