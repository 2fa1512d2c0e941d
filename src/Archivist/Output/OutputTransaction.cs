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
/// commit — and only those: the manifest is the list of files this tool made. Thread-safe.
/// </summary>
public sealed class OutputTransaction : IDisposable
{
    private readonly OutputFolder _folder;
    private readonly IReadOnlyDictionary<string, string> _properties;
    private readonly ConcurrentDictionary<string, ManifestEntry> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _staged = new(StringComparer.Ordinal);
    private readonly string _staging;
    private bool _done;

    internal OutputTransaction(OutputFolder folder, IReadOnlyDictionary<string, string>? properties)
    {
        _folder = folder;
        _properties = properties ?? folder.Manifest.Properties;
        _staging = Path.Combine(folder.Root, OutputFolder.StagingFolderName);
    }

    public OutputManifest Previous => _folder.Manifest;

    public bool WriteText(string path, string text) => Write(path, Encoding.UTF8.GetBytes(text));

    /// <summary>Adds a file to the site; returns true when it differs from the last build and was staged.</summary>
    public bool Write(string path, ReadOnlySpan<byte> content)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        OutputPath.Require(path);
        if (OutputFolder.IsOwnBookkeeping(path.Split('/')[0]))
            throw new ArgumentException($"'{path}' is reserved for the tool's own bookkeeping", nameof(path));
        var hash = OutputFolder.HashOf(content);
        if (Previous.TryGet(path, out var old) && old.Hash == hash && old.Size == content.Length && IsIntact(old))
        {
            Add(path, old);
            return false;
        }
        var staged = OutputPath.ToFull(_staging, path);
        Directory.CreateDirectory(Path.GetDirectoryName(staged)!);
        using (var stream = new FileStream(staged, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1))
            stream.Write(content);
        Add(path, new ManifestEntry(path, content.Length, hash, 0));
        _staged[path] = true;
        return true;
    }

    /// <summary>
    /// Keeps a file of the last build without regenerating it (incremental builds know it is unchanged).
    /// Returns false when the file is gone or was edited, so the caller must write it after all.
    /// </summary>
    public bool TryKeep(string path)
    {
        if (!Previous.TryGet(path, out var old) || !IsIntact(old)) return false;
        Add(path, old);
        return true;
    }

    public bool Contains(string path) => _entries.ContainsKey(path);

    private void Add(string path, ManifestEntry entry)
    {
        if (!_entries.TryAdd(path, entry)) throw new InvalidOperationException($"'{path}' was generated twice in one build");
    }

    private bool IsIntact(ManifestEntry entry)
    {
        var info = new FileInfo(OutputPath.ToFull(_folder.Root, entry.Path));
        return info.Exists && info.Length == entry.Size && info.LastWriteTimeUtc.Ticks == entry.ModifiedTicks;
    }

    public CommitSummary Commit()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        var moves = _staged.Keys.Order(StringComparer.Ordinal).ToList();
        var deletes = Previous.Entries.Select(e => e.Path).Where(p => !_entries.ContainsKey(p)).ToList();
        var propertiesChanged = !_properties.OrderBy(p => p.Key).SequenceEqual(Previous.Properties.OrderBy(p => p.Key));
        var summary = new CommitSummary(moves.Count, _entries.Count - moves.Count, deletes.Count);
        if (moves.Count == 0 && deletes.Count == 0 && !propertiesChanged && File.Exists(Path.Combine(_folder.Root, OutputManifest.FileName)))
        {
            Finish();
            return summary;
        }

        // Moved files keep the modification time they were staged with; record it so the next build can
        // tell an untouched file from an edited one.
        var entries = _entries.Values.Select(e => _staged.ContainsKey(e.Path)
            ? e with { ModifiedTicks = new FileInfo(OutputPath.ToFull(_staging, e.Path)).LastWriteTimeUtc.Ticks }
            : e);
        var manifest = new OutputManifest(entries, _properties);
        var journal = new CommitJournal(moves, deletes, manifest.Serialize());
        var journalPath = Path.Combine(_folder.Root, OutputFolder.JournalFileName);
        AtomicFile.WriteAllText(journalPath, journal.Serialize()); // the commit point
        journal.Apply(_folder.Root);
        _folder.Committed(manifest);
        Finish();
        return summary;
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
