using Archivist.Tests.Support;

namespace Archivist.Tests.Cli;

/// <summary>The second way to run Archivist: packed as a .NET tool, installed, run in a folder holding only seeds/.</summary>
public class DotnetToolTests
{
    /// <summary>Slow (a pack and an install, about ten seconds), so one test covers the whole path.</summary>
    [Fact]
    public void ThePackedToolInstallsAndBuildsTheFiveSeedsWithTheTemplatesItCarries()
    {
        var dotnet = ExternalTool.Require("dotnet", "it packs and installs the tool");
        var work = Directory.CreateTempSubdirectory("archivist-tool-").FullName;
        try
        {
            var packages = Path.Combine(work, "packages");
            var pack = ExternalTool.Run(dotnet, ["pack", RepoPaths.Combine("src", "Archivist", "Archivist.csproj"), "-c", "Release", "-o", packages, "--nologo"],
                timeout: TimeSpan.FromMinutes(8));
            Assert.True(pack.ExitCode == 0, pack.ToString());

            // Only the folder just packed is a source: nothing is fetched, and no other package of the same name can be taken.
            var config = Path.Combine(work, "nuget.config");
            File.WriteAllText(config, $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration><packageSources><clear /><add key="packed" value="{packages}" /></packageSources></configuration>
                """);
            var tools = Path.Combine(work, "tools");
            var install = ExternalTool.Run(dotnet, ["tool", "install", "--tool-path", tools, "--configfile", config, "archivist"], timeout: TimeSpan.FromMinutes(3));
            Assert.True(install.ExitCode == 0, install.ToString());

            var user = Path.Combine(work, "my-archive");
            Directory.CreateDirectory(Path.Combine(user, "seeds"));
            foreach (var seed in Directory.GetFiles(RepoPaths.Seeds)) File.Copy(seed, Path.Combine(user, "seeds", Path.GetFileName(seed)));
            var archivist = Path.Combine(tools, OperatingSystem.IsWindows() ? "archivist.exe" : "archivist");
            var build = ExternalTool.Run(archivist, ["build"], user, environment: new Dictionary<string, string> { ["CI"] = "1" });
            Assert.True(build.ExitCode == 0, build.ToString());
            Assert.Contains("Built 11 posts", build.StdOut);
            Assert.Contains("in site-output", build.StdOut);
            Assert.Contains(Path.Combine("seeds", "002_c5ed0a6886b27c22.txt") + ":", build.StdErr); // named as the user would type it
            Assert.True(File.Exists(Path.Combine(user, "site-output", "2025", "10", "clash-of-cultures.html")));
            Assert.True(File.Exists(Path.Combine(user, "site-output", "assets", "search", "search-core.js"))); // the shipped templates' assets
            Assert.False(Directory.Exists(Path.Combine(user, "templates")), "the shipped templates are used where they are, not copied");

            var help = ExternalTool.Run(archivist, ["build", "--help"], user);
            Assert.Contains("archivist build [options]", help.StdOut);
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
