using System.CommandLine;
using AgentSim.Cli.Running;

namespace AgentSim.Cli.Commands;

/// <summary><c>agentsim run [SCENARIO]</c>: runs a scenario and writes results.json, run-info.json and summary.md.</summary>
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
        var seed = new Option<ulong?>("--seed") { Description = "Seed override (default: the scenario's seed)." };
        var conversations = new Option<long?>("--conversations") { Description = "Conversations to run (default: the scenario's count)." };
        conversations.Validators.Add(r =>
        {
            if (r.GetValue(conversations) is <= 0)
            {
                r.AddError("--conversations must be at least 1.");
            }
        });
        var output = new Option<string>("--out") { Description = "Output directory.", DefaultValueFactory = _ => "out" };
        var metricsPort = new Option<int?>("--metrics-port") { Description = "Serve Prometheus metrics at http://127.0.0.1:PORT/metrics while the run lasts (0: any free port)." };
        metricsPort.Validators.Add(r =>
        {
            if (r.GetValue(metricsPort) is < 0 or > 65535)
            {
                r.AddError("--metrics-port must be between 0 and 65535.");
            }
        });
        var parallelism = new Option<int>("--parallelism") { Description = "Shards run side by side; results do not depend on it.", DefaultValueFactory = _ => Environment.ProcessorCount };
        parallelism.Validators.Add(r =>
        {
            if (r.GetValue(parallelism) is < 1 or > 1024)
            {
                r.AddError("--parallelism must be between 1 and 1024.");
            }
        });
        var engine = new Option<string>("--engine") { Description = "orleans (in-process silo) or loop (plain loop).", DefaultValueFactory = _ => EngineKind.Orleans };
        engine.AcceptOnlyFromAmong(EngineKind.Orleans, EngineKind.Loop);

        var command = new Command("run", "Run a scenario and write results.json, run-info.json and summary.md.")
        {
            scenario, seed, conversations, output, metricsPort, parallelism, engine,
        };
        command.SetAction((parse, cancellation) => new RunHandler(context).RunAsync(
            new RunSettings(
                parse.GetValue(scenario) ?? DefaultScenario,
                parse.GetValue(seed),
                parse.GetValue(conversations),
                parse.GetValue(output) ?? "out",
                parse.GetValue(metricsPort),
                parse.GetValue(parallelism),
                parse.GetValue(engine) ?? EngineKind.Orleans),
            cancellation));
        return command;
    }
}
