using System.CommandLine;
using Archivist.Cli;

var root = new RootCommand("Archivist: turns raw text dumps of a blog into a fast, searchable static archive website.")
{
    ImportCommand.Create(),
    SearchCommand.Create(),
};
return root.Parse(args).Invoke();
