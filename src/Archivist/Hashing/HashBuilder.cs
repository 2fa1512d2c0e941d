using System.Buffers;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Archivist.Hashing;

/// <summary>
/// Builds one SHA-256 hash from a sequence of values: every digest the build compares (a page's inputs, a post's
/// page digest, the build's inputs, cache keys) is made with it. Every value is length-prefixed, so ("ab","c") and
/// ("a","bc") differ.
/// </summary>
/// <remarks>
/// Most digests are a few short values, tens of thousands of them a build: their bytes are gathered and hashed in one
/// call at the end, which costs far less than a native incremental hash (a context, and a call per value). Only inputs
/// longer than <see cref="Gathered"/> go through an incremental hash. Either way the digest is the SHA-256 of the same
/// bytes, so digests (and the caches keyed by them) do not change.
/// </remarks>
public sealed class HashBuilder : IDisposable
{
    private const int Gathered = 16 * 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(512);
    private int _length;
    private IncrementalHash? _long;

    public HashBuilder Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is { Length: > 0 }) Append(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    public HashBuilder Add(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        Append(bytes);
        return this;
    }

    public HashBuilder Add(bool value) => Add(value ? 1 : 0);

    public HashBuilder Add(DateOnly? value) => Add(value?.DayNumber ?? -1);

    /// <summary>The digest (the first 128 bits, as 32 hex digits); the builder starts again empty.</summary>
    public string Finish()
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        if (_long is null) SHA256.HashData(_buffer.AsSpan(0, _length), digest);
        else
        {
            _long.AppendData(_buffer, 0, _length);
            _long.GetHashAndReset(digest);
        }
        _length = 0;
        return Convert.ToHexStringLower(digest[..16]);
    }

    public void Dispose()
    {
        _long?.Dispose();
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    public static string Of(params string?[] values)
    {
        using var hasher = new HashBuilder();
        foreach (var v in values) hasher.Add(v);
        return hasher.Finish();
    }

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);

    private void Append(ReadOnlySpan<byte> bytes)
    {
        ObjectDisposedException.ThrowIf(_buffer.Length == 0, this);
        if (_length + bytes.Length > _buffer.Length)
        {
            if (_length + bytes.Length > Gathered)
            {
                // A long input: hash what is gathered so far and go on incrementally.
                _long ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                _long.AppendData(_buffer, 0, _length);
                _length = 0;
                if (bytes.Length > _buffer.Length)
                {
                    _long.AppendData(bytes);
                    return;
                }
            }
            else
            {
                var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_length + bytes.Length, _buffer.Length * 2));
                _buffer.AsSpan(0, _length).CopyTo(larger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
        }
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }
}
