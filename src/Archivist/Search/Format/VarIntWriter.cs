namespace Archivist.Search.Format;

/// <summary>
/// A growable byte buffer with LEB128 varints (7 bits a byte, low first), the integer encoding of every
/// binary index file: small numbers (doc-id gaps, counts, position gaps) take one byte.
/// </summary>
public sealed class VarIntWriter(int capacity = 256)
{
    private byte[] _buffer = new byte[capacity];

    public int Length { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Length);

    /// <summary>What was written so far, valid until the next write.</summary>
    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, Length);

    public void Write(int value) => Write((uint)value);

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public void Write(uint value)
    {
        // One byte, with room for it: most numbers in an index (gaps, counts, frequencies).
        if (value < 0x80 && Length < _buffer.Length)
        {
            _buffer[Length++] = (byte)value;
            return;
        }
        WriteLong(value);
    }

    private void WriteLong(uint value)
    {
        Ensure(5);
        while (value >= 0x80)
        {
            _buffer[Length++] = (byte)(value | 0x80);
            value >>= 7;
        }
        _buffer[Length++] = (byte)value;
    }

    public void WriteByte(byte value)
    {
        Ensure(1);
        _buffer[Length++] = value;
    }

    /// <summary>Appends <paramref name="count"/> bytes for the caller to fill.</summary>
    public Span<byte> Reserve(int count)
    {
        Ensure(count);
        var span = _buffer.AsSpan(Length, count);
        Length += count;
        return span;
    }

    public void WriteBytes(ReadOnlySpan<byte> bytes)
    {
        Ensure(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(Length));
        Length += bytes.Length;
    }

    public static int SizeOf(uint value) => value < 1u << 7 ? 1 : value < 1u << 14 ? 2 : value < 1u << 21 ? 3 : value < 1u << 28 ? 4 : 5;

    public byte[] ToArray() => Written.ToArray();

    public void Clear() => Length = 0;

    private void Ensure(int more)
    {
        if (Length + more <= _buffer.Length) return;
        Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, Length + more));
    }
}
