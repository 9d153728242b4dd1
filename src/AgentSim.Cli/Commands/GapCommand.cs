using System.CommandLine;
using System.Globalization;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Validation;
using AgentSim.Model.Experiments;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim gap [SCENARIO]</c>: the infrastructure-gap experiment — a population of synthetic enterprises with the
/// survey's infrastructure gaps and independent guardrail investment — and how each correlates with success.
/// </summary>
public static class GapCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var defaults = new GapAssumptions();
        var scenario = new Argument<string>("SCENARIO")
        {
            Description = "Base scenario (file or preset) every enterprise varies.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => RunCommand.DefaultScenario,
        };
        var enterprises = NumberOption.Create("--enterprises", $"Enterprises to draw (default {defaults.Enterprises}).", 3, 100_000);
        var perEnterprise = NumberOption.Create("--conversations", $"Conversations per enterprise (default {defaults.ConversationsPerEnterprise}).", 10, 10_000_000);
        var seed = NumberOption.Create("--seed", "Experiment seed (default 2026).", 0UL, ulong.MaxValue);
        var output = OutputOption.Create("Output directory for gap.json and gap.md.");
        var unreliable = Share("--unreliable-share", "Share of enterprises with an unreliable provider", defaults.UnreliableShare);
        var limited = Share("--limited-channels-share", "Share with limited multi-channel capability", defaults.LimitedChannelsShare);
        var noAi = Share("--no-ai-integration-share", "Share whose provider lacks AI integration", defaults.NoAiIntegrationShare);
        var custom = Share("--custom-context-share", "Share custom-engineering cross-channel context", defaults.CustomContextShare);

        var command = new Command("gap", "The infrastructure gap: does infrastructure quality predict deployment success better than guardrail investment?")
        {
            scenario, enterprises, perEnterprise, seed, output, unreliable, limited, noAi, custom,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var assumptions = defaults with
            {
                Enterprises = parse.GetValue(enterprises) ?? defaults.Enterprises,
                ConversationsPerEnterprise = parse.GetValue(perEnterprise) ?? defaults.ConversationsPerEnterprise,
                UnreliableShare = parse.GetValue(unreliable),
                LimitedChannelsShare = parse.GetValue(limited),
                NoAiIntegrationShare = parse.GetValue(noAi),
                CustomContextShare = parse.GetValue(custom),
            };
            var compiled = CompiledScenario.Load(parse.GetValue(scenario) ?? RunCommand.DefaultScenario);
            ConversationBudget.Check(compiled.Config, assumptions.ConversationsPerEnterprise, $"--conversations {assumptions.ConversationsPerEnterprise} (per enterprise)");
            var report = await Task.Run(() => GapExperiment.Run(compiled.Config, assumptions, parse.GetValue(seed) ?? 2026), cancellation);
            var directory = parse.GetValue(output) ?? "out";
            AtomicFile.WriteAllText(Path.Combine(directory, "gap.json"), GapReportText.Json(report));
            AtomicFile.WriteAllText(Path.Combine(directory, "gap.md"), GapReportText.Markdown(report, compiled.Location));
            Show(context.Console, report);
            context.Console.WriteLine($"Wrote {Path.Combine(directory, "gap.json")} and gap.md");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Option<double> Share(string name, string description, double value)
    {
        return new Option<double>(name)
        {
            Description = $"{description}, 0..1 (default {value.ToString(CultureInfo.InvariantCulture)}).",
            DefaultValueFactory = _ => value,
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1)
                {
                    return v;
                }

                result.AddError($"{name} must be a number from 0 to 1, got '{token}'.");
                return value;
            },
        };
    }

    private static void Show(IAnsiConsole console, GapReport report)
    {
        var table = new Table().AddColumn("predictor").AddColumn(new TableColumn("r with deployment success").RightAligned());
        table.AddRow("infrastructure quality", report.InfrastructureCorrelation.ToString("F3", CultureInfo.InvariantCulture));
        table.AddRow("guardrail investment", report.GuardrailCorrelation.ToString("F3", CultureInfo.InvariantCulture));
        console.Write(table);
        var groups = new Table().AddColumn("infrastructure gaps").AddColumn(new TableColumn("enterprises").RightAligned()).AddColumn(new TableColumn("mean success").RightAligned());
        foreach (var g in GapReportText.ByGaps(report))
        {
            groups.AddRow(g.Gaps.ToString(CultureInfo.InvariantCulture), g.Count.ToString(CultureInfo.InvariantCulture), g.MeanSuccess.ToString("P1", CultureInfo.InvariantCulture));
        }

        console.Write(groups);
        console.WriteLine($"Enterprises that rolled an agent back: {report.RolledBackShare.ToString("P0", CultureInfo.InvariantCulture)}");
        console.WriteLine(report.Caveat);
    }
}
