using AgentSim.Abstractions.Messages;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Validation;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Results;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>Carries out <c>agentsim run</c>: resolve and validate the scenario, run it, write the four files, show the summary.</summary>
public sealed class RunHandler(CliContext context, TimeProvider? time = null)
{
    /// <summary>results.json: simulated outcomes only.</summary>
    public const string ResultsFile = "results.json";

    /// <summary>run-info.json: wall-clock timing and environment.</summary>
    public const string RunInfoFile = "run-info.json";

    /// <summary>summary.md: the console summary as markdown.</summary>
    public const string SummaryFile = "summary.md";

    /// <summary>report.html: the key figures with charts, self-contained, for a browser or a projector.</summary>
    public const string ReportFile = "report.html";

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>Runs; returns the exit code.</summary>
    public async Task<int> RunAsync(RunSettings settings, CancellationToken cancellation)
    {
        CheckCluster(settings);
        // Read, validated and compiled once, here: a bad scenario throws ScenarioLoadException before any silo starts
        // (the command line reports it, exit 2), and the engines and the silo's grains all use this world.
        var scenario = CompiledScenario.Compile(ScenarioSource.Resolve(settings.Scenario).With(settings.Rate, epochSeconds: null), settings.Seed);
        var world = scenario.World;
        ConversationBudget.Check(world.Config, settings.Conversations);
        var request = scenario.ToRunRequest($"run-{Guid.NewGuid():N}", settings.Conversations ?? world.Config.Conversations, settings.Parallelism);

        context.Console.WriteLine($"Running {world.Config.Name} (seed {world.Seed}, {request.Conversations:N0} conversations at {world.Config.Arrivals.RatePerSecond:0.######}/s) on the {settings.Engine} engine{(settings.OnCluster ? $" of cluster {settings.ClusterId}" : "")}, parallelism {settings.Parallelism}.");
        var execution = await new SimulationRunner(context, _time).RunAsync(settings, request, world, cancellation);
        var results = ResultsBuilder.Build(world, execution.Outcome);
        var info = Info(settings, scenario, request, execution);
        var tables = RunSummary.Build(results, info);

        var directory = Path.GetFullPath(settings.OutputDirectory);
        AtomicFile.WriteAllText(Path.Combine(directory, ResultsFile), ResultsJson.Serialize(results));
        AtomicFile.WriteAllText(Path.Combine(directory, RunInfoFile), RunInfoJson.Serialize(info));
        AtomicFile.WriteAllText(Path.Combine(directory, SummaryFile), MarkdownSummary.Render($"AgentSim run: {results.Scenario}", tables));
        AtomicFile.WriteAllText(Path.Combine(directory, ReportFile), RunReport.Render(results));

        ConsoleSummary.Write(context.Console, tables);
        context.Console.WriteLine($"Wrote {ResultsFile}, {RunInfoFile}, {SummaryFile} and {ReportFile} to {directory}");
        return ExitCodes.Ok;
    }

    /// <summary>Throws <see cref="CliInputException"/> naming each flag whose cluster setting is wrong or missing.</summary>
    private static void CheckCluster(RunSettings settings)
    {
        var problems = new List<string>(ClusterSettings.Problems(settings.Clustering, "--clustering", settings.Redis, "--redis", settings.ClusterId, "--cluster-id", "the id the cluster's silos were started with"));
        // RunCommand has already reported these naming their source (RunClusterSettings); here they guard callers that build settings themselves.
        if (settings.OnCluster && settings.Engine != EngineKind.Orleans)
        {
            problems.Add($"--engine {settings.Engine}: runs in this process; --clustering redis needs the orleans engine");
        }

        if (settings.OnCluster && settings.MetricsPort is not null)
        {
            problems.Add("--metrics-port: with --clustering redis the run's metrics are on the cluster's silos (each silo's /metrics), not in this client");
        }

        if (problems.Count > 0)
        {
            throw new CliInputException(problems);
        }
    }

    private static RunInfo Info(RunSettings settings, CompiledScenario scenario, RunRequest request, RunExecution execution)
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
            Scenario = scenario.Config.Name,
            ScenarioPath = scenario.Location,
            ScenarioHash = scenario.Hash,
            Seed = scenario.World.Seed,
            AgentSimVersion = Versions.AgentSim,
            OrleansVersion = Versions.Orleans,
            DotnetVersion = Versions.Dotnet,
            Os = System.Runtime.InteropServices.RuntimeInformation.OSDescription,
            ProcessorCount = Environment.ProcessorCount,
        };
    }
}
