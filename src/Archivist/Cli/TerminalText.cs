using System.Globalization;
using System.Text;

namespace Archivist.Cli;

/// <summary>
/// Text as the terminal should see it: control characters shown escaped, never obeyed. Messages quote seed
/// values (a slug, a title, a front matter key), and <c>\e]0;…\a</c> in one would retitle the terminal,
/// <c>\e[2J</c> clear it, a line feed forge another message. Each line the CLI prints passes through here.
/// </summary>
public static class TerminalText
{
    /// <summary>Shows C0 and C1 controls and DEL as <c>\e</c>, <c>\a</c>, <c>\n</c>… or <c>\u009B</c>; tabs stay.</summary>
    public static string Escape(string text)
    {
        if (!text.AsSpan().ContainsAnyInRange('\0', '\u001f') && !text.AsSpan().ContainsAnyInRange('\u007f', '\u009f')) return text;
        var sb = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (c == '\t' || !char.IsControl(c))
            {
                sb.Append(c);
                continue;
            }
            sb.Append(c switch
            {
                '\u001b' => @"\e",
                '\a' => @"\a",
                '\b' => @"\b",
                '\f' => @"\f",
                '\n' => @"\n",
                '\r' => @"\r",
                '\v' => @"\v",
                '\0' => @"\0",
                _ => @"\u" + ((int)c).ToString("X4", CultureInfo.InvariantCulture),
            });
        }
        return sb.ToString();
    }
}
