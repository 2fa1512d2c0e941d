using System.Buffers;

namespace Archivist.Search.Analysis;

/// <summary>
/// The Snowball English ("Porter2") stemmer, matching the current english.sbl of Snowball 3.x
/// and its published vocabulary. Input must already be lower-cased, with apostrophes as ASCII '.
/// </summary>
/// <remarks>
/// Stateless and thread-safe: each call works in a stack buffer, and a word that comes out
/// unchanged is returned as the same string instance. templates/assets/search/stemmer.js
/// is the same algorithm for the browser; change both together.
/// </remarks>
public sealed class EnglishStemmer
{
    // Longer words (rare) get a heap buffer instead of stack space.
    private const int StackBufferLength = 64;

    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        return Stem(word, word);
    }

    public string Stem(ReadOnlySpan<char> word) => Stem(word, null);

    private static string Stem(ReadOnlySpan<char> word, string? original)
    {
        if (ExceptionalForm(word) is { } special) return special;
        if (word.Length < 3) return original ?? word.ToString();

        Span<char> buffer = word.Length <= StackBufferLength ? stackalloc char[StackBufferLength] : new char[word.Length];
        // Prelude: drop one leading apostrophe. No step ever makes the word longer than it came in.
        var source = word[0] == '\'' ? word[1..] : word;
        source.CopyTo(buffer);
        var w = new Word(buffer, source.Length);

        w.MarkConsonantYs();
        w.MarkRegions();
        w.Step1a();
        w.Step1b();
        w.Step1c();
        w.Step2();
        w.Step3();
        w.Step4();
        w.Step5();
        w.UnmarkYs();

        var stem = w.Chars;
        return original is not null && stem.SequenceEqual(word) ? original : new string(stem);
    }

    /// <summary>Whole words the rules would get wrong; checked on the raw input, before any step.</summary>
    private static string? ExceptionalForm(ReadOnlySpan<char> word) => word switch
    {
        "skis" => "ski",
        "skies" => "sky",
        "idly" => "idl",
        "gently" => "gentl",
        "ugly" => "ugli",
        "early" => "earli",
        "only" => "onli",
        "singly" => "singl",
        "sky" => "sky",
        "news" => "news",
        "howe" => "howe",
        "atlas" => "atlas",
        "cosmos" => "cosmos",
        "bias" => "bias",
        "andes" => "andes",
        _ => null,
    };

    private static readonly SearchValues<char> Vowels = SearchValues.Create("aeiouy");

    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u' or 'y';

    /// <summary>The word being stemmed: a prefix of a caller-provided buffer plus the R1/R2 marks.</summary>
    private ref struct Word(Span<char> buffer, int length)
    {
        private readonly Span<char> _buffer = buffer;
        private int _length = length;
        private int _p1;
        private int _p2;
        private bool _yMarked;

        public readonly ReadOnlySpan<char> Chars => _buffer[.._length];

        private readonly bool EndsWith(string suffix) => Chars.EndsWith(suffix);

        private readonly bool InR1(int suffixLength) => _length - suffixLength >= _p1;

        private readonly bool InR2(int suffixLength) => _length - suffixLength >= _p2;

        private void Replace(int suffixLength, string replacement)
        {
            var start = _length - suffixLength;
            replacement.CopyTo(_buffer[start..]);
            _length = start + replacement.Length;
        }

        private readonly bool HasVowelBefore(int end) => _buffer[..end].ContainsAny(Vowels);

        /// <summary>
        /// Snowball's "shortv" at <paramref name="end"/>: consonant-vowel-consonant (last one not w, x or Y),
        /// a vowel-consonant word start, or "past" (so pasted/pasting keep their e).
        /// </summary>
        private readonly bool EndsInShortSyllable(int end)
        {
            var c = _buffer;
            if (end >= 3)
                return (!IsVowel(c[end - 1]) && c[end - 1] is not ('w' or 'x' or 'Y') && IsVowel(c[end - 2]) && !IsVowel(c[end - 3]))
                    || (end >= 4 && c[(end - 4)..end] is "past");
            return end == 2 && IsVowel(c[0]) && !IsVowel(c[1]);
        }

        /// <summary>A y that starts the word or follows a vowel acts as a consonant: mark it Y.</summary>
        public void MarkConsonantYs()
        {
            var c = _buffer;
            for (var i = 0; i < _length; i++)
            {
                // Left to right on the updated word, so in "ayy" only the first y is marked.
                if (c[i] == 'y' && (i == 0 || IsVowel(c[i - 1])))
                {
                    c[i] = 'Y';
                    _yMarked = true;
                }
            }
        }

        public readonly void UnmarkYs()
        {
            if (_yMarked) _buffer[.._length].Replace('Y', 'y');
        }

        /// <summary>R1 starts after the first non-vowel that follows a vowel (or after a listed prefix); R2 likewise within R1.</summary>
        public void MarkRegions()
        {
            _p1 = SpecialPrefixLength();
            if (_p1 == 0) _p1 = AfterVowelThenConsonant(0);
            _p2 = AfterVowelThenConsonant(_p1);
        }

        // Stems that would otherwise get too short an R1 (general/generous vs. gener-ate, and so on).
        private readonly int SpecialPrefixLength()
        {
            var c = Chars;
            var prefix = c[0] switch
            {
                'a' => "arsen",
                'c' => "commun",
                'e' => "emerg",
                'g' => "gener",
                'i' => "inter",
                'l' => "later",
                'o' => "organ",
                'p' => "past",
                'u' => "univers",
                _ => null,
            };
            return prefix is not null && c.StartsWith(prefix) ? prefix.Length : 0;
        }

        private readonly int AfterVowelThenConsonant(int from)
        {
            var i = from;
            while (i < _length && !IsVowel(_buffer[i])) i++;
            while (i < _length && IsVowel(_buffer[i])) i++;
            return i < _length ? i + 1 : _length;
        }

        public void Step1a()
        {
            // Possessives first: 's' before 's before '.
            if (EndsWith("'s'")) _length -= 3;
            else if (EndsWith("'s")) _length -= 2;
            else if (EndsWith("'")) _length -= 1;

            if (EndsWith("sses")) _length -= 2;
            else if (EndsWith("ied") || EndsWith("ies")) Replace(3, _length > 4 ? "i" : "ie"); // cries→cri, ties→tie
            else if (EndsWith("ss") || EndsWith("us")) { }
            else if (EndsWith("s") && _length >= 2 && HasVowelBefore(_length - 2)) _length--; // gas, this stay
        }

        public void Step1b()
        {
            int suffix;
            if (EndsWith("eedly") || EndsWith("eed"))
            {
                suffix = EndsWith("eed") ? 3 : 5;
                var stem = _buffer[..(_length - suffix)];
                if (InR1(suffix) && !(stem is "proc" or "exc" or "succ")) Replace(suffix, "ee");
                return;
            }
            if (EndsWith("ingly")) suffix = 5;
            else if (EndsWith("edly")) suffix = 4;
            else if (EndsWith("ing"))
            {
                suffix = 3;
                var stem = _buffer[..(_length - 3)];
                if (stem.Length == 2 && stem[1] == 'y' && !IsVowel(stem[0]))
                {
                    Replace(4, "ie"); // dying→die, lying→lie, tying→tie, vying→vie
                    return;
                }
                if (stem is "inn" or "out" or "cann" or "herr" or "earr" or "even") return;
            }
            else if (EndsWith("ed")) suffix = 2;
            else return;

            if (!HasVowelBefore(_length - suffix)) return;
            _length -= suffix;

            if (EndsWith("at") || EndsWith("bl") || EndsWith("iz"))
            {
                _buffer[_length++] = 'e'; // luxuriat→luxuriate
            }
            else if (_length >= 2 && _buffer[_length - 1] == _buffer[_length - 2] && _buffer[_length - 1] is 'b' or 'd' or 'f' or 'g' or 'm' or 'n' or 'p' or 'r' or 't')
            {
                // hopp→hop, but a three-letter [aeo]+double word (added, egged, ebbing) keeps it.
                if (!(_length == 3 && _buffer[0] is 'a' or 'e' or 'o')) _length--;
            }
            else if (_length == _p1 && EndsInShortSyllable(_length))
            {
                _buffer[_length++] = 'e'; // hop→hope: a short word ending in a short syllable
            }
        }

        public readonly void Step1c()
        {
            // cry→cri, by→by, say→say: y after a consonant that is not the first letter.
            if (_length >= 3 && _buffer[_length - 1] is 'y' or 'Y' && !IsVowel(_buffer[_length - 2]))
                _buffer[_length - 1] = 'i';
        }

        public void Step2()
        {
            if (_length < 3) return;
            // The longest listed suffix decides; if it is not in R1 nothing happens (no fallback to a shorter one).
            var (suffix, replacement) = (_buffer[_length - 1], _buffer[_length - 2]) switch
            {
                ('l', _) when EndsWith("ational") => (7, "ate"),
                ('l', _) when EndsWith("tional") => (6, "tion"),
                ('i', 'c') when EndsWith("enci") => (4, "ence"),
                ('i', 'c') when EndsWith("anci") => (4, "ance"),
                ('i', 'l') when EndsWith("lessli") => (6, "less"),
                ('i', 'l') when EndsWith("entli") => (5, "ent"),
                ('i', 'l') when EndsWith("ousli") => (5, "ous"),
                ('i', 'l') when EndsWith("fulli") => (5, "ful"),
                ('i', 'l') when EndsWith("abli") => (4, "able"),
                ('i', 'l') when EndsWith("alli") => (4, "al"),
                ('i', 'l') when EndsWith("bli") => (3, "ble"),
                ('i', 'l') when _length >= 3 && _buffer[_length - 3] is 'c' or 'd' or 'e' or 'g' or 'h' or 'k' or 'm' or 'n' or 'r' or 't' => (2, ""),
                ('i', 't') when EndsWith("biliti") => (6, "ble"),
                ('i', 't') when EndsWith("aliti") => (5, "al"),
                ('i', 't') when EndsWith("iviti") => (5, "ive"),
                ('i', 'g') when EndsWith("logi") => (3, "og"),
                ('r', _) when EndsWith("izer") => (4, "ize"),
                ('r', _) when EndsWith("ator") => (4, "ate"),
                ('n', _) when EndsWith("ization") => (7, "ize"),
                ('n', _) when EndsWith("ation") => (5, "ate"),
                ('m', _) when EndsWith("alism") => (5, "al"),
                ('s', _) when EndsWith("fulness") => (7, "ful"),
                ('s', _) when EndsWith("ousness") => (7, "ous"),
                ('s', _) when EndsWith("iveness") => (7, "ive"),
                ('t', _) when EndsWith("ogist") => (5, "og"),
                _ => (0, ""),
            };
            if (suffix > 0 && InR1(suffix)) Replace(suffix, replacement);
        }

        public void Step3()
        {
            if (_length < 3) return;
            var (suffix, replacement) = _buffer[_length - 1] switch
            {
                'l' when EndsWith("ational") => (7, "ate"),
                'l' when EndsWith("tional") => (6, "tion"),
                'l' when EndsWith("ical") => (4, "ic"),
                'l' when EndsWith("ful") => (3, ""),
                'e' when EndsWith("icate") => (5, "ic"),
                'e' when EndsWith("alize") => (5, "al"),
                'e' when EndsWith("ative") && InR2(5) => (5, ""),
                'i' when EndsWith("iciti") => (5, "ic"),
                's' when EndsWith("ness") => (4, ""),
                _ => (0, ""),
            };
            if (suffix > 0 && InR1(suffix)) Replace(suffix, replacement);
        }

        public void Step4()
        {
            if (_length < 2) return;
            var suffix = _buffer[_length - 1] switch
            {
                'l' when EndsWith("al") => 2,
                'e' when EndsWith("ance") || EndsWith("ence") || EndsWith("able") || EndsWith("ible") => 4,
                'e' when EndsWith("ate") || EndsWith("ive") || EndsWith("ize") => 3,
                'r' when EndsWith("er") => 2,
                'c' when EndsWith("ic") => 2,
                't' when EndsWith("ement") => 5,
                't' when EndsWith("ment") => 4,
                't' when EndsWith("ent") || EndsWith("ant") => 3,
                'm' when EndsWith("ism") => 3,
                'i' when EndsWith("iti") => 3,
                's' when EndsWith("ous") => 3,
                // -ion goes only after s or t (adoption, not champion).
                'n' when EndsWith("ion") && _length >= 4 && _buffer[_length - 4] is 's' or 't' => 3,
                _ => 0,
            };
            if (suffix > 0 && InR2(suffix)) _length -= suffix;
        }

        public void Step5()
        {
            if (_length == 0) return;
            var last = _length - 1;
            if (_buffer[last] == 'e')
            {
                if (InR2(1) || (InR1(1) && !EndsInShortSyllable(last))) _length--;
            }
            else if (_buffer[last] == 'l')
            {
                if (InR2(1) && last >= 1 && _buffer[last - 1] == 'l') _length--;
            }
        }
    }
}
