namespace Archivist.Search.Analysis;

/// <summary>
/// Splits text into word tokens. A word is a run of letters and digits that may hold an apostrophe
/// between letters (<c>Napo's</c>, <c>don’t</c>) or a '.' or ',' between digits (<c>5.5</c>, <c>40,000</c>).
/// Words joined by hyphens or slashes (<c>re-professionalise</c>, <c>HMPPS/MoJ</c>) give one token per part
/// at consecutive positions, so phrases match across the join; a hyphenated word also gives its joined
/// form, stacked at the first part's position, so "reprofessionalise" finds "re-professionalise".
/// </summary>
/// <remarks>templates/assets/search/analyzer.js implements the same rules; change both together.</remarks>
public static class Tokenizer
{
    public static IEnumerable<RawToken> Tokenize(string text)
    {
        var position = -1;
        var i = 0;
        var parts = new List<(int Start, int End)>();
        while (i < text.Length)
        {
            if (!CharClass.IsWordStart(text[i]))
            {
                i++;
                continue;
            }
            parts.Clear();
            var hyphensOnly = true;
            while (true)
            {
                var start = i;
                i = EndOfWord(text, i);
                parts.Add((start, i));
                if (i + 1 < text.Length && CharClass.IsCompoundJoiner(text[i]) && CharClass.IsWordStart(text[i + 1]))
                {
                    hyphensOnly &= CharClass.IsHyphen(text[i]);
                    i++;
                    continue;
                }
                break;
            }
            var first = position + 1;
            for (var p = 0; p < parts.Count; p++)
            {
                yield return new RawToken(parts[p].Start, parts[p].End, ++position, Stacked: false);
                if (p == 0 && parts.Count > 1 && hyphensOnly)
                    yield return new RawToken(parts[0].Start, parts[^1].End, first, Stacked: true);
            }
        }
    }

    private static int EndOfWord(string text, int i)
    {
        var start = i;
        while (i < text.Length)
        {
            var c = text[i];
            if (CharClass.IsWordPart(c)) i++;
            else if (i > start && i + 1 < text.Length && JoinsInsideWord(text[i - 1], c, text[i + 1])) i++;
            else break;
        }
        return i;
    }

    private static bool JoinsInsideWord(char before, char c, char after) =>
        (CharClass.IsApostrophe(c) && char.IsLetter(before) && char.IsLetter(after))
        || (c is '.' or ',' && char.IsAsciiDigit(before) && char.IsAsciiDigit(after));
}
