using System.Collections.Concurrent;
using System.Text;

namespace Archivist.Output;

public sealed record CommitSummary(int Written, int Unchanged, int Deleted)
{
    public bool ChangedAnything => Written > 0 || Deleted > 0;
}

/// <summary>
/// One build's set of output files. Files identical to the last build are left alone (their
/// modification times do not change); changed files are staged beside the site and moved into place
/// only at <see cref="Commit"/>. Until then the previous site is untouched, so a build that fails or
/// is killed leaves it intact. Files of the last build that are not written again are deleted at
/// commit — and only those: the manifest is the list of files this tool made, and a commit that would
/// replace any other file is refused before anything moves. Thread-safe.
/// </summary>
public sealed class OutputTransaction : IDisposable
{
    private readonly OutputFolder _folder;
    private readonly IReadOnlyDictionary<string, string> _properties;
    private readonly IReadOnlyDictionary<string, long> _previousStamps;
    private readonly ConcurrentDictionary<string, ManifestEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _stamps = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _staged = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _stagingFolders = new(StringComparer.Ordinal);
    /// <summary>Last-build files checked ahead (<see cref="CheckAhead"/>): each one's stamp, or null when it was gone or changed.</summary>
    private readonly ConcurrentDictionary<string, long?> _checkedAhead = new(StringComparer.Ordinal);
    private readonly string _staging;
    private bool _done;

    internal OutputTransaction(OutputFolder folder, IReadOnlyDictionary<string, string>? properties, IReadOnlyDictionary<string, long>? stamps)
    {
        _folder = folder;
        _properties = properties ?? folder.Manifest.Properties;
        _previousStamps = stamps ?? new Dictionary<string, long>();
        _staging = Path.Combine(folder.Root, OutputFolder.StagingFolderName);
    }

    public OutputManifest Previous => _folder.Manifest;

    /// <summary>
    /// After <see cref="Commit"/>: each file's modification time (UTC ticks) as this build left it. Not part of the
    /// published manifest (it differs between two identical builds); keep it with the caller's own state and pass
    /// it to the next <see cref="OutputFolder.Begin"/>.
    /// </summary>
    public IReadOnlyDictionary<string, long> Stamps { get; private set; } = new Dictionary<string, long>();

    public bool WriteText(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a file to the site; returns true when it differs from the last build and was staged.</summary>
    public bool Write(string path, ReadOnlySpan<byte> content)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        OutputPath.Require(path);
        if (OutputFolder.IsOwnBookkeeping(path.Split('/')[0]))
            throw new ArgumentException($"'{path}' is reserved for the tool's own bookkeeping", nameof(path));
        var hash = OutputFolder.HashOf(content);
        if (Previous.TryGet(path, out var old) && old.Hash == hash && old.Size == content.Length && OnDisk(old, content) is { } stamp)
        {
            Add(path, old, stamp);
            return false;
        }
        var staged = OutputPath.ToFull(_staging, path);
        var folder = Path.GetDirectoryName(staged)!;
        if (!_stagingFolders.ContainsKey(folder))
        {
            Directory.CreateDirectory(folder); // once per folder, not per file (harmless if two threads race here)
            _stagingFolders[folder] = true;
        }
        using (var stream = CreateStaged(staged))
            stream.Write(content);
        Add(path, new ManifestEntry(path, content.Length, hash), 0);
        _staged[path] = true;
        return true;
    }

    /// <summary>
    /// A new staging file. Created without truncating (O_EXCL, not O_TRUNC): on ext4 truncating even an empty new
    /// file cost 1.5–2 s of kernel time over a 25,000-file site. A file already there (a path staged twice) is replaced.
    /// </summary>
    private static FileStream CreateStaged(string path)
    {
        try
        {
            return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
        catch (IOException) when (File.Exists(path))
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        }
    }

    /// <summary>
    /// Keeps a file of the last build without regenerating it (incremental builds know it is unchanged).
    /// Returns false when the file is gone or was edited, so the caller must write it after all. A file
    /// without its stamp (or touched since) is read and hashed to tell.
    /// </summary>
    public bool TryKeep(string path)
    {
        if (!Previous.TryGet(path, out var old) || (Stamped(old) ?? Hashed(old)) is not { } stamp) return false;
        Add(path, old, stamp);
        return true;
    }

    /// <summary>
    /// Looks at every file of the last build that this build has not kept or written yet (on a rebuild, mostly pages
    /// whose inputs are still being worked out) and notes whether it still has the size and time the last build left it
    /// with, so that keeping it later (or finding it unchanged when written again) needs no look at the disk. For a builder
    /// with a thread to spare while it waits.
    /// </summary>
    public void CheckAhead()
    {
        foreach (var entry in Previous.Entries)
            if (!_entries.ContainsKey(entry.Path)) _checkedAhead.TryAdd(entry.Path, StampOnDisk(entry));
    }

    public bool Contains(string path) => _entries.ContainsKey(path);

    private void Add(string path, ManifestEntry entry, long stamp)
    {
        if (!_entries.TryAdd(path, entry)) throw new InvalidOperationException($"'{path}' was generated twice in one build");
        _stamps[path] = stamp;
    }

    /// <summary>The file's time when it has the size and time it was left with, else null: as checked ahead, or looked at now.</summary>
    private long? Stamped(ManifestEntry entry) => _checkedAhead.TryGetValue(entry.Path, out var stamp) ? stamp : StampOnDisk(entry);

    private long? StampOnDisk(ManifestEntry entry)
    {
        var info = new FileInfo(OutputPath.ToFull(_folder.Root, entry.Path));
        return info.Exists && info.Length == entry.Size && _previousStamps.TryGetValue(entry.Path, out var ticks) && info.LastWriteTimeUtc.Ticks == ticks
            ? ticks
            : null;
    }

    /// <summary>The file's time when its content has the manifest's hash, else null.</summary>
    private long? Hashed(ManifestEntry entry)
    {
        var full = OutputPath.ToFull(_folder.Root, entry.Path);
        var info = new FileInfo(full);
        if (!info.Exists || info.Length != entry.Size || info.LinkTarget is not null) return null;
        try
        {
            return OutputFolder.HashOf(File.ReadAllBytes(full)) == entry.Hash ? info.LastWriteTimeUtc.Ticks : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The file's time when it holds exactly <paramref name="content"/>: by its stamp, or failing that by its bytes.</summary>
    private long? OnDisk(ManifestEntry entry, ReadOnlySpan<byte> content)
    {
        if (Stamped(entry) is { } stamp) return stamp;
        var full = OutputPath.ToFull(_folder.Root, entry.Path);
        var info = new FileInfo(full);
        if (!info.Exists || info.Length != content.Length || info.LinkTarget is not null) return null;
        try
        {
            return File.ReadAllBytes(full).AsSpan().SequenceEqual(content) ? info.LastWriteTimeUtc.Ticks : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <param name="committed">
    /// Called once the commit point is passed (the journal is on disk, so this build's files are the site's from now on,
    /// moved into place now or, if this process dies, by the next build to open the folder), with the new manifest and
    /// each file's stamp (<see cref="Stamps"/>). It runs on the thread pool while the files move into place, and
    /// <see cref="Commit"/> returns once both are done; never called when the commit fails before its commit point.
    /// </param>
    public CommitSummary Commit(Action<OutputManifest, IReadOnlyDictionary<string, long>>? committed = null)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        // Plain loops over the last manifest, in its (path) order: this runs on every build, and LINQ over these
        // collections was a few dozen generic methods compiled at run time, ~20 ms of the commit at 25,000 files.
        var moves = new List<string>(_staged.Keys);
        moves.Sort(StringComparer.Ordinal);
        var deletes = new List<string>();
        var entries = new List<ManifestEntry>(_entries.Count);
        var added = 0; // the next new path among the moves (sorted, as the last manifest is)
        foreach (var old in Previous.Entries)
        {
            for (; added < moves.Count && string.CompareOrdinal(moves[added], old.Path) < 0; added++)
                if (!Previous.Contains(moves[added])) entries.Add(_entries[moves[added]]);
            if (_entries.TryGetValue(old.Path, out var entry)) entries.Add(entry);
            else deletes.Add(old.Path);
        }
        for (; added < moves.Count; added++)
            if (!Previous.Contains(moves[added])) entries.Add(_entries[moves[added]]);
        var summary = new CommitSummary(moves.Count, _entries.Count - moves.Count, deletes.Count);
        // Moved files keep the modification time they were staged with. (Nothing writes the stamps any more.)
        foreach (var path in moves) _stamps[path] = new FileInfo(OutputPath.ToFull(_staging, path)).LastWriteTimeUtc.Ticks;
        if (moves.Count == 0 && deletes.Count == 0 && SameProperties(_properties, Previous.Properties) && File.Exists(Path.Combine(_folder.Root, OutputManifest.FileName)))
        {
            _done = true;
            Stamps = _stamps;
            Finish();
            committed?.Invoke(Previous, _stamps);
            return summary;
        }

        RefuseForeignFiles(moves, deletes);
        var manifest = new OutputManifest(entries, _properties); // in order already: not sorted again
        // The manifest is staged (and on disk) before the journal names it: written once, then renamed into place.
        Directory.CreateDirectory(_staging);
        var manifestHash = manifest.WriteFile(Path.Combine(_staging, CommitJournal.StagedManifestName));
        var journal = new CommitJournal(moves, deletes, manifestHash);
        var journalPath = Path.Combine(_folder.Root, OutputFolder.JournalFileName);
        AtomicFile.WriteAllText(journalPath, journal.Serialize()); // the commit point
        _done = true; // the staged files are the journal's now: if moving them fails, Dispose leaves them for the next build
        var beside = committed is null ? Task.CompletedTask : Task.Run(() => committed(manifest, _stamps));
        try
        {
            journal.Apply(_folder.Root);
        }
        catch
        {
            // Past the commit point what it records is true whether or not the moves finish here (the next build finishes them).
            try { beside.Wait(); } catch (AggregateException) { }
            throw;
        }
        _folder.Committed(manifest);
        Stamps = _stamps;
        Finish();
        beside.GetAwaiter().GetResult(); // the caller's own failure, reported as such: the commit stands
        return summary;
    }

    private static bool SameProperties(IReadOnlyDictionary<string, string> a, IReadOnlyDictionary<string, string> b)
    {
        if (a.Count != b.Count) return false;
        foreach (var (key, value) in a)
            if (!b.TryGetValue(key, out var other) || other != value) return false;
        return true;
    }

    /// <summary>
    /// Before the commit point: no move may replace a file the manifest does not list (someone else's file at a
    /// path a new post now uses) and nothing may go through a link, so the build fails with the previous site whole.
    /// </summary>
    private void RefuseForeignFiles(IReadOnlyList<string> moves, IReadOnlyList<string> deletes)
    {
        var check = new PathCheck(_folder.Root);
        var problems = moves.Select(p => check.ProblemWriting(p, Previous.Contains(p)))
            .Concat(deletes.Select(check.ProblemReaching))
            .OfType<string>().Distinct().ToList();
        if (problems.Count == 0) return;
        throw new OutputFolderException(
            $"'{_folder.Root}' holds things archivist did not generate where this build must write, so nothing was changed: " +
            string.Join("; ", problems.Take(5)) + (problems.Count > 5 ? $"; and {problems.Count - 5} more" : "") +
            ". Move or delete them (they are yours, not the site's), then build again.");
    }

    private void Finish()
    {
        _done = true;
        if (Directory.Exists(_staging)) Directory.Delete(_staging, recursive: true);
    }

    /// <summary>Without <see cref="Commit"/>, nothing staged reaches the site.</summary>
    public void Dispose()
    {
        if (_done) return;
        Finish();
    }
}
