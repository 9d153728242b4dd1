using System.CommandLine;
using AgentSim.Cli.Commands;
using AgentSim.Cli.Validation;
using AgentSim.Scenarios;

namespace AgentSim.Cli;

/// <summary>The <c>agentsim</c> command line, callable in-process (tests) as well as from <c>Program</c>.</summary>
public static class AgentSimCli
{
    /// <summary>Parses and runs a command line, writing to the given writers; returns the exit code (see <see cref="ExitCodes"/>).</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, bool interactive = false, CancellationToken cancellation = default)
    {
        var context = CliContext.Create(output, error, interactive);
        var root = new RootCommand("AgentSim: simulates AI customer-service agents across channels, providers and guardrails.")
        {
            RunCommand.Create(context),
            ValidateCommand.Create(context),
            PresetsCommand.Create(context),
            SiloCommand.Create(context),
            GapCommand.Create(context),
            CompareCommand.Create(context),
            TraceCommand.Create(context),
            FaultCommand.Create(context),
        };

        var parse = root.Parse(args);
        IReadOnlyList<string> problems = parse.Errors.Count > 0 ? [.. parse.Errors.Select(e => e.Message)] : UnknownOptions.Find(parse);
        if (problems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            await error.WriteLineAsync("Run 'agentsim --help' for usage.");
            return ExitCodes.BadInput;
        }

        // Ctrl+C/SIGTERM cancel the command; give it the host's shutdown timeout (15 s) to stop cleanly rather than the default 2 s.
        var configuration = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = TimeSpan.FromSeconds(20) };
        try
        {
            return await parse.InvokeAsync(configuration, cancellation);
        }
        catch (ScenarioLoadException ex)
        {
            // Bad scenario input from any command: every problem as file:line: field: message, exit 2, no stack trace.
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync(problem.ToString());
            }

            return ExitCodes.BadInput;
        }
        catch (CliInputException ex)
        {
            // Bad option, setting, path or address found before the work starts: one line each, exit 2, no stack trace.
            foreach (var problem in ex.Problems)
            {
                await error.WriteLineAsync($"error: {problem}");
            }

            return ExitCodes.BadInput;
        }
        catch (OperationCanceledException)
        {
            await error.WriteLineAsync("cancelled");
            return ExitCodes.Failure;
        }
        catch (Exception ex)
        {
            await error.WriteLineAsync($"error: {ex.GetBaseException().Message}");
            return ExitCodes.Failure;
        }
    }
}
