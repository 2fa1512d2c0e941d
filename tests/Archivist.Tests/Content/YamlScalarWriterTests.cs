using System.Text;
using Archivist.Content;
using YamlDotNet.RepresentationModel;

namespace Archivist.Tests.Content;

/// <summary>Whatever style the writer picks, YamlDotNet must read back the identical string.</summary>
public class YamlScalarWriterTests
{
    [Theory]
    [InlineData("plain text")]
    [InlineData("")]
    [InlineData(" leading space")]
    [InlineData("trailing space ")]
    [InlineData("true")]
    [InlineData("null")]
    [InlineData("~")]
    [InlineData("2025-10-09")]
    [InlineData("1e3")]
    [InlineData("0x1F")]
    [InlineData(".inf")]
    [InlineData("- dash")]
    [InlineData("key: value")]
    [InlineData("ends with colon:")]
    [InlineData("has # hash")]
    [InlineData("'quoted'")]
    [InlineData("\"double\"")]
    [InlineData("line one\nline two")]
    [InlineData("line one\n\nline three")]
    [InlineData("  indented first line\nsecond")]
    [InlineData("trailing newline\n")]
    [InlineData("trailing spaces  \nnext")]
    [InlineData("tab\tinside")]
    [InlineData("control \u0007 bell")]
    [InlineData("bom \uFEFF inside")]
    [InlineData("line\u2028separator")]
    [InlineData("curly “quotes” £40 … ‘x’")]
    [InlineData("back\\slash")]
    [InlineData("@at [bracket] {brace} *star* &amp !bang %pct |pipe >gt `tick`")]
    public void ReadsBackIdentically(string value) => Assert.Equal(value, RoundTrip(value));

    [Fact]
    public void RandomStringsReadBackIdentically()
    {
        var random = new Random(1234);
        const string alphabet = "ab \n\t:#-'\"\\|>{}[]&*!%@`,?~\u00A0\u2028“”£…0123456789.";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var j = 0; j < chars.Length; j++) chars[j] = alphabet[random.Next(alphabet.Length)];
            var value = new string(chars);
            Assert.Equal(value, RoundTrip(value));
        }
    }

    private static string RoundTrip(string value)
    {
        var sb = new StringBuilder("outer:\n  key: ");
        YamlScalarWriter.Append(sb, value, 4);
        sb.Append("\n  after: x\n");
        var stream = new YamlStream();
        stream.Load(new StringReader(sb.ToString()));
        var outer = (YamlMappingNode)((YamlMappingNode)stream.Documents[0].RootNode)["outer"];
        Assert.Equal("x", ((YamlScalarNode)outer["after"]).Value);
        return ((YamlScalarNode)outer["key"]).Value ?? "";
    }
}
