namespace Archivist.Search.Format;

/// <summary>Reads what <see cref="VarIntWriter"/> wrote. A ref struct over the bytes: decoding allocates nothing.</summary>
public ref struct VarIntReader(ReadOnlySpan<byte> bytes)
{
    private readonly ReadOnlySpan<byte> _bytes = bytes;

    public int Offset { get; private set; }

    public readonly bool AtEnd => Offset >= _bytes.Length;

    public readonly int Remaining => _bytes.Length - Offset;

    /// <summary>
    /// A count of things that take at least a byte each: more than the bytes left means damaged data, caught here
    /// before it sizes an array (a damaged count could ask for gigabytes).
    /// </summary>
    public int ReadCount()
    {
        var count = ReadInt();
        return count <= Remaining ? count : throw new FormatException("a count larger than the data left");
    }

    public int ReadInt()
    {
        uint value = 0;
        var shift = 0;
        while (true)
        {
            if (Offset >= _bytes.Length) throw new FormatException("varint runs past the end of the data");
            var b = _bytes[Offset++];
            value |= (uint)(b & 0x7F) << shift;
            if (b < 0x80) return checked((int)value);
            shift += 7;
            if (shift > 28) throw new FormatException("varint longer than 5 bytes");
        }
    }

    public byte ReadByte() => Offset < _bytes.Length ? _bytes[Offset++] : throw new FormatException("data ends early");

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || Offset + count > _bytes.Length) throw new FormatException("data ends early");
        var span = _bytes.Slice(Offset, count);
        Offset += count;
        return span;
    }
}
