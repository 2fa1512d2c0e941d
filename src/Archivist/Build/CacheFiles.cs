namespace Archivist.Build;

/// <summary>Cache writes: to a unique temporary name, then renamed, so a reader never sees half a file
/// and two builds sharing a cache never trip over each other. A cache that cannot be written is only slower.</summary>
public static class CacheFiles
{
    public static void WriteAtomic(string path, ReadOnlySpan<byte> bytes)
    {
        var tmp = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(tmp, bytes.ToArray());
            File.Move(tmp, path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(tmp); } catch (IOException) { }
        }
    }

    public static void WriteAtomic(string path, Action<Stream> write)
    {
        using var buffer = new MemoryStream();
        write(buffer);
        WriteAtomic(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }
}
