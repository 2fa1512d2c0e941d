using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Archivist.Output;

/// <summary>
/// Writes text to a stream as UTF-8 through one small buffer, optionally hashing what it writes. The build's
/// bookkeeping files have a line per output file (2–3 MB at 25,000 files): built whole as a string and then as bytes,
/// each was two large-object allocations, and on this build's heap those set off a full, blocking collection
/// (20–40 ms) inside the commit. A buffer under the large-object threshold allocates nothing that lasts.
/// </summary>
internal sealed class Utf8LineWriter : IDisposable
{
    private const int BufferSize = 32 * 1024;
    private readonly Stream _stream;
    private readonly IncrementalHash? _hash;
    private readonly byte[] _buffer = new byte[BufferSize];
    private int _used;

    /// <param name="hashed">Keep a SHA-256 of every byte written (<see cref="HashHex"/>).</param>
    public Utf8LineWriter(Stream stream, bool hashed = false)
    {
        _stream = stream;
        if (hashed) _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    }

    public Utf8LineWriter Append(ReadOnlySpan<char> text)
    {
        if (Encoding.UTF8.GetMaxByteCount(text.Length) > BufferSize - _used)
        {
            Flush();
            if (Encoding.UTF8.GetMaxByteCount(text.Length) > BufferSize)
            {
                // Longer than the buffer (no line of the tool's is): through a temporary array.
                Write(Encoding.UTF8.GetBytes(text.ToArray()));
                return this;
            }
        }
        _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
        return this;
    }

    /// <summary>An ASCII character (a tab, a newline).</summary>
    public Utf8LineWriter Append(char ascii)
    {
        if (_used == BufferSize) Flush();
        _buffer[_used++] = (byte)ascii;
        return this;
    }

    public Utf8LineWriter Append(long number)
    {
        if (BufferSize - _used < 20) Flush();
        number.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
        return this;
    }

    /// <summary>Hands the buffered bytes to the stream (not to the disk: flush the stream for that).</summary>
    public void Flush()
    {
        Write(_buffer.AsSpan(0, _used));
        _used = 0;
    }

    /// <summary>The SHA-256 (lower-case hex) of everything written; call after <see cref="Flush"/>.</summary>
    public string HashHex() => Convert.ToHexStringLower(_hash!.GetHashAndReset());

    private void Write(ReadOnlySpan<byte> bytes)
    {
        _hash?.AppendData(bytes);
        _stream.Write(bytes);
    }

    public void Dispose() => _hash?.Dispose();
}
