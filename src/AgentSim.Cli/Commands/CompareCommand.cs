using System.CommandLine;
using System.Globalization;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Running;
using AgentSim.Cli.Validation;
using AgentSim.Model.Experiments;
using AgentSim.Scenarios;
using AgentSim.Scenarios.Experiments;
using AgentSim.Scenarios.Reading;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim compare SCENARIO [MORE...] [--placements ...] [--replications N] [--sweep PATH=V1,V2,...]</c>: variants
/// of a scenario (its guardrail placements, a swept value) or several scenarios, each run for the same replications
/// with common random numbers; every metric as a mean with its 95% interval and every difference from the first
/// variant as a paired interval; results.json, summary.md, CSV tables and report.html. With <c>--clustering redis</c>
/// every run goes to an existing cluster through one Orleans client; the files are the same.
/// </summary>
public static class CompareCommand
{
    /// <summary>Replications when none are given.</summary>
    public const int DefaultReplications = 5;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("SCENARIO")
        {
            Description = "Scenario files or preset names. One scenario alone runs its placement variants (unless --sweep is given); several are compared with each other.",
            Arity = ArgumentArity.OneOrMore,
        };
        var placements = new Option<string?>("--placements")
        {
            Description = $"Placement variants of the one scenario, comma-separated from {string.Join(",", PlacementVariants.Names)} (default: all, after the scenario as it is).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var replications = NumberOption.Create("--replications", $"Runs per variant, each with its own seed (default {DefaultReplications}).", 1, 1000);
        var sweep = new Option<string?>("--sweep") { Description = "Vary one scenario value: PATH=V1,V2,... e.g. providers.omnicx.error_rate=0.001,0.01,0.05, agents.*.governance.incident_budget=10,30,100, human_queues.humans.servers=100,150,200." };
        var conversations = NumberOption.Create("--conversations", "Conversations per run (default: the first scenario's count).", 1L, RunLimits.MaxConversations);
        var seed = NumberOption.Create("--seed", "Seed of the first replication; replication i uses seed + i (default: the first scenario's seed).", 0UL, ulong.MaxValue);
        var parallelism = NumberOption.Create("--parallelism", "Runs side by side; results do not depend on it (default: processor count).", 1, 1024);
        var maintenance = RealOption.Between("--maintenance-share", "Share of the guardrail build spent on maintenance each year (default 0.2).", 0, 10, "a number from 0 to 10");
        var years = RealOption.Between("--effort-years", "Years over which the guardrail tax counts maintenance (default 3).", 0, 100, "a number from 0 to 100");
        var output = OutputOption.Create("Output directory for results.json, summary.md, the CSV tables, report.html and the variants' scenarios.");
        var cluster = ClusterOptions.Create("every run goes");
        var command = new Command("compare", "Compare guardrail placements, scenarios or a swept value: means with 95% intervals over replications, paired differences, charts.")
        {
            scenarios, placements, replications, sweep, conversations, seed, parallelism, maintenance, years, output, cluster.Clustering, cluster.Redis, cluster.ClusterId,
        };
        command.SetAction(async (parse, cancellation) =>
        {
            var where = cluster.Read(parse);
            var names = parse.GetValue(scenarios) ?? [];
            var plan = Plan(names, parse.GetResult(placements) is not null ? parse.GetValue(placements) ?? "" : null, parse.GetValue(sweep));
            var first = plan.Variants[0].Load();
            var n = parse.GetValue(conversations) ?? first.Conversations;
            foreach (var v in plan.Variants)
            {
                var label = parse.GetValue(conversations) is not null ? null
                    : v == plan.Variants[0] ? null
                    : plan.Kind == "scenarios" ? $"{v.Name} with the first scenario's {n} conversations"
                    : $"{v.Name} with {n} conversations";
                ConversationBudget.Check(v.Load(), n, label);
            }

            var settings = new ComparisonSettings(
                n,
                parse.GetValue(replications) ?? DefaultReplications,
                parse.GetValue(seed) ?? first.Seed,
                new EffortModel(parse.GetValue(maintenance) ?? 0.2, parse.GetValue(years) ?? 3),
                parse.GetValue(parallelism) ?? Environment.ProcessorCount);
            var directory = parse.GetValue(output) ?? "out";
            context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Title}: {plan.Variants.Count} variants × {settings.Replications} replications × {n:N0} conversations"));
            var client = where.OnCluster ? await ClusterConnection.ConnectAsync(context, where.Redis!, where.ClusterId!, cancellation) : null;
            ComparisonResult result;
            await using (client)
            {
                var runOne = client is null ? null : ClusterExperimentRunner.Create(client, "compare");
                result = await ExperimentProgress.RunAsync(context, plan.Variants.Count * settings.Replications, "runs", progress =>
                    Task.Run(() => ComparisonRunner.RunAsync(plan.Kind, plan.Variants, settings, plan.SweepPath, progress, runOne, cancellation), cancellation));
            }


            var files = new List<string>();
            void Write(string name, string text)
            {
                AtomicFile.WriteAllText(Path.Combine(directory, name), text);
                files.Add(name);
            }

            foreach (var (name, yaml) in plan.Texts)
            {
                Write(Path.Combine("variants", name + ".yaml"), yaml);
            }

            Write("results.json", CompareReport.Json(result, plan.Scenario));
            Write("metrics.csv", CompareReport.MetricsCsv(result));
            if (result.Variants.Count > 1)
            {
                Write("differences.csv", CompareReport.DifferencesCsv(result));
            }

            Write("runs.csv", CompareReport.RunsCsv(result));
            Write("report.html", CompareHtml.Render(result, plan.Scenario));
            Write("summary.md", CompareReport.Markdown(result, plan.Scenario, [.. files, "summary.md"]));
            Show(context.Console, result);
            context.Console.WriteLine($"Wrote {string.Join(", ", files.Where(f => !f.StartsWith("variants", StringComparison.Ordinal)))}{(plan.Texts.Count > 0 ? $" and {plan.Texts.Count} variant scenarios" : "")} to {Path.GetFullPath(directory)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>What a compare command line asks for: the kind, the variants, and the variant scenarios' texts to write.</summary>
    private sealed record ComparePlan(string Kind, string Title, string Scenario, string? SweepPath, IReadOnlyList<ExperimentVariant> Variants, IReadOnlyList<(string Name, string Yaml)> Texts);

    private static ComparePlan Plan(string[] names, string? placements, string? sweepText)
    {
        if (names.Length > 1 && (placements is not null || sweepText is not null))
        {
            throw new CliInputException($"{(placements is not null ? "--placements" : "--sweep")} varies one scenario; give one scenario, or compare several without it");
        }

        if (placements is not null && sweepText is not null)
        {
            throw new CliInputException("--placements and --sweep are separate experiments; give one of them");
        }

        if (names.Length > 1)
        {
            var used = new Dictionary<string, int>(StringComparer.Ordinal);
            var variants = names.Select(name =>
            {
                var source = ScenarioSource.Resolve(name);
                var config = ScenarioLoader.LoadText(source.Yaml, source.FileName);
                var label = config.Name;
                used[label] = used.GetValueOrDefault(label) + 1;
                if (used[label] > 1)
                {
                    label = $"{label} ({used[label]})";
                }

                return new ExperimentVariant(label, config.Description.Length > 0 ? config.Description : source.Location, () => ScenarioLoader.LoadText(source.Yaml, source.FileName))
                {
                    Text = new VariantScenarioText(source.Yaml, source.FileName),
                };
            }).ToList();
            return new ComparePlan("scenarios", "Comparing " + string.Join(", ", variants.Select(v => v.Name)), string.Join(" vs ", variants.Select(v => v.Name)), null, variants, []);
        }

        var origin = ScenarioSource.Resolve(names[0]);
        var baseConfig = ScenarioLoader.LoadText(origin.Yaml, origin.FileName);
        var yaml = ScenarioYaml.Parse(origin);
        var asIs = new ExperimentVariant("as-is", $"{baseConfig.Name} as written", () => ScenarioLoader.LoadText(origin.Yaml, origin.FileName))
        {
            Text = new VariantScenarioText(origin.Yaml, origin.FileName),
        };
        if (sweepText is not null)
        {
            var spec = SweepSpec.TryParse(sweepText, out var problem) ?? throw new CliInputException(problem!);
            var texts = new List<(string, string)>();
            var variants = new List<ExperimentVariant>();
            foreach (var value in spec.Values)
            {
                var copy = yaml.Clone();
                if (spec.Path.Set(copy, SweepSpec.Format(value)) is { } wrong)
                {
                    throw new CliInputException($"--sweep {wrong} (in {origin.FileName})");
                }

                var label = $"{spec.Path.Text}={SweepSpec.Format(value)}";
                var text = copy.Text();
                var file = $"{origin.FileName} with {label}";
                ScenarioLoader.LoadText(text, file);
                variants.Add(new ExperimentVariant(label, $"{baseConfig.Name} with {label}", () => ScenarioLoader.LoadText(text, file), value) { Text = new VariantScenarioText(text, file) });
                texts.Add(($"{baseConfig.Name}-{SafeName(label)}", text));
            }

            return new ComparePlan("sweep", $"Sweeping {spec.Path.Text} in {baseConfig.Name}", baseConfig.Name, spec.Path.Text, variants, texts);
        }

        var chosen = PlacementVariants.Names.ToList();
        if (!string.IsNullOrWhiteSpace(placements))
        {
            chosen = [.. placements.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            var unknown = chosen.Where(p => !PlacementVariants.Names.Contains(p)).ToList();
            if (unknown.Count > 0 || chosen.Count == 0)
            {
                throw new CliInputException($"--placements: unknown variant '{string.Join(", ", unknown)}'; choose from {string.Join(", ", PlacementVariants.Names)} (comma-separated)");
            }

            chosen = [.. chosen.Distinct()];
        }

        var list = new List<ExperimentVariant> { asIs };
        var written = new List<(string, string)>();
        foreach (var name in chosen)
        {
            var variant = PlacementVariants.Build(yaml, name);
            var text = variant.Yaml.Text();
            var file = $"{origin.FileName} ({name} variant)";
            ScenarioLoader.LoadText(text, file);
            list.Add(new ExperimentVariant(name, variant.Description, () => ScenarioLoader.LoadText(text, file), Notes: variant.Notes) { Text = new VariantScenarioText(text, file) });
            written.Add(($"{baseConfig.Name}-{name}", text));
        }

        return new ComparePlan("placements", $"Guardrail placements of {baseConfig.Name}", baseConfig.Name, null, list, written);
    }

    private static string SafeName(string label) => string.Concat(label.Select(ch => char.IsLetterOrDigit(ch) || ch is '.' or '-' or '_' ? ch : '_'));

    private static void Show(IAnsiConsole console, ComparisonResult result)
    {
        console.WriteLine(CompareReport.Setup(result));
        var key = ExperimentMetric.All.Where(m => m.IsKey).ToList();
        var table = new Table().AddColumn("metric (mean ± 95% CI)");
        foreach (var v in result.Variants)
        {
            table.AddColumn(new TableColumn(Markup.Escape(v.Name)).RightAligned());
        }

        foreach (var m in key)
        {
            table.AddRow([new Text(CompareReport.LabelWithUnit(m)), .. result.Variants.Select(v => new Text(CompareReport.Value(m, v.Estimates[m.Key])))]);
        }

        console.Write(table);
        if (result.Variants.Count > 1)
        {
            var diff = new Table().AddColumn(Markup.Escape($"difference from {result.Baseline} [95% CI]"));
            foreach (var v in result.Variants.Skip(1))
            {
                diff.AddColumn(new TableColumn(Markup.Escape(v.Name)).RightAligned());
            }

            foreach (var m in key)
            {
                diff.AddRow([new Text(CompareReport.LabelWithUnit(m, difference: true)), .. result.Variants.Skip(1).Select(v => new Text(CompareReport.Difference(m, v.Differences![m.Key])))]);
            }

            console.Write(diff);
            console.WriteLine("* the 95% interval of the paired difference excludes 0.");
        }
    }
}
