using System.Runtime.CompilerServices;

namespace Archivist.Search.Analysis;

/// <summary>
/// Splits text into word tokens. A word is a run of letters and digits that may hold an apostrophe
/// between letters (<c>Napo's</c>, <c>don’t</c>) or a '.' or ',' between digits (<c>5.5</c>, <c>40,000</c>).
/// Words joined by hyphens or slashes (<c>re-professionalise</c>, <c>HMPPS/MoJ</c>) give one token per part
/// at consecutive positions, so phrases match across the join; a hyphenated word also gives its joined
/// form, stacked at the first part's position, so "reprofessionalise" finds "re-professionalise".
/// </summary>
/// <remarks>
/// templates/assets/search/analyzer.js implements the same rules; change both together. The tokens come from
/// a struct enumerator (<c>foreach</c> over <see cref="Tokenize"/>): indexing runs it over every word of the
/// archive, where an iterator's interface calls per token were a tenth of the analysis time.
/// </remarks>
public static class Tokenizer
{
    public static TokenStream Tokenize(ReadOnlySpan<char> text) => new(text);

    /// <summary>The tokens of one text, in order; a plain word costs no allocation.</summary>
    public ref struct TokenStream(ReadOnlySpan<char> text)
    {
        private readonly ReadOnlySpan<char> _text = text;
        private int _i;
        private int _position = -1;
        // A compound's parts (and its stacked joined form) waiting to be handed out; null until one is met.
        private List<RawToken>? _pending;
        private int _next;

        public RawToken Current { get; private set; }

        public readonly TokenStream GetEnumerator() => this;

        public bool MoveNext()
        {
            if (_pending is not null && _next < _pending.Count)
            {
                Current = _pending[_next++];
                return true;
            }
            var i = _i;
            while (i < _text.Length && !CharClass.IsWordStart(_text[i])) i++; // (the fast path: ASCII inline)
            if (i >= _text.Length)
            {
                _i = i;
                return false;
            }
            var start = i;
            i = EndOfWord(_text, i);
            if (!StartsAnotherPart(_text, i))
            {
                _i = i;
                Current = new RawToken(start, i, ++_position, Stacked: false);
                return true;
            }
            _i = Compound(start, i);
            Current = _pending![0];
            _next = 1;
            return true;
        }

        /// <summary>Reads the rest of a compound whose first part is [start, end); returns where it ends.</summary>
        private int Compound(int start, int end)
        {
            (_pending ??= []).Clear();
            var first = _position + 1;
            var hyphensOnly = true;
            var i = end;
            _pending.Add(new RawToken(start, end, ++_position, Stacked: false));
            while (StartsAnotherPart(_text, i))
            {
                hyphensOnly &= CharClass.IsHyphen(_text[i]);
                var partStart = i + 1;
                i = EndOfWord(_text, partStart);
                _pending.Add(new RawToken(partStart, i, ++_position, Stacked: false));
            }
            if (hyphensOnly) _pending.Insert(1, new RawToken(start, i, first, Stacked: true));
            return i;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool StartsAnotherPart(ReadOnlySpan<char> text, int i) =>
        i + 1 < text.Length && CharClass.IsCompoundJoiner(text[i]) && CharClass.IsWordStart(text[i + 1]);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int EndOfWord(ReadOnlySpan<char> text, int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClass.IsWordPart(c)) i++;
            else if (CharClass.MayJoinInsideWord(c) && i > start && i + 1 < text.Length && JoinsInsideWord(text[i - 1], c, text[i + 1])) i++;
            else break;
        }
        return i;
    }

    private static bool JoinsInsideWord(char before, char c, char after) =>
        (CharClass.IsApostrophe(c) && char.IsLetter(before) && char.IsLetter(after))
        || (c is '.' or ',' && char.IsAsciiDigit(before) && char.IsAsciiDigit(after));
}
