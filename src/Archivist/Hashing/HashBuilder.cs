using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Archivist.Hashing;

/// <summary>
/// Builds one SHA-256 hash from a sequence of values: every digest the build compares (a page's inputs, a post's
/// page digest, the build's inputs, cache keys) is made with it. Every value is length-prefixed, so ("ab","c") and
/// ("a","bc") differ.
/// </summary>
public sealed class HashBuilder : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public HashBuilder Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is { Length: > 0 }) _hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    public HashBuilder Add(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.AppendData(bytes);
        return this;
    }

    public HashBuilder Add(bool value) => Add(value ? 1 : 0);

    public HashBuilder Add(DateOnly? value) => Add(value?.DayNumber ?? -1);

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..32];

    public void Dispose() => _hash.Dispose();

    public static string Of(params string?[] values)
    {
        using var hasher = new HashBuilder();
        foreach (var v in values) hasher.Add(v);
        return hasher.Finish();
    }

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}
