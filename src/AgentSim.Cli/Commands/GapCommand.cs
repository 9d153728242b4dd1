using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Running;
using AgentSim.Cli.Validation;
using AgentSim.Model.Experiments;
using AgentSim.Scenarios;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim gap [SCENARIO]</c>: the infrastructure-gap experiment — populations of synthetic enterprises with the
/// survey's four infrastructure gaps drawn independently and an independent guardrail investment, each simulated over a
/// horizon — and how each correlates with a composite deployment success, with 95% intervals over replications.
/// </summary>
public static class GapCommand
{
    /// <summary>Default experiment seed.</summary>
    public const ulong DefaultSeed = 2026;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaults = new GapAssumptions();
        var scenario = new Argument<string>("SCENARIO")
        {
            Description = "Base scenario (file or preset) every enterprise varies.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => RunCommand.DefaultScenario,
        };
        var assumptionsFile = new Option<string>("--assumptions") { Description = "Assumptions file (YAML or JSON; see scenarios/experiments/gap-assumptions.yaml). Options below override it." };
        var enterprises = NumberOption.Create("--enterprises", $"Enterprises per replication (default {defaults.Enterprises}).", 3, 100_000);
        var horizon = NumberOption.Create("--conversations", $"Horizon: conversations per enterprise (default {defaults.HorizonConversations}).", 10, 10_000_000);
        var replications = NumberOption.Create("--replications", $"Replications, each with its own seed (default {defaults.Replications}).", 1, 1000);
        var seed = NumberOption.Create("--seed", $"Experiment seed (default {DefaultSeed}).", 0UL, ulong.MaxValue);
        var sensitivity = new Option<bool>("--sensitivity") { Description = "Also run the horizons of the sensitivity table (sensitivity.horizons; costs their sum over the default horizon)." };
        var output = OutputOption.Create("Output directory for results.json, summary.md, the CSV tables, assumptions.yaml and report.html.");
        var unreliable = Share("--unreliable-share", "Share with an unreliable provider", defaults.UnreliableShare);
        var limited = Share("--limited-channels-share", "Share with limited multi-channel capability", defaults.LimitedChannelsShare);
        var noAi = Share("--no-ai-integration-share", "Share whose provider lacks AI integration", defaults.NoAiIntegrationShare);
        var custom = Share("--custom-context-share", "Share custom-engineering cross-channel context", defaults.CustomContextShare);
        var cluster = ClusterOptions.Create("every enterprise's run goes");

        var command = new Command("gap", "The infrastructure gap: does infrastructure quality predict deployment success better than guardrail investment?")
        {
            scenario, assumptionsFile, enterprises, horizon, replications, seed, sensitivity, output, unreliable, limited, noAi, custom,
            cluster.Clustering, cluster.Redis, cluster.ClusterId,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var where = cluster.Read(parse);
            var a = parse.GetValue(assumptionsFile) is { } file ? GapAssumptionsFile.Load(file) : defaults;
            a = a with
            {
                Enterprises = parse.GetValue(enterprises) ?? a.Enterprises,
                HorizonConversations = parse.GetValue(horizon) ?? a.HorizonConversations,
                Replications = parse.GetValue(replications) ?? a.Replications,
                UnreliableShare = parse.GetValue(unreliable) ?? a.UnreliableShare,
                LimitedChannelsShare = parse.GetValue(limited) ?? a.LimitedChannelsShare,
                NoAiIntegrationShare = parse.GetValue(noAi) ?? a.NoAiIntegrationShare,
                CustomContextShare = parse.GetValue(custom) ?? a.CustomContextShare,
            };
            var compiled = CompiledScenario.Load(parse.GetValue(scenario) ?? RunCommand.DefaultScenario);
            var withSensitivity = parse.GetValue(sensitivity);
            ConversationBudget.Check(compiled.Config, a.HorizonConversations, $"--conversations {a.HorizonConversations} (per enterprise)");
            foreach (var h in withSensitivity ? a.SensitivityHorizons : [])
            {
                ConversationBudget.Check(compiled.Config, h, $"sensitivity horizon {h} (per enterprise)");
            }

            // Connected (or refused) before anything is written, so a bad cluster setting is the only line of its error.
            var client = where.OnCluster ? await ClusterConnection.ConnectAsync(context, where.Redis!, where.ClusterId!, cancellation) : null;
            var experimentSeed = parse.GetValue(seed) ?? DefaultSeed;
            var clock = Stopwatch.StartNew();
            var error = context.Error;
            await error.WriteLineAsync(string.Create(C, $"gap: {a.Replications} replications × {a.Enterprises} enterprises × {a.HorizonConversations:N0} conversations{(withSensitivity ? $", then the sensitivity horizons {string.Join(", ", a.SensitivityHorizons)}" : "")}"));
            var progress = new Progress(error, clock);
            GapReport report;
            await using (client)
            {
                var runOne = client is null ? null : ClusterExperimentRunner.ForScenarios(client, "gap");
                report = await Task.Run(() => GapExperiment.RunAsync(compiled.Config, a, experimentSeed, progress, withSensitivity, compiled.Location, runOne: runOne, cancellation: cancellation), cancellation);
            }

            var directory = parse.GetValue(output) ?? "out";
            Write(directory, report, compiled.Location);
            Show(context.Console, report);
            context.Console.WriteLine(string.Create(C, $"Wrote results.json, summary.md, enterprises.csv, survey.csv, correlations.csv{(report.Sensitivity is null ? "" : ", sensitivity.csv")}, assumptions.yaml and report.html to {directory} ({clock.Elapsed.TotalSeconds:0} s)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Writes every output file of a report into <paramref name="directory"/>.</summary>
    public static void Write(string directory, GapReport report, string scenario)
    {
        ArgumentNullException.ThrowIfNull(report);
        AtomicFile.WriteAllText(Path.Combine(directory, "results.json"), GapReportText.Json(report));
        AtomicFile.WriteAllText(Path.Combine(directory, "summary.md"), GapReportText.Markdown(report, scenario));
        AtomicFile.WriteAllText(Path.Combine(directory, "enterprises.csv"), GapReportText.EnterprisesCsv(report));
        AtomicFile.WriteAllText(Path.Combine(directory, "survey.csv"), GapReportText.SurveyCsv(report));
        AtomicFile.WriteAllText(Path.Combine(directory, "correlations.csv"), GapReportText.CorrelationsCsv(report));
        if (report.Sensitivity is { } rows)
        {
            AtomicFile.WriteAllText(Path.Combine(directory, "sensitivity.csv"), GapReportText.SensitivityCsv(rows));
        }

        AtomicFile.WriteAllText(Path.Combine(directory, "assumptions.yaml"), GapAssumptionsFile.Write(report.Assumptions));
        AtomicFile.WriteAllText(Path.Combine(directory, "report.html"), GapReportHtml.Render(report, scenario));
    }

    // One line per finished replication on stderr (synchronous, so lines keep their order).
    private sealed class Progress(TextWriter error, Stopwatch clock) : IProgress<GapProgress>
    {
        public void Report(GapProgress value)
        {
            var r = value.Replicate;
            lock (error)
            {
                error.WriteLine(string.Create(C, $"  {value.Stage} horizon {value.HorizonConversations:N0}: replication {value.Replication}/{value.Replications} done at {clock.Elapsed.TotalSeconds:0} s: r(infrastructure) {R(r.InfrastructureR)}, r(guardrails) {R(r.GuardrailR)}, rolled back {r.RolledBackShare:P0}"));
            }
        }

        private static string R(double? r) => r is { } v ? v.ToString("F3", C) : GapReportText.Undefined;
    }

    private static Option<double?> Share(string name, string description, double value)
    {
        return new Option<double?>(name)
        {
            Description = $"{description}, 0..1 (default {value.ToString(C)}; overrides the assumptions file).",
            CustomParser = result =>
            {
                var token = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
                if (double.TryParse(token, NumberStyles.Float, C, out var v) && v is >= 0 and <= 1)
                {
                    return v;
                }

                result.AddError($"{name} must be a number from 0 to 1, got '{token}'.");
                return null;
            },
        };
    }

    private static void Show(IAnsiConsole console, GapReport report)
    {
        console.WriteLine(report.Caveat);
        var table = new Table().AddColumn("figure").AddColumn(new TableColumn("survey").RightAligned()).AddColumn(new TableColumn("simulated (95% interval)").RightAligned());
        foreach (var row in report.Survey)
        {
            table.AddRow(Markup.Escape(row.Figure), Markup.Escape(row.SurveyText), Markup.Escape(GapReportText.Format(row.Simulated, row.Figure.StartsWith("r(", StringComparison.Ordinal) ? "F3" : "P1")));
        }

        console.Write(table);
        console.WriteLine(GapReportText.Findings(report));
        var e = report.Estimates;
        console.WriteLine($"R² of success: infrastructure {GapReportText.Format(e.RSquaredInfrastructure)}, guardrails {GapReportText.Format(e.RSquaredGuardrails)}, both {GapReportText.Format(e.RSquaredBoth)}");
        if (GapReportText.UndefinedNote(report) is { Length: > 0 } note)
        {
            console.WriteLine(note);
        }
    }
}
