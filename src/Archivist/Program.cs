using System.CommandLine;
using Archivist.Cli;

var root = new RootCommand("Archivist: turns raw text dumps of a blog into a fast, searchable static archive website.")
{
    BuildCommand.Create(),
    CleanCommand.Create(),
    ImportCommand.Create(),
    ServeCommand.Create(),
    SearchCommand.Create(),
};
return root.Parse(args).Invoke();
