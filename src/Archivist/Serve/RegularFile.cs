using System.Runtime.InteropServices;

namespace Archivist.Serve;

/// <summary>
/// Whether a path is a regular file, not a FIFO, socket or device: <see cref="File.Exists"/> is true for all of them,
/// and reading a FIFO waits for a writer, so a request for one planted in the output would never be answered. .NET
/// shows no file type, so on Linux this asks <c>statx</c> (the same layout on every architecture); where that cannot be
/// asked, an existing file counts (a git checkout holds no FIFOs).
/// </summary>
internal static class RegularFile
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxType = 0x1;
    private const int StatxSize = 256;
    private const int ModeOffset = 28; // stx_mode follows stx_mask, stx_blksize, stx_attributes, stx_nlink, stx_uid, stx_gid
    private const int TypeMask = 0xF000;
    private const int Regular = 0x8000;

    [DllImport("libc", EntryPoint = "statx", SetLastError = true)]
    private static extern int Statx(int directory, [MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags, uint mask, byte[] buffer);

    /// <summary>True for a regular file that is not a link (a link is never followed).</summary>
    public static bool Is(string path)
    {
        if (new FileInfo(path) is not { Exists: true, LinkTarget: null }) return false;
        if (!OperatingSystem.IsLinux()) return true;
        var buffer = new byte[StatxSize];
        try
        {
            if (Statx(AtFdCwd, path, AtSymlinkNoFollow, StatxType, buffer) != 0) return false;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return true;
        }
        return (BitConverter.ToUInt16(buffer, ModeOffset) & TypeMask) == Regular;
    }
}
