using System.Text.RegularExpressions;

namespace Archivist.Corpus;

/// <summary>
/// Words with their frequencies, learnt from real text (the seeds), sampled by frequency so generated
/// text has the real Zipf shape: "the" everywhere, "probation" common, most words rare.
/// </summary>
public sealed partial class Vocabulary
{
    [GeneratedRegex(@"[A-Za-z][a-z]+(?:'[a-z]+)?", RegexOptions.CultureInvariant)]
    private static partial Regex Word();

    private readonly string[] _words;
    private readonly double[] _cumulative;

    private Vocabulary(IReadOnlyList<(string Word, int Count)> counts)
    {
        _words = counts.Select(c => c.Word).ToArray();
        _cumulative = new double[_words.Length];
        double total = 0;
        for (var i = 0; i < counts.Count; i++) _cumulative[i] = total += counts[i].Count;
        for (var i = 0; i < _cumulative.Length; i++) _cumulative[i] /= total;
    }

    public int Count => _words.Length;
    public IReadOnlyList<string> Words => _words;

    public static Vocabulary FromTexts(IEnumerable<string> texts)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var text in texts)
            foreach (Match m in Word().Matches(text))
            {
                var w = m.Value.ToLowerInvariant();
                counts[w] = counts.GetValueOrDefault(w) + 1;
            }
        if (counts.Count == 0) throw new ArgumentException("no words in the vocabulary source");
        return new Vocabulary(counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => (c.Key, c.Value)).ToList());
    }

    /// <summary>Learns from every .txt file in a folder (the project's seeds).</summary>
    public static Vocabulary FromFolder(string directory) =>
        FromTexts(Directory.GetFiles(directory, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText));

    public string Sample(SplitMix64 random)
    {
        var i = Array.BinarySearch(_cumulative, random.NextDouble());
        if (i < 0) i = ~i;
        return _words[Math.Min(i, _words.Length - 1)];
    }

    /// <summary>A word from the rarer half, for titles that read less like "the of and".</summary>
    public string SampleContentWord(SplitMix64 random)
    {
        for (var attempt = 0; ; attempt++)
        {
            var w = Sample(random);
            if (w.Length >= 4 || attempt > 8) return w;
        }
    }
}
