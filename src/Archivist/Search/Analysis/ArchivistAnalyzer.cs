using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Util;

namespace Archivist.Search.Analysis;

/// <summary>
/// The analysis chain as a Lucene analyzer: <see cref="WordTokenizer"/> → <see cref="FoldingFilter"/> (lower case,
/// diacritics) → Lucene's <see cref="EnglishPossessiveFilter"/> → Lucene's <see cref="LengthFilter"/> (tokens over
/// <see cref="MaxTermLength"/> characters dropped, their positions kept) → <see cref="StemFilter"/> (Snowball English).
/// No stop words: phrases need them, and BM25's idf already makes "the" cheap. templates/assets/search/analyzer.js is
/// the same chain for the browser; a test holds the two token streams equal.
/// </summary>
/// <remarks>
/// Lucene's possessive and length filters give exactly the project's tokens once folding has made apostrophes ASCII,
/// so they are used as they are. Lucene's own tokenizer, folding and Snowball stemmer are not (see each class).
/// Indexing does not stream every word through this chain: it memoises raw token → term
/// (<see cref="EnglishAnalyzer"/>), which runs a word through the same filters once per spelling.
/// </remarks>
public sealed class ArchivistAnalyzer : Analyzer
{
    public const int MaxTermLength = 40;

    /// <summary>The Lucene version whose behaviour the chain's Lucene filters follow.</summary>
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var tokenizer = new WordTokenizer(reader);
        return new TokenStreamComponents(tokenizer, new StemFilter(Normalizing(tokenizer)));
    }

    /// <summary>The filters before stemming: what prefix and typo matching start from.</summary>
    internal static TokenStream Normalizing(TokenStream source) =>
        new LengthFilter(Version, new EnglishPossessiveFilter(Version, new FoldingFilter(source)), 1, MaxTermLength);

    /// <summary>
    /// The token stream of <paramref name="text"/> as the project reads it: term, source span, position (from 0)
    /// and whether it is stacked (a position increment of 0).
    /// </summary>
    public List<AnalyzedToken> Tokens(string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), offset.StartOffset, offset.EndOffset, position, increment.PositionIncrement == 0));
        }
        stream.End();
        return tokens;
    }
}

/// <summary>
/// The chain's filters over one word at a time (a token stream of that word alone), for the memoised paths: indexing
/// and query analysis look a word up by its raw text and run the filters only on a spelling they have not met.
/// Not thread-safe: one per thread.
/// </summary>
public sealed class WordFilters
{
    private readonly OneWord _word = new();
    private readonly TokenStream _normalizing;
    private readonly ICharTermAttribute _term;

    public WordFilters()
    {
        _normalizing = ArchivistAnalyzer.Normalizing(_word);
        _term = _normalizing.GetAttribute<ICharTermAttribute>();
    }

    /// <summary>A word folded and filtered but not stemmed, or null when a filter drops it.</summary>
    public string? Normalized(ReadOnlySpan<char> word)
    {
        _word.Set(word);
        _normalizing.Reset();
        return _normalizing.IncrementToken() ? _term.ToString() : null;
    }

    /// <summary>A token stream holding one word, set before each use.</summary>
    private sealed class OneWord : TokenStream
    {
        private readonly ICharTermAttribute _term;
        private readonly IPositionIncrementAttribute _increment;
        private char[] _word = new char[64];
        private int _length;
        private bool _done;

        public OneWord()
        {
            _term = AddAttribute<ICharTermAttribute>();
            _increment = AddAttribute<IPositionIncrementAttribute>();
        }

        public void Set(ReadOnlySpan<char> word)
        {
            if (_word.Length < word.Length) _word = new char[Math.Max(word.Length, _word.Length * 2)];
            word.CopyTo(_word);
            _length = word.Length;
        }

        public override void Reset()
        {
            base.Reset();
            _done = false;
        }

        public override bool IncrementToken()
        {
            if (_done) return false;
            _done = true;
            ClearAttributes();
            _term.CopyBuffer(_word, 0, _length);
            _increment.PositionIncrement = 1;
            return true;
        }
    }
}
