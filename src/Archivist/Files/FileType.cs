using System.Runtime.InteropServices;

namespace Archivist.Files;

/// <summary>
/// Whether a path is a regular file, which .NET does not say: opening a FIFO to read it blocks until something writes
/// to it, so a FIFO among the seeds hung the build for ever. On Unix this asks stat() through the runtime's own native
/// library (its <c>FileStatus</c> record is the runtime's, the same on every Unix); Windows has no such files.
/// </summary>
internal static class FileType
{
    private const int TypeMask = 0xF000, Regular = 0x8000; // S_IFMT, S_IFREG as the runtime's FileStatus.Mode gives them

    /// <summary>True for a regular file (following links); true also where the type cannot be asked, as before.</summary>
    public static bool IsRegular(string path)
    {
        if (OperatingSystem.IsWindows()) return true;
        var status = new byte[256]; // FileStatus is about 120 bytes; Mode is the int after the first
        try
        {
            if (Stat(path, status) != 0) return true; // gone or unreadable: opening it reports that
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
        return (BitConverter.ToInt32(status, 4) & TypeMask) == Regular;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", SetLastError = false)]
    private static extern int Stat([MarshalAs(UnmanagedType.LPUTF8Str)] string path, [Out] byte[] status);
}
