using System.Security.Cryptography;
using System.Text;
using Archivist.Content;
using Microsoft.Win32.SafeHandles;
using Archivist.Search.Format;
using Archivist.Search.Scoring;

namespace Archivist.Search.Indexing;

/// <summary>
/// Analysed posts on disk between builds, keyed by a hash of everything analysis reads (title, body,
/// comment ids and texts, and the analyzer version), so an unchanged post is not analysed again and a
/// changed one can never hit a stale entry. A damaged or unreadable entry (or pack) is a miss.
/// </summary>
/// <remarks>
/// All entries live in one pack file (<see cref="FileName"/>): entries, then an index of key, offset and
/// length, then the index's offset and a magic number. A build writes a new pack beside the old one, with
/// the entries it analysed and those it read (copied as they are), and <see cref="Save"/> replaces the old
/// pack with it, so the pack holds this archive's posts and no stale ones. One file per post cost about a
/// millisecond of CPU per post to create; Brotli on top cost more than analysing a post. Entries are
/// varint-packed already (about a byte per position), so they are stored uncompressed.
/// Thread-safe: workers read and add entries concurrently.
/// </remarks>
public sealed class AnalysisCache : IDisposable
{
    /// <summary>Bump when analysis changes: old entries then miss and are replaced.</summary>
    public const string AnalyzerVersion = "analysis-2";

    public const string FileName = "analyses.bin";

    private const uint Magic = 0x32434141; // "AAC2", little-endian
    private const int TrailerLength = sizeof(long) + sizeof(uint);

    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly ThreadLocal<VarIntWriter> _scratch = new(() => new VarIntWriter(1 << 16));
    private readonly SafeFileHandle? _old;
    private readonly Dictionary<string, (long Offset, int Length)> _oldEntries = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (long Offset, int Length)> _newEntries = new(StringComparer.Ordinal);
    private FileStream? _new;
    private string? _newPath;

    public AnalysisCache(string directory)
    {
        _path = Path.Combine(directory, FileName);
        try
        {
            if (!File.Exists(_path)) return;
            _old = File.OpenHandle(_path);
            if (!TryReadIndex(_old, _oldEntries))
            {
                _oldEntries.Clear();
                _old.Dispose();
                _old = null;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            _oldEntries.Clear();
            _old?.Dispose();
            _old = null; // an unreadable pack is an empty one
        }
    }

    /// <summary>
    /// The entry's key: the analyzer version and the post's <see cref="Post.Digest"/>, which covers everything
    /// analysis reads (title, body, comment ids and texts) and is known without reading a cached post's text.
    /// </summary>
    public static string KeyOf(Post post) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(AnalyzerVersion + "\n" + post.Digest)))[..32];

    /// <summary>The cached analysis under <paramref name="key"/>, or null; a hit is carried into the new pack.</summary>
    public DocumentAnalysis? TryRead(string key)
    {
        if (_old is null || !_oldEntries.TryGetValue(key, out var at)) return null;
        try
        {
            var bytes = new byte[at.Length];
            if (RandomAccess.Read(_old, bytes, at.Offset) != bytes.Length) return null;
            var analysis = Decode(bytes);
            Append(key, bytes);
            return analysis;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return null; // damaged, truncated or unreadable: analyse again (a bad varint or count throws in several ways)
        }
    }

    public void Write(string key, DocumentAnalysis analysis)
    {
        // Encoded into this thread's reused buffer: an entry per post, some of them large.
        var w = _scratch.Value!;
        w.Clear();
        Encode(w, analysis);
        lock (_gate) AppendLocked(key, w.Written);
    }

    /// <summary>
    /// Replaces the pack with the new one. With <paramref name="keepUnread"/>, entries of the old pack this build
    /// did not read are carried over too: a build that kept its main segment analysed only the tail, and the main
    /// segment's entries are what a later full build needs. (They also carry over an edited tail post's old
    /// entry, until the next full build drops it.)
    /// </summary>
    public void Save(bool keepUnread)
    {
        lock (_gate)
        {
            try
            {
                if (_new is null && !keepUnread) _new = Create();
                if (_new is null) return; // nothing analysed or read: the old pack is still right
                if (keepUnread && _old is not null)
                {
                    foreach (var (key, at) in _oldEntries)
                    {
                        if (_newEntries.ContainsKey(key)) continue;
                        var bytes = new byte[at.Length];
                        if (RandomAccess.Read(_old, bytes, at.Offset) == bytes.Length) AppendLocked(key, bytes);
                    }
                }
                var index = new VarIntWriter(_newEntries.Count * 40 + 16);
                index.Write(_newEntries.Count);
                foreach (var (key, at) in _newEntries)
                {
                    WriteString(index, key);
                    index.Write(checked((int)at.Offset)); // a pack over 2 GB fails to save: the old one stays
                    index.Write(at.Length);
                }
                var indexOffset = _new.Position;
                _new.Write(index.Written);
                Span<byte> trailer = stackalloc byte[TrailerLength];
                BitConverter.TryWriteBytes(trailer, indexOffset);
                BitConverter.TryWriteBytes(trailer[sizeof(long)..], Magic);
                _new.Write(trailer);
                _new.Dispose();
                _new = null;
                _old?.Dispose();
                File.Move(_newPath!, _path, overwrite: true);
                _newPath = null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or OverflowException)
            {
                // A cache that cannot be written only costs speed next time.
            }
            finally
            {
                Discard();
            }
        }
    }

    public void Dispose()
    {
        lock (_gate) Discard();
        _old?.Dispose();
        _scratch.Dispose();
    }

    private void Discard()
    {
        _new?.Dispose();
        _new = null;
        if (_newPath is null) return;
        try
        {
            File.Delete(_newPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
        }
        _newPath = null;
    }

    private void Append(string key, byte[] entry)
    {
        lock (_gate) AppendLocked(key, entry);
    }

    private void AppendLocked(string key, ReadOnlySpan<byte> entry)
    {
        try
        {
            _new ??= Create();
            if (_new is null || _newEntries.ContainsKey(key)) return; // two posts with the same text share an entry
            _newEntries[key] = (_new.Position, entry.Length);
            _new.Write(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _new?.Dispose(); // stop caching for this build; Save then finds nothing to save
            _new = null;
        }
    }

    private FileStream? Create()
    {
        if (_newPath is not null) return null; // creating failed before
        _newPath = _path + "." + Environment.ProcessId + "." + Environment.CurrentManagedThreadId + ".tmp";
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        return new FileStream(_newPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    private static bool TryReadIndex(SafeFileHandle file, Dictionary<string, (long Offset, int Length)> entries)
    {
        var length = RandomAccess.GetLength(file);
        if (length < TrailerLength) return false;
        Span<byte> trailer = stackalloc byte[TrailerLength];
        if (RandomAccess.Read(file, trailer, length - TrailerLength) != TrailerLength) return false;
        var indexOffset = BitConverter.ToInt64(trailer);
        if (BitConverter.ToUInt32(trailer[sizeof(long)..]) != Magic || indexOffset < 0 || indexOffset > length - TrailerLength) return false;
        var index = new byte[length - TrailerLength - indexOffset];
        if (RandomAccess.Read(file, index, indexOffset) != index.Length) return false;
        var r = new VarIntReader(index);
        var count = Count(ref r, index.Length);
        for (var i = 0; i < count; i++)
        {
            var key = ReadString(ref r);
            int offset = r.ReadInt(), size = r.ReadInt();
            if (size < 0 || (long)offset + size > indexOffset) return false;
            entries[key] = (offset, size);
        }
        return r.AtEnd;
    }

    private static void Encode(VarIntWriter w, DocumentAnalysis a)
    {
        w.Write((int)a.Lengths.Title);
        w.Write((int)a.Lengths.Body);
        w.Write((int)a.Lengths.Comments);
        w.Write(a.PassageStarts.Length);
        foreach (var s in a.PassageStarts) w.Write(s);
        WriteString(w, string.Join(' ', a.CommentIds));
        w.Write(a.Terms.Count);
        foreach (var t in a.Terms)
        {
            WriteString(w, t.Term);
            w.Write(t.TitleFrequency);
            w.Write(t.BodyFrequency);
            w.Write(t.CommentsFrequency);
            w.Write(t.PositionsLength);
            w.WriteBytes(a.PositionBytes(t)); // the analysis's own varint gaps: copied, not re-encoded
        }
    }

    private static DocumentAnalysis Decode(byte[] data)
    {
        var r = new VarIntReader(data);
        var lengths = new FieldLengths(r.ReadInt(), r.ReadInt(), r.ReadInt());
        var starts = new int[Count(ref r, data.Length)];
        for (var i = 0; i < starts.Length; i++) starts[i] = r.ReadInt();
        var ids = ReadString(ref r);
        var terms = new DocTerm[Count(ref r, data.Length)];
        var positions = new VarIntWriter(data.Length);
        for (var i = 0; i < terms.Length; i++)
        {
            var term = ReadString(ref r);
            int title = r.ReadInt(), body = r.ReadInt(), comments = r.ReadInt();
            var bytes = r.ReadBytes(Count(ref r, data.Length));
            if (CountVarInts(bytes) != checked(title + body + comments)) throw new FormatException("positions do not match a cached term's frequencies");
            terms[i] = new DocTerm(-1, term, title, body, comments, positions.Length, bytes.Length);
            positions.WriteBytes(bytes);
        }
        if (!r.AtEnd) throw new FormatException("trailing bytes in a cached analysis");
        return new DocumentAnalysis(terms, positions.ToArray(), lengths, starts, ids.Length == 0 ? [] : ids.Split(' '));
    }

    /// <summary>How many varints <paramref name="bytes"/> holds (each ends with a byte below 0x80), none cut short.</summary>
    private static int CountVarInts(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > 0 && bytes[^1] >= 0x80) throw new FormatException("a cached position is cut short");
        var count = 0;
        foreach (var b in bytes) if (b < 0x80) count++;
        return count;
    }

    /// <summary>
    /// A count read from an entry, checked against the bytes left (every counted item takes at least one), so a
    /// damaged entry is a format error rather than a huge allocation: entries are not compressed or checksummed.
    /// </summary>
    private static int Count(ref VarIntReader r, int length) => Count(r.ReadInt(), r.Offset, length);

    private static int Count(int count, int offset, int length) =>
        count >= 0 && count <= length - offset ? count : throw new FormatException("a count runs past the end of a cached analysis");

    private static void WriteString(VarIntWriter w, string s)
    {
        if (Ascii.IsValid(s))
        {
            // Nearly every term: its UTF-8 is its characters, narrowed in place.
            w.Write(s.Length);
            Ascii.FromUtf16(s, w.Reserve(s.Length), out _);
            return;
        }
        var bytes = Encoding.UTF8.GetBytes(s);
        w.Write(bytes.Length);
        w.WriteBytes(bytes);
    }

    private static string ReadString(ref VarIntReader r) => Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt()));
}
