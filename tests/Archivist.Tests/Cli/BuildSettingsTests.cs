using Archivist.Cli;

namespace Archivist.Tests.Cli;

public class BuildSettingsTests
{
    [Fact]
    public void TheDefaultTemplatesAreTheFoldersOwnElseTheOnesShippedWithTheTool()
    {
        var root = Directory.CreateTempSubdirectory("archivist-templates-").FullName;
        try
        {
            var user = Path.Combine(root, "user");
            var tool = Path.Combine(root, "tool");
            Directory.CreateDirectory(Path.Combine(tool, "templates"));
            Directory.CreateDirectory(user);
            Assert.Equal(Path.Combine(tool, "templates"), BuildSettings.DefaultTemplates(user, tool));
            Directory.CreateDirectory(Path.Combine(user, "templates"));
            Assert.Equal(Path.Combine(user, "templates"), BuildSettings.DefaultTemplates(user, tool));
            // Neither: the folder's own, so the error names where templates were expected.
            Assert.Equal(Path.Combine(root, "templates"), BuildSettings.DefaultTemplates(root, user + "-missing"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
