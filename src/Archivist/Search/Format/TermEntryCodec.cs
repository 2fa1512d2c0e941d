namespace Archivist.Search.Format;

/// <summary>
/// Encodes a term's postings into the compact blob stored in a shard, and decodes it. Layout (varints unless
/// noted): flags byte, document frequency, membership (gaps, bitmap or complement gaps: smallest wins), impacts
/// (one byte per member; or, past <see cref="TermEncodingPolicy.TopImpacts"/> members, the top documents' gaps
/// and bytes plus one rest byte), then positions for the documents the budget admits. templates/assets/search/
/// search-core.js decodes the same layout.
/// </summary>
public static class TermEntryCodec
{
    private const byte KindMask = 0b11;
    private const byte HasTopFlag = 1 << 2;
    private const byte AllPositionedFlag = 1 << 3;

    public static byte[] Encode(TermPostings postings, TermEncodingPolicy policy)
    {
        var docs = postings.Docs;
        var df = docs.Length;
        if (df == 0) throw new ArgumentException($"term '{postings.Term}' has no documents", nameof(postings));
        var byImpact = ByImpact(postings.Impacts);
        var positioned = PositionedMembers(postings.Positions, byImpact, policy.PositionBytes);
        var hasTop = df > policy.TopImpacts;

        var w = new VarIntWriter(df * 3 + 16);
        var kind = Membership(docs);
        w.WriteByte((byte)((byte)kind | (hasTop ? HasTopFlag : 0) | (positioned.Length == df ? AllPositionedFlag : 0)));
        w.Write(df);
        WriteMembership(w, kind, docs);

        if (!hasTop) w.WriteBytes(postings.Impacts);
        else
        {
            var top = byImpact[..policy.TopImpacts];
            Array.Sort(top);
            w.Write(top.Length);
            var previous = 0;
            foreach (var i in top)
            {
                w.Write(docs[i] - previous);
                previous = docs[i];
            }
            foreach (var i in top) w.WriteByte(postings.Impacts[i]);
            var rest = 0;
            for (var k = policy.TopImpacts; k < df; k++) rest += postings.Impacts[byImpact[k]];
            w.WriteByte((byte)Math.Max(1, rest / (df - top.Length)));
        }

        if (positioned.Length != df)
        {
            w.Write(positioned.Length);
            var previous = 0;
            foreach (var i in positioned)
            {
                w.Write(docs[i] - previous);
                previous = docs[i];
            }
        }
        foreach (var i in positioned)
        {
            w.Write(postings.Positions.Count(i));
            w.WriteBytes(postings.Positions.Bytes(i)); // already the gaps an entry stores
        }
        return w.ToArray();
    }

    /// <summary>Member indices by impact, highest first, ties by document (the order is part of the format).</summary>
    private static int[] ByImpact(byte[] impacts)
    {
        // A counting sort on the impact byte: linear, and stable, so ties keep document order.
        Span<int> next = stackalloc int[256];
        foreach (var b in impacts) next[byte.MaxValue - b]++;
        var start = 0;
        for (var k = 0; k < next.Length; k++) (next[k], start) = (start, start + next[k]);
        var order = new int[impacts.Length];
        for (var i = 0; i < impacts.Length; i++) order[next[byte.MaxValue - impacts[i]]++] = i;
        return order;
    }

    /// <summary>Members (indices into Docs, ascending) whose positions are stored: by impact, within the byte budget.</summary>
    private static int[] PositionedMembers(PositionLists positions, int[] byImpact, int budget)
    {
        var chosen = new List<int>();
        var bytes = 0;
        foreach (var i in byImpact)
        {
            var cost = VarIntWriter.SizeOf((uint)positions.Count(i)) + 1 + positions.Bytes(i).Length; // + the doc gap if listed
            if (chosen.Count > 0 && bytes + cost > budget) break;
            chosen.Add(i);
            bytes += cost;
        }
        chosen.Sort();
        return [.. chosen];
    }

    /// <summary>The smallest way to list the members: gaps, a bitmap, or the gaps of the non-members.</summary>
    private static MembershipKind Membership(int[] docs)
    {
        var gaps = 0;
        var previous = 0;
        foreach (var d in docs)
        {
            gaps += VarIntWriter.SizeOf((uint)(d - previous));
            previous = d;
        }
        var universe = docs[^1] + 1;
        var bitmap = VarIntWriter.SizeOf((uint)universe) + (universe + 7) / 8;

        // The complement's size, counted only as far as it could still be the smallest.
        var complement = VarIntWriter.SizeOf((uint)universe) + VarIntWriter.SizeOf((uint)(universe - docs.Length));
        var last = 0;
        var next = 0;
        var limit = Math.Min(gaps, bitmap);
        for (var d = 0; d < universe && complement < limit; d++)
        {
            if (next < docs.Length && docs[next] == d) { next++; continue; }
            complement += VarIntWriter.SizeOf((uint)(d - last));
            last = d;
        }

        if (gaps <= bitmap && gaps <= complement) return MembershipKind.Gaps;
        return bitmap <= complement || next < docs.Length ? MembershipKind.Bitmap : MembershipKind.Complement;
    }

    private static void WriteMembership(VarIntWriter w, MembershipKind kind, int[] docs)
    {
        var universe = docs[^1] + 1;
        switch (kind)
        {
            case MembershipKind.Gaps:
                WriteGaps(w, docs);
                break;
            case MembershipKind.Bitmap:
                w.Write(universe);
                var bits = new byte[(universe + 7) / 8];
                foreach (var d in docs) bits[d >> 3] |= (byte)(1 << (d & 7));
                w.WriteBytes(bits);
                break;
            default:
                w.Write(universe);
                w.Write(universe - docs.Length);
                var previous = 0;
                var next = 0;
                for (var d = 0; d < universe; d++)
                {
                    if (next < docs.Length && docs[next] == d) { next++; continue; }
                    w.Write(d - previous);
                    previous = d;
                }
                break;
        }
    }

    /// <summary>Ascending values as gaps: the first as is, then differences.</summary>
    private static void WriteGaps(VarIntWriter w, int[] ascending)
    {
        var previous = 0;
        foreach (var v in ascending)
        {
            w.Write(v - previous);
            previous = v;
        }
    }

    public static TermEntry Decode(ReadOnlySpan<byte> data)
    {
        var r = new VarIntReader(data);
        var flags = r.ReadByte();
        var df = r.ReadInt();
        var docs = ReadMembership(ref r, (MembershipKind)(flags & KindMask), df);

        byte[] impacts;
        if ((flags & HasTopFlag) == 0) impacts = r.ReadBytes(df).ToArray();
        else
        {
            var top = ReadGaps(ref r, r.ReadCount());
            var exact = r.ReadBytes(top.Length).ToArray();
            impacts = new byte[df];
            Array.Fill(impacts, r.ReadByte());
            var j = 0;
            for (var i = 0; i < df && j < top.Length; i++)
                if (docs[i] == top[j]) impacts[i] = exact[j++];
            if (j != top.Length) throw new FormatException("top documents are not members");
        }

        var positionedDocs = (flags & AllPositionedFlag) != 0 ? docs : ReadGaps(ref r, r.ReadCount());
        var positions = new Dictionary<int, int[]>(positionedDocs.Length);
        foreach (var d in positionedDocs) positions[d] = ReadGaps(ref r, r.ReadCount());
        if (!r.AtEnd) throw new FormatException("trailing bytes after a term entry");
        return new TermEntry(docs, impacts, positions);
    }

    private static int[] ReadMembership(ref VarIntReader r, MembershipKind kind, int df)
    {
        switch (kind)
        {
            case MembershipKind.Gaps:
                return ReadGaps(ref r, df);
            case MembershipKind.Bitmap:
            {
                var universe = r.ReadInt();
                var bits = r.ReadBytes((int)((universe + 7L) / 8));
                if (df > universe) throw new FormatException("more members than the bitmap's universe");
                var docs = new int[df];
                var n = 0;
                for (var d = 0; d < universe; d++)
                    if ((bits[d >> 3] & (1 << (d & 7))) != 0) docs[n++] = d;
                return n == df ? docs : throw new FormatException("bitmap does not hold df members");
            }
            case MembershipKind.Complement:
            {
                var universe = r.ReadInt();
                var absent = ReadGaps(ref r, r.ReadCount());
                if (df != universe - absent.Length) throw new FormatException("complement does not leave df members");
                var docs = new int[df];
                var n = 0;
                var a = 0;
                for (var d = 0; d < universe; d++)
                {
                    if (a < absent.Length && absent[a] == d) { a++; continue; }
                    docs[n++] = d;
                }
                return n == df ? docs : throw new FormatException("complement does not leave df members");
            }
            default:
                throw new FormatException($"unknown membership kind {kind}");
        }
    }

    private static int[] ReadGaps(ref VarIntReader r, int count)
    {
        if (count < 0 || count > r.Remaining) throw new FormatException("a count larger than the data left"); // each gap takes a byte at least
        var values = new int[count];
        var previous = 0;
        for (var i = 0; i < count; i++) values[i] = previous += r.ReadInt();
        return values;
    }
}
