using System.Buffers;
using System.Text;

namespace Archivist.Rendering;

/// <summary>
/// Escapes text for HTML element content and quoted attribute values. The set (<c>&amp; &lt; &gt; " ' ` =</c>)
/// is the one the templates have always been escaped with, so pages keep their bytes.
/// </summary>
public static class HtmlText
{
    private static readonly SearchValues<char> Special = SearchValues.Create("&<>\"'`=");

    public static void Escape(ReadOnlySpan<char> text, StringBuilder into)
    {
        while (true)
        {
            var next = text.IndexOfAny(Special);
            if (next < 0)
            {
                into.Append(text);
                return;
            }
            into.Append(text[..next]);
            into.Append(text[next] switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#x27;",
                '`' => "&#x60;",
                _ => "&#x3D;",
            });
            text = text[(next + 1)..];
        }
    }

    public static string Escape(string text)
    {
        if (text.AsSpan().IndexOfAny(Special) < 0) return text;
        var into = new StringBuilder(text.Length + 16);
        Escape(text, into);
        return into.ToString();
    }
}
