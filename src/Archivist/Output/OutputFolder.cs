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
    private readonly Task<OutputManifest> _reading;
    private OutputManifest? _manifest;
    private bool _disposed;

    public string Root { get; }

    /// <summary>
    /// The files the last build generated. Read with the folder, or (<c>readManifestAhead</c>) on the thread pool from
    /// the moment it is opened: then a damaged manifest's <see cref="OutputFolderException"/> comes from here.
    /// </summary>
    public OutputManifest Manifest => _manifest ??= _reading.GetAwaiter().GetResult();

    /// <summary>What opening found and did about an earlier interrupted build, for the log.</summary>
    public string? RecoveryNote { get; }

    private OutputFolder(string root, FileStream lockStream, Task<OutputManifest> reading, string? recoveryNote)
    {
        Root = root;
        _lock = lockStream;
        _reading = reading;
        RecoveryNote = recoveryNote;
    }

    /// <param name="readManifestAhead">
    /// Read the manifest on the thread pool and return at once, rather than read it first (a build has its seeds to
    /// list meanwhile: the manifest of a 25,000-file site took 30 ms). It is read under the lock all the same.
    /// </param>
    public static OutputFolder Open(string directory, TimeSpan wait, Action<string>? onWaiting = null, bool readManifestAhead = false)
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
            var note = Recover(root, directory);
            var reading = readManifestAhead ? Task.Run(() => ReadManifest(root, directory)) : Task.FromResult(ReadManifest(root, directory));
            return new OutputFolder(root, lockStream, reading, note);
        }
        catch
        {
            Release(lockStream, root);
            throw;
        }
    }

    /// <param name="stamps">
    /// When each file of the last build was written, as <see cref="OutputTransaction.Stamps"/> reported it (kept by
    /// the caller, outside the folder): a file with its stamp is known intact without being read. Null: unknown,
    /// so unchanged files are recognised by their bytes.
    /// </param>
    public OutputTransaction Begin(IReadOnlyDictionary<string, string>? properties = null, IReadOnlyDictionary<string, long>? stamps = null) =>
        new(this, properties, stamps);

    internal void Committed(OutputManifest manifest) => _manifest = manifest;

    /// <summary>Releases the lock and removes the lock file, so nothing of it is left in (or published from) the folder.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        // Never left reading after the lock is gone (a build that failed before it needed the manifest, whose error, if
        // reading it failed, is then nobody's concern).
        try { _reading.Wait(); } catch (AggregateException) { }
        Release(_lock, Root);
    }

    private static void Release(FileStream lockStream, string root)
    {
        if (!OperatingSystem.IsWindows())
        {
            // Mark the file released before unlinking it: a build that opened it just before the unlink then sees
            // the mark once it gets the lock, and starts again on whatever file the path holds now.
            try
            {
                lockStream.WriteByte(ReleasedMark);
                lockStream.Flush();
                File.Delete(Path.Combine(root, LockFileName));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The mark is only read under the lock; a lock file that could not be removed is taken over (see AcquireLock).
            }
        }
        lockStream.Dispose(); // on Windows the file was opened delete-on-close
    }

    public static bool IsOwnBookkeeping(string name) =>
        name is OutputManifest.FileName or LockFileName or StagingFolderName or JournalFileName
        || name.StartsWith(OutputManifest.FileName + ".", StringComparison.Ordinal)
        || name.StartsWith(JournalFileName + ".", StringComparison.Ordinal);

    private const byte ReleasedMark = (byte)'x';

    private static FileStream AcquireLock(string root, string display, TimeSpan wait, Action<string>? onWaiting)
    {
        var path = Path.Combine(root, LockFileName);
        var deadline = DateTime.UtcNow + wait;
        var told = false;
        var released = 0;
        while (true)
        {
            try
            {
                // FileShare.None is an exclusive OS lock (flock on Unix) that dies with the process.
                var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1,
                    OperatingSystem.IsWindows() ? FileOptions.DeleteOnClose : FileOptions.None);
                if (stream.Length == 0) return stream;
                // Marked released: its holder unlinked it as this build opened it, so the path may hold a new lock
                // file by now. Open again. Marked files that stay at the path (the unlink failed) are taken over.
                if (++released < 20)
                {
                    stream.Dispose();
                    continue;
                }
                stream.SetLength(0);
                return stream;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException && DateTime.UtcNow < deadline)
            {
                if (!told) onWaiting?.Invoke($"another archivist build is writing '{display}'; waiting for it to finish…");
                told = true;
                Thread.Sleep(200);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
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
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
            return OutputManifest.Parse(stream);
        }
        catch (FormatException e)
        {
            throw new OutputFolderException(
                $"'{path}', the list of files archivist generated in '{display}', is damaged: {e.Message}. Nothing was changed. " +
                "Without it archivist cannot tell its files from yours: move out any files of your own, delete the folder and build again.");
        }
    }

    /// <summary>
    /// A journal means an earlier build reached its commit point: finish moving its staged files in.
    /// Staged files without a journal mean it stopped before committing: the previous site is intact, drop them.
    /// </summary>
    private static string? Recover(string root, string display)
    {
        var journalPath = Path.Combine(root, JournalFileName);
        var staging = Path.Combine(root, StagingFolderName);
        string? note = null;
        if (File.Exists(journalPath))
        {
            CommitJournal journal;
            try
            {
                journal = CommitJournal.Parse(File.ReadAllText(journalPath, Encoding.UTF8), out var inlineManifest);
                // An older archivist's journal holds its manifest: staged as this one's are, then finished the same way.
                if (inlineManifest is not null)
                {
                    Directory.CreateDirectory(staging);
                    AtomicFile.WriteAllText(Path.Combine(staging, CommitJournal.StagedManifestName), inlineManifest);
                }
                journal.ReadManifest(root);
            }
            catch (FormatException e)
            {
                // Written whole then renamed into place, so a damaged journal was changed by something else:
                // finishing it could replace or delete the wrong files, and dropping it could strand half a commit.
                throw new OutputFolderException(
                    $"'{journalPath}', the record of an interrupted build's commit, is damaged: {e.Message}. Nothing was changed. " +
                    "It cannot be trusted to finish that build: move out any files of your own, delete the folder and build again.");
            }
            if (journal.ForeignTarget(root, ReadManifest(root, display)) is { } foreign)
                throw new OutputFolderException(
                    $"'{journalPath}', the record of an interrupted build's commit, cannot be right: {foreign}. Nothing was changed. " +
                    "It cannot be trusted to finish that build: move out any files of your own, delete the folder and build again.");
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
