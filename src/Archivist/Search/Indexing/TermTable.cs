using System.Collections.Concurrent;

namespace Archivist.Search.Indexing;

/// <summary>
/// Every term of one index build, numbered as it is first met: analyzers on all cores share it, so a
/// document's terms arrive at the accumulator as ids (an array index) rather than strings to hash. The
/// numbering depends on thread timing and never reaches the output, which orders terms by their text.
/// Thread-safe; a lookup of a known term takes no lock.
/// </summary>
public sealed class TermTable
{
    private readonly ConcurrentDictionary<string, int> _ids = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private int _count;

    public int IdOf(string term)
    {
        if (_ids.TryGetValue(term, out var id)) return id;
        lock (_gate)
        {
            if (_ids.TryGetValue(term, out id)) return id;
            id = _count++;
            _ids[term] = id;
            return id;
        }
    }
}
