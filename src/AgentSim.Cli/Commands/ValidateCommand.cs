using System.CommandLine;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary><c>agentsim validate FILE...</c>: checks scenario files and prints every problem as <c>file:line: field: message</c>.</summary>
public static class ValidateCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("FILE") { Description = "Scenario files to check.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("validate", "Check scenario files; exit 2 if any has a problem.") { files };
        command.SetAction(async (parse, cancellation) =>
        {
            var problems = 0;
            foreach (var file in parse.GetValue(files) ?? [])
            {
                var found = ScenarioLoader.Validate(file);
                foreach (var problem in found)
                {
                    await context.Error.WriteLineAsync(problem.ToString());
                }

                if (found.Count == 0)
                {
                    context.Console.WriteLine($"{file}: ok");
                }

                problems += found.Count;
            }

            return problems > 0 ? ExitCodes.BadInput : ExitCodes.Ok;
        });
        return command;
    }
}
