using System.CommandLine;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Validation;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;
using AgentSim.Scenarios.Reading;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary><c>agentsim compare A B</c>: runs two scenarios with the same number of conversations and shows them side by side.</summary>
public static class CompareCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var first = new Argument<string>("FIRST") { Description = "A scenario file or preset name." };
        var second = new Argument<string>("SECOND") { Description = "The scenario to compare it with." };
        var seed = NumberOption.Create("--seed", "Seed for both runs (default: each scenario's own seed).", 0UL, ulong.MaxValue);
        var conversations = NumberOption.Create("--conversations", "Conversations per run (default: the first scenario's count).", 1L, RunLimits.MaxConversations);
        var parallelism = NumberOption.Create("--parallelism", "Shards side by side; results do not depend on it (default: processor count).", 1, 1024);
        var output = OutputOption.Create("Output directory for compare.md and both results files.");
        var command = new Command("compare", "Run two scenarios and compare outcomes, rollbacks, context loss, incidents, leaks, added latency and build effort.")
        {
            first, second, seed, conversations, parallelism, output,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var a = CompiledScenario.Load(parse.GetValue(first)!, parse.GetValue(seed)).World;
            var b = CompiledScenario.Load(parse.GetValue(second)!, parse.GetValue(seed)).World;
            var n = parse.GetValue(conversations) ?? a.Config.Conversations;
            ConversationBudget.Check(a.Config, parse.GetValue(conversations));
            ConversationBudget.Check(b.Config, n, parse.GetValue(conversations) is null ? $"{b.Config.Name} with the first scenario's {n} conversations" : null);
            var options = new RunOptions(n, parse.GetValue(parallelism) ?? Environment.ProcessorCount);
            var resultsA = await Task.Run(() => ResultsBuilder.Build(a, PlainLoopEngine.Run(a, options, cancellation: cancellation)), cancellation);
            var resultsB = await Task.Run(() => ResultsBuilder.Build(b, PlainLoopEngine.Run(b, options, cancellation: cancellation)), cancellation);
            var directory = parse.GetValue(output) ?? "out";
            AtomicFile.WriteAllText(Path.Combine(directory, $"results-{resultsA.Scenario}.json"), ResultsJson.Serialize(resultsA));
            AtomicFile.WriteAllText(Path.Combine(directory, $"results-{resultsB.Scenario}.json"), ResultsJson.Serialize(resultsB));
            AtomicFile.WriteAllText(Path.Combine(directory, "compare.md"), Comparison.Markdown(resultsA, resultsB));
            var table = new Table()
                .AddColumn("measure")
                .AddColumn(new TableColumn(Markup.Escape(resultsA.Scenario)).RightAligned())
                .AddColumn(new TableColumn(Markup.Escape(resultsB.Scenario)).RightAligned())
                .AddColumn(new TableColumn("difference").RightAligned());
            foreach (var (measure, x, y, format) in Comparison.Rows(resultsA, resultsB))
            {
                table.AddRow(new Text(measure), new Text(Comparison.Format(x, format)), new Text(Comparison.Format(y, format)), new Text(Comparison.Difference(x, y, format)));
            }

            context.Console.Write(table);
            context.Console.WriteLine($"Wrote compare.md and both results files to {Path.GetFullPath(directory)}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
