using System.Text;
using Archivist.Seeds;

namespace Archivist.Tests.Seeds;

public class SeedReaderTests
{
    [Fact]
    public void InvalidUtf8IsReadAsWindows1252AndTheLineIsNamed()
    {
        var bytes = Encoding.UTF8.GetBytes("Thursday, 9 October 2025\n\nTitle\n\nPrice ").Concat(new byte[] { 0xA3, 0x34, 0x30, 0x20, 0x93, 0x71, 0x94 }).ToArray();
        var (source, diagnostics) = SeedReader.Decode("bad.txt", bytes);
        Assert.NotNull(source);
        Assert.Equal("Price £40 “q”", source.Lines[4]);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Equal(5, warning.Line);
        Assert.Contains("invalid UTF-8", warning.Message);
    }

    [Theory]
    [InlineData(4, false)] // one control byte in 25 (4 %): text with some stray bytes
    [InlineData(6, true)]  // one in about 17 (6 %): binary
    public void AFileWithManyControlBytesButNoNulLooksBinary(int percent, bool binary)
    {
        // Lines of 49 characters and a line feed (line ends and tabs are not counted), with 'percent' in 100 bytes a bell.
        var text = new StringBuilder("Thursday, 9 October 2025\n\nTitle\n\n");
        for (var i = 0; i < 4000; i++)
        {
            text.Append(i % 100 < percent ? '\a' : 'x');
            if (i % 50 == 49) text.Append('\n');
            if (i % 7 == 0) text.Append('\t');
        }
        var (source, diagnostics) = SeedReader.Decode("bell.txt", Encoding.UTF8.GetBytes(text.ToString()));
        Assert.Equal(binary, source is null);
        Assert.Equal(binary, diagnostics.Any(d => d.Message.Contains("looks like a binary file")));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Utf16WithAByteOrderMarkIsDecodedWithANote(bool bigEndian)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: true).GetPreamble()
            .Concat(new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes("Thursday, 9 October 2025\r\n\r\nTitle – £40\r\n")).ToArray();
        var (source, diagnostics) = SeedReader.Decode("u16.txt", bytes);
        Assert.NotNull(source);
        Assert.Equal(["Thursday, 9 October 2025", "", "Title – £40"], source.Lines);
        var note = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Info, note.Severity);
        Assert.Contains(bigEndian ? "UTF-16 (big-endian" : "UTF-16 (little-endian", note.Message);
    }

    [Fact]
    public void BrokenUtf16IsRecoveredWithAWarning()
    {
        var (source, diagnostics) = SeedReader.Decode("u16.txt", [0xFF, 0xFE, (byte)'H', 0, (byte)'i', 0, 0x00, 0xD8, (byte)'!']);
        Assert.NotNull(source);
        Assert.Equal("Hi\uFFFD\uFFFD", source.Lines[0]);
        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("invalid UTF-16"));
    }

    [Fact]
    public void BinaryAfterAUtf16ByteOrderMarkIsStillSkipped()
    {
        var (source, diagnostics) = SeedReader.Decode("x.txt", [0xFF, 0xFE, 0, 0, 1, 0, 2, 0, 3, 0]);
        Assert.Null(source);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void BinaryFilesAreSkippedWithAWarning()
    {
        var (source, diagnostics) = SeedReader.Decode("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]);
        Assert.Null(source);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, error.Severity);
        Assert.Equal("image.txt", error.File);
    }

    [Fact]
    public void AnEmptyFileIsAWarningNotACrash()
    {
        var (source, diagnostics) = SeedReader.Decode("empty.txt", []);
        Assert.NotNull(source);
        Assert.Contains(diagnostics, d => d.Message.Contains("empty"));
    }

    [Fact]
    public void AnUnreadableFileIsSkippedWithAWarning()
    {
        var (source, diagnostics) = new SeedReader().Read(Path.Combine(Path.GetTempPath(), "does-not-exist-" + Guid.NewGuid()), "gone.txt");
        Assert.Null(source);
        Assert.Equal(DiagnosticSeverity.Warning, Assert.Single(diagnostics).Severity);
    }

    [Fact]
    public void ListsSeedFilesInOrdinalOrderSkippingHiddenAndOtherTypes()
    {
        var dir = Directory.CreateTempSubdirectory("seeds-").FullName;
        try
        {
            foreach (var name in new[] { "b.txt", "a.md", ".hidden.txt", "notes.docx", "sub/c.txt" })
            {
                Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(dir, name))!);
                File.WriteAllText(Path.Combine(dir, name), "x");
            }
            Assert.Equal(["a.md", "b.txt", "sub/c.txt"], SeedReader.List(dir).Select(f => f.Name));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
