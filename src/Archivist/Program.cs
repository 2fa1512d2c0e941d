using Archivist.Cli;

return CommandLineApp.Run(CommandLineApp.CreateRoot(), args);
