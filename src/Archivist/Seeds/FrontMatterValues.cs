using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Archivist.Seeds;

/// <summary>Reads typed values out of front matter nodes, with messages that say what was expected.</summary>
public static class FrontMatterValues
{
    public static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: not (YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted) } s
        && s.Value is null or "" or "~" or "null" or "Null" or "NULL";

    public static bool TryString(YamlNode node, out string value, out string? error)
    {
        error = null;
        value = "";
        if (node is YamlScalarNode s)
        {
            value = s.Value ?? "";
            return true;
        }
        error = "expected text";
        return false;
    }

    /// <summary>A date as <c>2025-10-09</c> or as a seed date line; null (or empty) means "no date".</summary>
    public static bool TryDate(YamlNode node, out DateOnly? value, out string? error)
    {
        value = null;
        error = null;
        if (IsNull(node)) return true;
        if (node is not YamlScalarNode { Value: { } text })
        {
            error = "expected a date such as 2025-10-09";
            return false;
        }
        text = text.Trim();
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var iso))
        {
            value = iso;
            return true;
        }
        if (DateLineParser.TryParse(text, out var line))
        {
            value = line.Date;
            return true;
        }
        error = $"'{text}' is not a date such as 2025-10-09";
        return false;
    }

    public static bool TryBool(YamlNode node, out bool value, out string? error)
    {
        value = false;
        error = null;
        if (node is YamlScalarNode { Value: { } text })
        {
            switch (text.Trim().ToLowerInvariant())
            {
                case "true" or "yes" or "on":
                    value = true;
                    return true;
                case "false" or "no" or "off":
                    return true;
            }
        }
        error = "expected true or false";
        return false;
    }

    public static bool TryInt(YamlNode node, out int value, out string? error)
    {
        value = 0;
        error = null;
        if (node is YamlScalarNode { Value: { } text } && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value))
            return true;
        error = "expected a whole number";
        return false;
    }
}
