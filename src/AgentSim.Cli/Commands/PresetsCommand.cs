using System.CommandLine;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary><c>agentsim presets</c>: lists the embedded preset scenarios with their descriptions.</summary>
public static class PresetsCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var command = new Command("presets", "List the preset scenarios.");
        command.SetAction(_ =>
        {
            var table = new Table().AddColumn("preset").AddColumn("description");
            foreach (var name in Presets.Names)
            {
                table.AddRow(new Text(name), new Text(Presets.Load(name).Description));
            }

            context.Console.Write(table);
            return ExitCodes.Ok;
        });
        return command;
    }
}
