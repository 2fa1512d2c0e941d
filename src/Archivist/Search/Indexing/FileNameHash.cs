using System.Security.Cryptography;
using Archivist.Search.Format;

namespace Archivist.Search.Indexing;

/// <summary>Short content hashes for file names: an unchanged file keeps its name, a changed one gets a new one.</summary>
public static class FileNameHash
{
    public static string Of(ReadOnlySpan<byte> content) =>
        Convert.ToHexStringLower(SHA256.HashData(content))[..IndexFiles.HashLength];
}
