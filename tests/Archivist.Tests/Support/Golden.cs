namespace Archivist.Tests.Support;

/// <summary>
/// Golden-file assertions: compare output with a file kept in the source tree. With
/// ARCHIVIST_UPDATE_GOLDEN=1 the file is (re)written instead, to be reviewed in the diff.
/// </summary>
public static class Golden
{
    public static bool Updating => Environment.GetEnvironmentVariable("ARCHIVIST_UPDATE_GOLDEN") == "1";

    public static void AssertMatches(string path, string actual)
    {
        if (Updating)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"missing golden file {path}; run with ARCHIVIST_UPDATE_GOLDEN=1 to create it, then review it");
        var expected = File.ReadAllText(path).Replace("\r\n", "\n");
        if (expected == actual) return;
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var i = 0;
        while (i < expectedLines.Length && i < actualLines.Length && expectedLines[i] == actualLines[i]) i++;
        Assert.Fail($"{Path.GetFileName(path)} differs at line {i + 1}:\n" +
                    $"  expected: {(i < expectedLines.Length ? expectedLines[i] : "<end of file>")}\n" +
                    $"  actual:   {(i < actualLines.Length ? actualLines[i] : "<end of file>")}\n" +
                    "If the change is intended, run the tests with ARCHIVIST_UPDATE_GOLDEN=1 and review the diff.");
    }
}
