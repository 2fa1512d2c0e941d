using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Archivist.Content;

/// <summary>
/// Writes YAML scalars for the front matter: plain where that is unambiguous, a literal block for
/// multi-line text, double-quoted otherwise. Written by hand because the front matter is tiny in shape
/// but huge in volume (every comment of every post), and a general emitter was the import's bottleneck.
/// Every choice here is checked by reading the output back with YamlDotNet in the tests.
/// </summary>
public static partial class YamlScalarWriter
{
    [GeneratedRegex(@"^(?:[-+]?(?:\d[\d_]*)?\.?\d[\d_.eE+-]*|0x[0-9a-fA-F]+|0o[0-7]+|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|\d{4}-\d\d?-\d\d?.*|y|n|yes|no|on|off|true|false|null|~|<<)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LooksTyped();

    /// <summary>What <see cref="NeedsEscape"/> accepts, as a set for vectorised search.</summary>
    private static readonly SearchValues<char> Escaped = SearchValues.Create(CharsWhere(NeedsEscape));

    /// <summary>What rules a literal block out: an escaped character other than a newline, or a tab.</summary>
    private static readonly SearchValues<char> NotInLiteral = SearchValues.Create(CharsWhere(c => c == '\t' || (c != '\n' && NeedsEscape(c))));

    /// <summary>Appends <paramref name="value"/> as the value of a key whose content starts at <paramref name="indent"/> spaces.</summary>
    public static void Append(StringBuilder sb, string value, int indent)
    {
        if (value.Contains('\n'))
        {
            if (CanBeLiteral(value)) AppendLiteral(sb, value, indent);
            else AppendDoubleQuoted(sb, value);
        }
        else if (CanBePlain(value)) sb.Append(value);
        else if (CanBeSingleQuoted(value)) sb.Append('\'').Append(value.Replace("'", "''")).Append('\'');
        else AppendDoubleQuoted(sb, value);
    }

    public static bool CanBePlain(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ' || value[^1] == ':') return false;
        if ("-?:,[]{}#&*!|>'\"%@`".Contains(value[0])) return false;
        if (value.Contains(": ", StringComparison.Ordinal) || value.Contains(" #", StringComparison.Ordinal) || value.Contains('\t')) return false;
        if (value.AsSpan().ContainsAny(Escaped)) return false;
        return !LooksTyped().IsMatch(value);
    }

    /// <summary>Single quotes need no escapes but doubled quotes; they cannot hold controls or leading/trailing spaces safely.</summary>
    private static bool CanBeSingleQuoted(string value)
    {
        if (value.Length == 0 || value[0] == ' ' || value[^1] == ' ') return false;
        return !value.AsSpan().ContainsAny(Escaped) && !value.Contains('\t');
    }

    /// <summary>Literal blocks keep text as is, but cannot start with a space, carry trailing spaces or end in a newline.</summary>
    private static bool CanBeLiteral(string value)
    {
        if (value[0] is ' ' or '\t' or '\n' || value[^1] == '\n') return false;
        // Vectorised: every comment of every post passes here, and most hold some non-ASCII (curly quotes).
        if (value.AsSpan().ContainsAny(NotInLiteral)) return false;
        return value[^1] != ' ' && !value.Contains(" \n", StringComparison.Ordinal);
    }

    private static void AppendLiteral(StringBuilder sb, string value, int indent)
    {
        sb.Append("|-");
        var start = 0;
        while (start <= value.Length)
        {
            var end = value.IndexOf('\n', start);
            if (end < 0) end = value.Length;
            sb.Append('\n');
            if (end > start) sb.Append(' ', indent).Append(value, start, end - start);
            start = end + 1;
        }
    }

    private static void AppendDoubleQuoted(StringBuilder sb, string value)
    {
        sb.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case '\r': sb.Append("\\r"); break;
                default:
                    if (NeedsEscape(c)) sb.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        sb.Append('"');
    }

    private static string CharsWhere(Func<char, bool> test)
    {
        var chars = new StringBuilder();
        for (var c = 0; c <= char.MaxValue; c++)
            if (test((char)c)) chars.Append((char)c);
        return chars.ToString();
    }

    /// <summary>Characters YAML does not allow unescaped: controls, BOM, line/paragraph separators, lone surrogates.</summary>
    private static bool NeedsEscape(char c) =>
        c < ' ' && c != '\t' || c is '\u007F' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF'
        || (c >= '\u0080' && c <= '\u009F');
}
