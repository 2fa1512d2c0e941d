namespace Archivist.Tests.Support;

/// <summary>
/// A tiny file system (Linux tmpfs) mounted for one test, to fill up on purpose. Mounting needs root (or
/// CAP_SYS_ADMIN); where it cannot be done the test is skipped, saying why.
/// </summary>
public sealed class SmallDisk : IDisposable
{
    public string Root { get; }

    private SmallDisk(string root) => Root = root;

    public static SmallDisk Mount(int kilobytes)
    {
        if (!OperatingSystem.IsLinux()) Skip.Because("a full disk is made with a Linux tmpfs mount");
        var root = Directory.CreateTempSubdirectory("archivist-small-disk-").FullName;
        var mount = ExternalTool.Find("mount");
        var result = mount is null ? null : ExternalTool.Run(mount, ["-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", root], timeout: TimeSpan.FromSeconds(30));
        if (result is not { ExitCode: 0 })
        {
            Directory.Delete(root);
            Skip.Because($"cannot mount a small tmpfs to fill up (needs root or CAP_SYS_ADMIN): {result?.StdErr.Trim() ?? "no mount command"}");
        }
        return new SmallDisk(root);
    }

    public void Dispose()
    {
        ExternalTool.Run("umount", ["-l", Root], timeout: TimeSpan.FromSeconds(30));
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
