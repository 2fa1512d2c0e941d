using YamlDotNet.RepresentationModel;

namespace Archivist.Seeds;

/// <summary>
/// A YAML front matter block at the top of a file (<c>---</c> … <c>---</c>), parsed to a mapping.
/// Line numbers of its nodes are offset so diagnostics point at the file's own lines.
/// </summary>
public sealed record FrontMatterBlock(YamlMappingNode Mapping, int FirstLine, int LinesUsed)
{
    private const int MaxLines = 100_000;

    /// <summary>
    /// Splits front matter off <paramref name="lines"/>. Returns null when there is none; reports a
    /// diagnostic (and returns null) when it is present but is not a valid YAML mapping.
    /// </summary>
    public static FrontMatterBlock? TryRead(string file, IReadOnlyList<string> lines, ICollection<Diagnostic> diagnostics)
    {
        if (lines.Count == 0 || lines[0] != "---") return null;
        var close = -1;
        for (var i = 1; i < lines.Count && i < MaxLines; i++)
        {
            if (lines[i] is "---" or "...")
            {
                close = i;
                break;
            }
        }
        if (close < 0)
        {
            diagnostics.Add(Diagnostic.Warning(file, 1, "front matter starts with '---' but is never closed; read as text"));
            return null;
        }
        var yaml = string.Join('\n', lines.Skip(1).Take(close - 1));
        var ignored = new FrontMatterBlock(new YamlMappingNode(), 2, close + 1);
        YamlStream stream;
        try
        {
            stream = SafeYaml.Load(yaml);
        }
        catch (YamlReadException e)
        {
            // The block is still front matter (it is not shown as text), only its values are lost.
            diagnostics.Add(Diagnostic.Warning(file, e.Line + 1, $"front matter is not valid YAML ({e.Message}); ignored"));
            return ignored;
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
            return ignored;
        if (stream.Documents[0].RootNode is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Warning(file, 2, "front matter is not a list of 'key: value' lines; ignored"));
            return ignored;
        }
        var block = new FrontMatterBlock(mapping, 2, close + 1);
        block.CleanForbidden(file, mapping, diagnostics);
        return block;
    }

    /// <summary>
    /// YAML escapes (<c>"\uFFFE"</c>, <c>"\x01"</c>, <c>"\e"</c>) make characters the seed's lines could not hold, so values
    /// are cleaned as lines are (<see cref="TextNormalizer.CleanValue"/>), each with a warning at its line.
    /// </summary>
    private void CleanForbidden(string file, YamlNode node, ICollection<Diagnostic> diagnostics)
    {
        switch (node)
        {
            case YamlScalarNode { Value: { } value } scalar:
                var found = new List<int>();
                scalar.Value = TextNormalizer.CleanValue(value, found);
                if (found.Count > 0)
                    diagnostics.Add(Diagnostic.Warning(file, LineOf(scalar),
                        $"characters that XML and HTML forbid ({TextNormalizer.Describe(found)}) in a front matter value; removed (controls became spaces)"));
                break;
            case YamlSequenceNode sequence:
                foreach (var item in sequence.Children) CleanForbidden(file, item, diagnostics);
                break;
            case YamlMappingNode mapping:
                foreach (var (key, value) in mapping.Children)
                {
                    CleanForbidden(file, key, diagnostics);
                    CleanForbidden(file, value, diagnostics);
                }
                break;
        }
    }

    /// <summary>1-based file line of a node inside this block.</summary>
    public int LineOf(YamlNode node) => FirstLine + (int)node.Start.Line - 1;

    public IEnumerable<(string Key, YamlNode Value, int Line)> Entries()
    {
        foreach (var (key, value) in Mapping.Children)
            yield return (key is YamlScalarNode s ? s.Value ?? "" : key.ToString(), value, LineOf(key));
    }
}
