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
        var byImpact = Enumerable.Range(0, df).OrderByDescending(i => postings.Impacts[i]).ThenBy(i => docs[i]).ToArray();
        var positioned = PositionedMembers(postings, byImpact, policy.PositionBytes);
        var hasTop = df > policy.TopImpacts;

        var (kind, membership) = Membership(docs);
        var w = new VarIntWriter(df * 3 + 16);
        w.WriteByte((byte)((byte)kind | (hasTop ? HasTopFlag : 0) | (positioned.Length == df ? AllPositionedFlag : 0)));
        w.Write(df);
        w.WriteBytes(membership);

        if (!hasTop) w.WriteBytes(postings.Impacts);
        else
        {
            var top = byImpact.Take(policy.TopImpacts).Order().ToArray();
            w.Write(top.Length);
            WriteGaps(w, top.Select(i => docs[i]));
            foreach (var i in top) w.WriteByte(postings.Impacts[i]);
            var rest = byImpact.Skip(policy.TopImpacts).Select(i => (int)postings.Impacts[i]);
            w.WriteByte((byte)Math.Max(1, rest.Sum() / (df - top.Length)));
        }

        if (positioned.Length != df)
        {
            w.Write(positioned.Length);
            WriteGaps(w, positioned.Select(i => docs[i]));
        }
        foreach (var i in positioned)
        {
            w.Write(postings.Positions[i].Length);
            WriteGaps(w, postings.Positions[i]);
        }
        return w.ToArray();
    }

    /// <summary>Members (indices into Docs, ascending) whose positions are stored: by impact, within the byte budget.</summary>
    private static int[] PositionedMembers(TermPostings postings, int[] byImpact, int budget)
    {
        var chosen = new List<int>();
        var bytes = 0;
        foreach (var i in byImpact)
        {
            var cost = PositionCost(postings.Positions[i]);
            if (chosen.Count > 0 && bytes + cost > budget) break;
            chosen.Add(i);
            bytes += cost;
        }
        chosen.Sort();
        return [.. chosen];
    }

    private static int PositionCost(int[] positions)
    {
        var cost = VarIntWriter.SizeOf((uint)positions.Length) + 1; // + the doc gap if listed
        var previous = 0;
        foreach (var p in positions)
        {
            cost += VarIntWriter.SizeOf((uint)(p - previous));
            previous = p;
        }
        return cost;
    }

    private static (MembershipKind, byte[]) Membership(int[] docs)
    {
        var gaps = new VarIntWriter(docs.Length * 2);
        WriteGaps(gaps, docs);
        var universe = docs[^1] + 1;
        var bitmapSize = VarIntWriter.SizeOf((uint)universe) + (universe + 7) / 8;

        var complement = new VarIntWriter(16);
        complement.Write(universe);
        complement.Write(universe - docs.Length);
        var previous = 0;
        var next = 0;
        for (var d = 0; d < universe && complement.Length < Math.Min(gaps.Length, bitmapSize); d++)
        {
            if (next < docs.Length && docs[next] == d) { next++; continue; }
            complement.Write(d - previous);
            previous = d;
        }

        if (gaps.Length <= bitmapSize && gaps.Length <= complement.Length) return (MembershipKind.Gaps, gaps.ToArray());
        if (bitmapSize <= complement.Length || next < docs.Length)
        {
            var bitmap = new VarIntWriter(bitmapSize);
            bitmap.Write(universe);
            var bits = new byte[(universe + 7) / 8];
            foreach (var d in docs) bits[d >> 3] |= (byte)(1 << (d & 7));
            bitmap.WriteBytes(bits);
            return (MembershipKind.Bitmap, bitmap.ToArray());
        }
        return (MembershipKind.Complement, complement.ToArray());
    }

    /// <summary>Ascending values as gaps: the first as is, then differences.</summary>
    private static void WriteGaps(VarIntWriter w, IEnumerable<int> ascending)
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
            var top = ReadGaps(ref r, r.ReadInt());
            var exact = r.ReadBytes(top.Length).ToArray();
            impacts = new byte[df];
            Array.Fill(impacts, r.ReadByte());
            var j = 0;
            for (var i = 0; i < df && j < top.Length; i++)
                if (docs[i] == top[j]) impacts[i] = exact[j++];
            if (j != top.Length) throw new FormatException("top documents are not members");
        }

        var positionedDocs = (flags & AllPositionedFlag) != 0 ? docs : ReadGaps(ref r, r.ReadInt());
        var positions = new Dictionary<int, int[]>(positionedDocs.Length);
        foreach (var d in positionedDocs) positions[d] = ReadGaps(ref r, r.ReadInt());
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
                var bits = r.ReadBytes((universe + 7) / 8);
                var docs = new int[df];
                var n = 0;
                for (var d = 0; d < universe; d++)
                    if ((bits[d >> 3] & (1 << (d & 7))) != 0) docs[n++] = d;
                return n == df ? docs : throw new FormatException("bitmap does not hold df members");
            }
            case MembershipKind.Complement:
            {
                var universe = r.ReadInt();
                var absent = ReadGaps(ref r, r.ReadInt());
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
        var values = new int[count];
        var previous = 0;
        for (var i = 0; i < count; i++) values[i] = previous += r.ReadInt();
        return values;
    }
}
