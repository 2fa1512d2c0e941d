using System.Security.Cryptography;
using System.Text;

namespace Archivist.Output;

/// <summary>
/// Exclusive access to an output folder. Opening it takes a lock (a second build waits, then refuses
/// clearly), refuses folders the tool did not create, and finishes or discards whatever an earlier,
/// interrupted build left behind. Files are then written through an <see cref="OutputTransaction"/>.
/// </summary>
public sealed class OutputFolder : IDisposable
{
    public const string LockFileName = ".archivist-lock";
    public const string StagingFolderName = ".archivist-staging";
    public const string JournalFileName = ".archivist-journal";

    private readonly FileStream _lock;

    public string Root { get; }
    public OutputManifest Manifest { get; private set; }

    /// <summary>What opening found and did about an earlier interrupted build, for the log.</summary>
    public string? RecoveryNote { get; }

    private OutputFolder(string root, FileStream lockStream, OutputManifest manifest, string? recoveryNote)
    {
        Root = root;
        _lock = lockStream;
        Manifest = manifest;
        RecoveryNote = recoveryNote;
    }

    public static OutputFolder Open(string directory, TimeSpan wait, Action<string>? onWaiting = null)
    {
        var root = Path.GetFullPath(directory);
        if (File.Exists(root)) throw new OutputFolderException($"'{directory}' is a file, not a folder.");
        if (Directory.Exists(root) && !File.Exists(Path.Combine(root, OutputManifest.FileName))
            && Directory.EnumerateFileSystemEntries(root).Any(e => !IsOwnBookkeeping(Path.GetFileName(e))))
        {
            throw new OutputFolderException(
                $"'{directory}' already holds files that archivist did not generate (it has no {OutputManifest.FileName}). " +
                "Refusing to write into it or clean it. Choose an empty or new folder with --out.");
        }
        Directory.CreateDirectory(root);

        var lockStream = AcquireLock(root, directory, wait, onWaiting);
        try
        {
            var note = Recover(root);
            return new OutputFolder(root, lockStream, ReadManifest(root, directory), note);
        }
        catch
        {
            lockStream.Dispose();
            throw;
        }
    }

    public OutputTransaction Begin(IReadOnlyDictionary<string, string>? properties = null) => new(this, properties);

    internal void Committed(OutputManifest manifest) => Manifest = manifest;

    public void Dispose() => _lock.Dispose();

    public static bool IsOwnBookkeeping(string name) =>
        name is OutputManifest.FileName or LockFileName or StagingFolderName or JournalFileName
        || name.StartsWith(OutputManifest.FileName + ".", StringComparison.Ordinal)
        || name.StartsWith(JournalFileName + ".", StringComparison.Ordinal);

    private static FileStream AcquireLock(string root, string display, TimeSpan wait, Action<string>? onWaiting)
    {
        var path = Path.Combine(root, LockFileName);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Unix) that dies with the process.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                if (!told) onWaiting?.Invoke($"another archivist build is writing '{display}'; waiting for it to finish…");
                told = true;
                Thread.Sleep(200);
            }
            catch (IOException)
            {
                throw new OutputFolderException($"another archivist build is still writing '{display}' after {wait.TotalSeconds:0} s; try again when it has finished.");
            }
        }
    }

    private static OutputManifest ReadManifest(string root, string display)
    {
        var path = Path.Combine(root, OutputManifest.FileName);
        if (!File.Exists(path)) return OutputManifest.Empty;
        try
        {
            return OutputManifest.Parse(File.ReadAllText(path, Encoding.UTF8));
        }
        catch (FormatException e)
        {
            throw new OutputFolderException($"the manifest in '{display}' is damaged ({e.Message}). Delete the folder and build again.");
        }
    }

    /// <summary>
    /// A journal means an earlier build reached its commit point: finish moving its staged files in.
    /// Staged files without a journal mean it stopped before committing: the previous site is intact, drop them.
    /// </summary>
    private static string? Recover(string root)
    {
        var journalPath = Path.Combine(root, JournalFileName);
        var staging = Path.Combine(root, StagingFolderName);
        string? note = null;
        if (File.Exists(journalPath))
        {
            var journal = CommitJournal.Parse(File.ReadAllText(journalPath, Encoding.UTF8));
            journal.Apply(root);
            note = $"completed an interrupted build's commit ({journal.Moves.Count} files)";
        }
        else if (Directory.Exists(staging))
        {
            note = "discarded the unfinished work of an interrupted build; the previous site was intact";
        }
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        foreach (var tmp in new[] { JournalFileName + ".tmp", OutputManifest.FileName + ".tmp" })
            File.Delete(Path.Combine(root, tmp)); // half-written by AtomicFile; the real file is intact
        return note;
    }

    internal static string HashOf(ReadOnlySpan<byte> content) => Convert.ToHexStringLower(SHA256.HashData(content))[..32];
}

public sealed class OutputFolderException(string message) : Exception(message);
