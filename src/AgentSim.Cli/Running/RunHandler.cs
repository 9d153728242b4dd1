using AgentSim.Abstractions.Messages;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Validation;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>Carries out <c>agentsim run</c>: resolve and validate the scenario, run it, write the three files, show the summary.</summary>
public sealed class RunHandler(CliContext context, TimeProvider? time = null)
{
    /// <summary>results.json: simulated outcomes only.</summary>
    public const string ResultsFile = "results.json";

    /// <summary>run-info.json: wall-clock timing and environment.</summary>
    public const string RunInfoFile = "run-info.json";

    /// <summary>summary.md: the console summary as markdown.</summary>
    public const string SummaryFile = "summary.md";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs; returns the exit code.</summary>
    public async Task<int> RunAsync(RunSettings settings, CancellationToken cancellation)
    {
        // A bad scenario throws ScenarioLoadException here, before any silo starts; the command line reports it (exit 2).
        var source = ScenarioSource.Resolve(settings.Scenario);
        var probe = new RunRequest($"run-{Guid.NewGuid():N}", source.Yaml, source.FileName, settings.Seed, 0, settings.Parallelism);
        var world = WorldCompiler.Compile(probe);
        ConversationBudget.Check(world.Config, settings.Conversations);
        var request = probe with { Conversations = settings.Conversations ?? world.Config.Conversations };

        context.Console.WriteLine($"Running {world.Config.Name} (seed {world.Seed}, {request.Conversations:N0} conversations) on the {settings.Engine} engine, parallelism {settings.Parallelism}.");
        var execution = await new SimulationRunner(context, _time).RunAsync(settings, request, world, cancellation);
        var results = ResultsBuilder.Build(world, execution.Outcome);
        var info = Info(settings, source, world, request, execution);
        var tables = RunSummary.Build(results, info);

        var directory = Path.GetFullPath(settings.OutputDirectory);
        AtomicFile.WriteAllText(Path.Combine(directory, ResultsFile), ResultsJson.Serialize(results));
        AtomicFile.WriteAllText(Path.Combine(directory, RunInfoFile), RunInfoJson.Serialize(info));
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), MarkdownSummary.Render($"AgentSim run: {results.Scenario}", tables));

        ConsoleSummary.Write(context.Console, tables);
        context.Console.WriteLine($"Wrote {ResultsFile}, {RunInfoFile} and {SummaryFile} to {directory}");
        return ExitCodes.Ok;
    }

    private static RunInfo Info(RunSettings settings, ScenarioSource source, World world, RunRequest request, RunExecution execution)
    {
        var seconds = execution.Duration.TotalSeconds;
        return new RunInfo
        {
            StartedAt = execution.StartedAt,
            EndedAt = execution.EndedAt,
            DurationSeconds = Math.Round(seconds, 3),
            HostStartupSeconds = Math.Round(execution.HostStartup.TotalSeconds, 3),
            ConversationsPerSecond = seconds > 0 ? Math.Round(request.Conversations / seconds, 1) : 0,
            Conversations = request.Conversations,
            Engine = settings.Engine,
            Parallelism = request.Shards,
            Scenario = world.Config.Name,
            ScenarioPath = source.Location,
            ScenarioHash = ScenarioLoader.ScenarioHash(source.Yaml),
            Seed = world.Seed,
            AgentSimVersion = Versions.AgentSim,
            OrleansVersion = Versions.Orleans,
            DotnetVersion = Versions.Dotnet,
            Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ProcessorCount = Environment.ProcessorCount,
        };
    }
}
