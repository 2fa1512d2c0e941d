using System.Text;
using Archivist.Search.Analysis;

namespace Archivist.Search.Querying;

/// <summary>
/// Builds a snippet from a passage's text by analysing it again: the window of <see cref="WindowWords"/> words
/// whose distinct query terms weigh most (weights: <see cref="SearchResults.TermWeights"/>; then the most
/// matches; the earliest on ties), started a few words
/// before its first match, whitespace collapsed, matched words marked. search-ui.js builds the same window.
/// </summary>
public sealed class SnippetBuilder(EnglishAnalyzer analyzer)
{
    public const int WindowWords = 30;
    public const int LeadWords = 4;
    public const string Ellipsis = "…";

    public Snippet Build(string text, IReadOnlyDictionary<string, int> terms)
    {
        var all = analyzer.Analyze(text);
        var words = all.Where(t => !t.Stacked).ToList();
        if (words.Count == 0) return new Snippet("", []);
        // A word is matched by its own term or by a matched compound spanning it. The matched compounds are few,
        // so gather them first: asking every word about every token is quadratic and takes minutes on a huge post.
        var compounds = all.Where(s => s.Stacked && terms.ContainsKey(s.Term)).ToList();
        var matched = words.Select(w => terms.ContainsKey(w.Term)
            || (compounds.Count > 0 && compounds.Exists(s => s.Start <= w.Start && s.End >= w.End))).ToArray();

        var best = 0;
        var bestScore = -1L;
        for (var i = 0; i < words.Count; i++)
        {
            if (!matched[i] && i > 0) continue; // a best window starts at a match (or at the beginning)
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var count = 0L;
            var weight = 0L;
            for (var k = i; k < Math.Min(words.Count, i + WindowWords); k++)
                if (matched[k])
                {
                    if (distinct.Add(words[k].Term)) weight += terms.GetValueOrDefault(words[k].Term, 1);
                    count++;
                }
            var score = weight * 1000 + count;
            if (score > bestScore)
            {
                bestScore = score;
                best = i;
            }
        }
        var start = matched[best] ? Math.Max(0, best - LeadWords) : 0;
        var end = Math.Min(words.Count, start + WindowWords);

        var sb = new StringBuilder();
        var highlights = new List<(int, int)>();
        if (start > 0) sb.Append(Ellipsis);
        for (var k = start; k < end; k++)
        {
            if (k > start) AppendCollapsed(sb, text.AsSpan(words[k - 1].End, words[k].Start - words[k - 1].End));
            if (matched[k]) highlights.Add((sb.Length, words[k].End - words[k].Start));
            sb.Append(text.AsSpan(words[k].Start, words[k].End - words[k].Start));
        }
        if (end < words.Count) sb.Append(Ellipsis);
        return new Snippet(sb.ToString(), highlights);
    }

    /// <summary>Text between two words with each run of spaces made one space (line breaks included).</summary>
    private static void AppendCollapsed(StringBuilder sb, ReadOnlySpan<char> gap)
    {
        var inSpace = false;
        foreach (var c in gap)
        {
            if (QueryParser.IsSpace(c))
            {
                if (!inSpace) sb.Append(' ');
                inSpace = true;
            }
            else
            {
                sb.Append(c);
                inSpace = false;
            }
        }
    }
}
