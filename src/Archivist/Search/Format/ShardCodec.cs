using System.Text;

namespace Archivist.Search.Format;

/// <summary>
/// A term shard: a run of consecutive terms with their entries. Layout: version byte, term count, then per
/// term the UTF-8 bytes it shares with the previous term, its remaining bytes and its entry's length
/// (front coding: sorted stems share long prefixes), then the entries back to back.
/// </summary>
public static class ShardCodec
{
    public const byte Version = 1;

    public static byte[] Encode(IReadOnlyList<(string Term, byte[] Entry)> terms)
    {
        var w = new VarIntWriter(terms.Sum(t => t.Entry.Length + t.Term.Length + 4) + 8);
        w.WriteByte(Version);
        w.Write(terms.Count);
        var previous = Array.Empty<byte>();
        foreach (var (term, entry) in terms)
        {
            var bytes = Encoding.UTF8.GetBytes(term);
            var shared = ((ReadOnlySpan<byte>)previous).CommonPrefixLength(bytes);
            w.Write(shared);
            w.Write(bytes.Length - shared);
            w.WriteBytes(bytes.AsSpan(shared));
            w.Write(entry.Length);
            previous = bytes;
        }
        foreach (var (_, entry) in terms) w.WriteBytes(entry);
        return w.ToArray();
    }

    /// <summary>The terms of a shard with their entries' bytes, in order.</summary>
    public static IReadOnlyList<(string Term, ReadOnlyMemory<byte> Entry)> Decode(ReadOnlyMemory<byte> shard)
    {
        var r = new VarIntReader(shard.Span);
        if (r.ReadByte() != Version) throw new FormatException("unknown shard version");
        var count = r.ReadCount();
        var heads = new List<(string, int)>(count);
        var previous = Array.Empty<byte>();
        for (var i = 0; i < count; i++)
        {
            var shared = r.ReadInt();
            var suffix = r.ReadBytes(r.ReadInt());
            var bytes = new byte[shared + suffix.Length];
            previous.AsSpan(0, shared).CopyTo(bytes);
            suffix.CopyTo(bytes.AsSpan(shared));
            heads.Add((Encoding.UTF8.GetString(bytes), r.ReadInt()));
            previous = bytes;
        }
        var offset = r.Offset;
        var result = new List<(string, ReadOnlyMemory<byte>)>(count);
        foreach (var (term, length) in heads)
        {
            result.Add((term, shard.Slice(offset, length)));
            offset += length;
        }
        if (offset != shard.Length) throw new FormatException("shard length does not match its table");
        return result;
    }
}
