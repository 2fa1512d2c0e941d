using System.Text.Json.Serialization;

namespace Archivist.Search.Format;

/// <summary>
/// Compile-time JSON contracts for the index files: a rebuild that adds one post otherwise spends a good share of
/// its time building serializers by reflection and compiling them, every run (ReadyToRun cannot cover that code).
/// </summary>
[JsonSerializable(typeof(IndexEntryFile))]
[JsonSerializable(typeof(ShardTable))]
[JsonSerializable(typeof(DictionaryPage))]
[JsonSerializable(typeof(DocumentMeta))]
[JsonSerializable(typeof(DocumentMeta[]))]
[JsonSerializable(typeof(List<DocumentMeta>))]
[JsonSerializable(typeof(DocumentFragment))]
internal sealed partial class IndexJsonContext : JsonSerializerContext;
