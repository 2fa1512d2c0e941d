using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Archivist.Search.Indexing;

/// <summary>
/// Raw token text → term id, for one analyzer thread: an open-addressing table whose keys live in one char
/// arena. Indexing looks up every word of the archive here (tens of millions), and a
/// <c>Dictionary&lt;string, int&gt;</c> with a span lookup spent about 100 ns a word on hashing, probing
/// and comparing through string objects; this spends a few, and keeps no string per spelling.
/// Not thread-safe.
/// </summary>
public sealed class SpellingMemo(int maxEntries)
{
    private struct Entry
    {
        public int Hash; // 0: empty slot
        public int Start;
        public int Length;
        public int Value;
    }

    private Entry[] _slots = new Entry[1 << 12];
    private char[] _chars = new char[1 << 14];
    private int _used;
    private int _count;

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<char> key, out int value)
    {
        var hash = HashOf(key);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref _slots[i];
            if (e.Hash == 0) break;
            if (e.Hash == hash && e.Length == key.Length && Same(key, e.Start))
            {
                value = e.Value;
                return true;
            }
        }
        value = 0;
        return false;
    }

    /// <summary>Whether the arena holds <paramref name="key"/> at <paramref name="start"/>: a plain loop for words (a call to the
    /// vectorised comparison cost more than comparing a word's few characters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Same(ReadOnlySpan<char> key, int start)
    {
        if (key.Length > 16) return key.SequenceEqual(_chars.AsSpan(start, key.Length));
        var stored = _chars.AsSpan(start, key.Length);
        for (var i = 0; i < key.Length; i++)
            if (key[i] != stored[i]) return false;
        return true;
    }

    /// <summary>Remembers <paramref name="key"/> (not already present) unless the memo is full.</summary>
    public void Add(ReadOnlySpan<char> key, int value)
    {
        if (_count >= maxEntries) return;
        if ((_count + 1) * 2 > _slots.Length) Grow();
        if (_used + key.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + key.Length));
        key.CopyTo(_chars.AsSpan(_used));
        Insert(new Entry { Hash = HashOf(key), Start = _used, Length = key.Length, Value = value });
        _used += key.Length;
        _count++;
    }

    private void Insert(Entry entry)
    {
        var mask = _slots.Length - 1;
        var i = entry.Hash & mask;
        while (_slots[i].Hash != 0) i = (i + 1) & mask;
        _slots[i] = entry;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        foreach (var e in old)
            if (e.Hash != 0) Insert(e);
    }

    /// <summary>FNV-1a over the UTF-16 code units, two at a time, with a final mix; never 0 (the empty mark).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(ReadOnlySpan<char> key)
    {
        var h = 2166136261u;
        var pairs = MemoryMarshal.Cast<char, uint>(key);
        foreach (var p in pairs) h = (h ^ p) * 16777619u;
        if ((key.Length & 1) != 0) h = (h ^ key[^1]) * 16777619u;
        h ^= h >> 15;
        h *= 0x2C1B3C6Du;
        h ^= h >> 12;
        var hash = (int)(h & int.MaxValue);
        return hash == 0 ? 1 : hash;
    }
}
