using System.Globalization;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace Archivist.Hashing;

/// <summary>
/// Hashes the inputs a generated file depends on. Every value is length-prefixed, so ("ab","c") and
/// ("a","bc") differ. Used to decide whether a page must be rendered again.
/// </summary>
public sealed class InputHasher : IDisposable
{
    private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public InputHasher Add(string? value)
    {
        Add(value is null ? -1 : value.Length);
        if (value is { Length: > 0 }) _hash.AppendData(MemoryMarshal.AsBytes(value.AsSpan()));
        return this;
    }

    public InputHasher Add(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BitConverter.TryWriteBytes(bytes, value);
        _hash.AppendData(bytes);
        return this;
    }

    public InputHasher Add(bool value) => Add(value ? 1 : 0);

    public InputHasher Add(DateOnly? value) => Add(value?.DayNumber ?? -1);

    public string Finish() => Convert.ToHexStringLower(_hash.GetHashAndReset())[..32];

    public void Dispose() => _hash.Dispose();

    public static string Of(params string?[] values)
    {
        using var hasher = new InputHasher();
        foreach (var v in values) hasher.Add(v);
        return hasher.Finish();
    }

    public static string Of(int value) => value.ToString(CultureInfo.InvariantCulture);
}
