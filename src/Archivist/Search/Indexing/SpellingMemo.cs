using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Archivist.Search.Indexing;

/// <summary>
/// Raw token text → term id, for one analyzer thread: an open-addressing table looked up with every word of the
/// archive (tens of millions). A <c>Dictionary&lt;string, int&gt;</c> with a span lookup spent about 100 ns a word
/// on hashing, probing and comparing through string objects. Here a key's bits are read in two overlapping 8-byte
/// loads (its first and last four characters), which for a word of up to 8 characters hold the whole word: the entry
/// keeps them, so a lookup hashes two numbers and compares them in the one slot it touches, with no loop over the
/// characters and no second memory read (an FNV loop and a compare against a character arena cost twice as much).
/// Longer keys keep their characters in one arena. Not thread-safe.
/// </summary>
public sealed class SpellingMemo(int maxEntries)
{
    /// <summary>Keys up to this long are held whole in their entry's two loads.</summary>
    private const int Inline = 8;

    private struct Entry
    {
        public ulong Head;   // the first four characters (a shorter key: all of it, packed)
        public ulong Tail;   // a key of up to Inline characters: its last four; a longer key: where it starts in _chars
        public int Length;   // 0: an empty slot (no key is empty)
        public int Value;
    }

    private Entry[] _slots = new Entry[1 << 12];
    private char[] _chars = new char[1 << 12];
    private int _used;
    private int _count;

    public int Count => _count;

    public bool TryGet(ReadOnlySpan<char> key, out int value)
    {
        var length = key.Length;
        var (head, tail) = Bits(key);
        var mask = _slots.Length - 1;
        for (var i = HashOf(head, tail, length) & mask; ; i = (i + 1) & mask)
        {
            ref var e = ref _slots[i];
            if (e.Length == length && e.Head == head && (length <= Inline ? e.Tail == tail : Same(key, (int)e.Tail)))
            {
                value = e.Value;
                return true;
            }
            if (e.Length == 0) break;
        }
        value = 0;
        return false;
    }

    /// <summary>Remembers <paramref name="key"/> (not already present) unless the memo is full or the key is empty.</summary>
    public void Add(ReadOnlySpan<char> key, int value)
    {
        if (_count >= maxEntries || key.IsEmpty) return;
        if ((_count + 1) * 2 > _slots.Length) Grow();
        var (head, tail) = Bits(key);
        var entry = new Entry { Head = head, Tail = tail, Length = key.Length, Value = value };
        if (key.Length > Inline)
        {
            if (_used + key.Length > _chars.Length) Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + key.Length));
            key.CopyTo(_chars.AsSpan(_used));
            entry.Tail = (ulong)_used;
            _used += key.Length;
        }
        Insert(entry, HashOf(head, tail, key.Length));
        _count++;
    }

    /// <summary>
    /// A key's first and last four UTF-16 code units as two numbers (overlapping when it is shorter than 8); a key of
    /// 2 or 3 its first and last two, packed in <c>Head</c>; one of 1 that character. With the length they name a key
    /// of up to <see cref="Inline"/> characters exactly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Head, ulong Tail) Bits(ReadOnlySpan<char> key)
    {
        ref var first = ref Unsafe.As<char, byte>(ref MemoryMarshal.GetReference(key));
        var length = key.Length;
        if (length >= 4)
            return (Unsafe.ReadUnaligned<ulong>(ref first), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref first, 2 * (length - 4))));
        if (length >= 2)
            return (Unsafe.ReadUnaligned<uint>(ref first) | (ulong)Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref first, 2 * (length - 2))) << 32, 0);
        return (length == 1 ? key[0] : 0ul, 0);
    }

    /// <summary>Multiplicative mixing of the two loads and the length.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int HashOf(ulong head, ulong tail, int length)
    {
        var x = (head * 0x9E3779B97F4A7C15ul) ^ ulong.RotateLeft(tail * 0xC2B2AE3D27D4EB4Ful, 29) ^ (uint)length;
        x ^= x >> 32;
        x *= 0xD6E8FEB86659FD93ul;
        return (int)(x >> 32) & int.MaxValue;
    }

    private bool Same(ReadOnlySpan<char> key, int start) => key.SequenceEqual(_chars.AsSpan(start, key.Length));

    private void Insert(Entry entry, int hash)
    {
        var mask = _slots.Length - 1;
        var i = hash & mask;
        while (_slots[i].Length != 0) i = (i + 1) & mask;
        _slots[i] = entry;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Entry[old.Length * 2];
        foreach (var e in old)
        {
            if (e.Length == 0) continue;
            // A long key's entry holds where it starts, not its tail: the hash reads the tail from the arena again.
            var tail = e.Length <= Inline ? e.Tail : Bits(_chars.AsSpan((int)e.Tail, e.Length)).Tail;
            Insert(e, HashOf(e.Head, tail, e.Length));
        }
    }
}
