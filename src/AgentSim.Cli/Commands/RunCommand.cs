using System.CommandLine;
using AgentSim.Cli.Running;
using AgentSim.Cli.Validation;
using AgentSim.Scenarios.Reading;

namespace AgentSim.Cli.Commands;

/// <summary><c>agentsim run [SCENARIO]</c>: runs a scenario and writes results.json, run-info.json, summary.md and report.html.</summary>
public static class RunCommand
{
    /// <summary>Preset run when no scenario is given.</summary>
    public const string DefaultScenario = "baseline";

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("SCENARIO")
        {
            Description = "A scenario file or a preset name (see 'agentsim presets').",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => DefaultScenario,
        };
        var seed = NumberOption.Create("--seed", "Seed override (default: the scenario's seed).", 0UL, ulong.MaxValue);
        var conversations = NumberOption.Create("--conversations", "Conversations to run (default: the scenario's count).", 1L, RunLimits.MaxConversations);
        var output = OutputOption.Create("Output directory.");
        var metricsPort = NumberOption.Create("--metrics-port", "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the run lasts (0: any free port).", 0, 65535);
        metricsPort.Validators.Add(result =>
        {
            // Runs even when the value did not parse (that error is already reported): read the token, not the value.
            if (result.Tokens.Count > 0 && int.TryParse(result.Tokens[^1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var port)
                && port <= 65535 && PortProbe.Problem(System.Net.IPAddress.Loopback, port) is { } problem)
            {
                result.AddError($"--metrics-port {port}: {problem}");
            }
        });
        var parallelism = NumberOption.Create("--parallelism", "Shards run side by side; results do not depend on it (default: processor count).", 1, 1024);
        var rate = RealOption.Between("--rate", "New conversations per simulated second, overriding the scenario's arrivals.rate_per_second.", RunLimits.MinRatePerSecond, double.MaxValue, "a number of at least 0.000001 (one conversation in about 11.6 simulated days)");
        var engine = new Option<string>("--engine") { Description = "orleans (in-process silo) or loop (plain loop).", DefaultValueFactory = _ => EngineKind.Orleans };
        engine.AcceptOnlyFromAmong(EngineKind.Orleans, EngineKind.Loop);

        var clustering = new Option<string>("--clustering") { Description = "localhost (default): run on a silo in this process; redis: run on an existing cluster (agentsim silo --clustering redis) as an Orleans client; results are the same (config key Run:Clustering)." };
        clustering.AcceptOnlyFromAmong("localhost", "redis");
        var redis = new Option<string>("--redis") { Description = "The Redis server holding the cluster's membership, HOST:PORT, with --clustering redis (Run:Redis)." };
        var clusterId = new Option<string>("--cluster-id") { Description = "The cluster to run on, with --clustering redis; with localhost, the in-process silo's id (Run:ClusterId)." };

        var command = new Command("run", "Run a scenario and write results.json, run-info.json, summary.md and report.html.")
        {
            scenario, seed, conversations, rate, output, metricsPort, parallelism, engine, clustering, redis, clusterId,
        };
        command.SetAction((parse, cancellation) =>
        {
            var cluster = RunClusterSettings.Read(parse.GetValue(clustering), parse.GetValue(redis), parse.GetValue(clusterId));
            return new RunHandler(context).RunAsync(
                new RunSettings(
                    parse.GetValue(scenario) ?? DefaultScenario,
                    parse.GetValue(seed),
                    parse.GetValue(conversations),
                    parse.GetValue(output) ?? "out",
                    parse.GetValue(metricsPort),
                    parse.GetValue(parallelism) ?? Environment.ProcessorCount,
                    parse.GetValue(engine) ?? EngineKind.Orleans,
                    parse.GetValue(rate),
                    cluster.Clustering,
                    cluster.Redis,
                    cluster.ClusterId),
                cancellation);
        });
        return command;
    }
}
