using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using AgentSim.Model.Experiments;
using AgentSim.Model.Results;

namespace AgentSim.Cli.Reports;

/// <summary>
/// A comparison's files: results.json (every run and estimate), summary.md, metrics.csv (each variant's mean and 95%
/// interval), differences.csv (paired differences from the baseline), runs.csv (every run's values) and, through
/// <see cref="CompareHtml"/>, report.html. Numbers carry their interval wherever a reader sees them.
/// </summary>
public static class CompareReport
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The caveat on the reading of intervals every report carries.</summary>
    public const string Reading =
        "Each figure is the mean over replications with its 95% confidence interval (Student's t). Every variant ran the same " +
        "replications with the same seeds — the same customers, arrivals, channels and utterances (common random numbers) — so a " +
        "difference from the baseline is paired by replication; a difference whose interval excludes 0 is marked *.";

    /// <summary>results.json: settings, metric definitions, effort assumptions, and per variant its runs, estimates and differences.</summary>
    public static string Json(ComparisonResult result, string scenario)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Settings;
        var doc = new JsonDoc
        {
            Experiment = "compare",
            Kind = result.Kind,
            Scenario = scenario,
            SweepPath = result.SweepPath,
            Conversations = s.Conversations,
            Replications = s.Replications,
            Seeds = s.Seeds,
            CommonRandomNumbers = true,
            Baseline = result.Baseline,
            Metrics = [.. ExperimentMetric.All.Select(m => new JsonMetric(m.Key, m.Label, m.Unit, m.Better == Better.Higher ? "higher" : "lower", m.IsKey))],
            EffortModel = new JsonEffort(s.Effort.MaintenanceSharePerYear, s.Effort.Years, s.Effort.Assumptions()),
            Variants = [.. result.Variants.Select(v => new JsonVariant
            {
                Name = v.Name,
                Description = v.Description,
                Scenario = v.Scenario,
                X = v.X,
                Placement = v.Placement,
                PlacementByKind = new SortedDictionary<string, string>(v.PlacementByKind.ToDictionary(), StringComparer.Ordinal),
                Notes = v.Notes,
                Estimates = Map(v.Estimates),
                DifferencesFromBaseline = v.Differences is null ? null : Map(v.Differences),
                Runs = [.. v.Runs.Select(r => new JsonRun(r.Replication, r.Seed, new SortedDictionary<string, double>(r.Values.ToDictionary(kv => kv.Key, kv => Round(kv.Value)), StringComparer.Ordinal)))],
            })],
        };
        return JsonSerializer.Serialize(doc, ResultsJson.Options) + "\n";
    }

    /// <summary>metrics.csv: variant, x, metric, unit, mean, 95% low and high, standard deviation, n.</summary>
    public static string MetricsCsv(ComparisonResult result)
    {
        var sb = new StringBuilder("variant,x,metric,unit,mean,ci95_low,ci95_high,sd,n\n");
        foreach (var v in result.Variants)
        {
            foreach (var m in ExperimentMetric.All)
            {
                var e = v.Estimates[m.Key];
                sb.Append(C, $"{Csv(v.Name)},{Num(v.X)},{m.Key},{Csv(m.Unit)},{Num(e.Mean)},{Num(e.Low)},{Num(e.High)},{Num(e.StandardDeviation)},{e.N}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>differences.csv: variant − baseline per metric, paired by replication, with its 95% interval and whether it excludes 0.</summary>
    public static string DifferencesCsv(ComparisonResult result)
    {
        var sb = new StringBuilder("variant,baseline,metric,unit,difference,ci95_low,ci95_high,excludes_zero,n\n");
        foreach (var v in result.Variants.Where(v => v.Differences is not null))
        {
            foreach (var m in ExperimentMetric.All)
            {
                var d = v.Differences![m.Key];
                sb.Append(C, $"{Csv(v.Name)},{Csv(result.Baseline)},{m.Key},{Csv(m.Unit)},{Num(d.Mean)},{Num(d.Low)},{Num(d.High)},{(d.ExcludesZero ? "true" : "false")},{d.N}\n");
            }
        }

        return sb.ToString();
    }

    /// <summary>runs.csv: one row per run (variant, replication, seed) with every metric as a column.</summary>
    public static string RunsCsv(ComparisonResult result)
    {
        var sb = new StringBuilder("variant,x,replication,seed," + string.Join(',', ExperimentMetric.All.Select(m => m.Key)) + "\n");
        foreach (var v in result.Variants)
        {
            foreach (var r in v.Runs)
            {
                sb.Append(C, $"{Csv(v.Name)},{Num(v.X)},{r.Replication + 1},{r.Seed},");
                sb.AppendJoin(',', ExperimentMetric.All.Select(m => Num(r.Values[m.Key])));
                sb.Append('\n');
            }
        }

        return sb.ToString();
    }

    /// <summary>summary.md: what ran, the key metrics per variant with intervals, the differences from the baseline, the effort model.</summary>
    public static string Markdown(ComparisonResult result, string scenario, IReadOnlyList<string> files)
    {
        var s = result.Settings;
        var sb = new StringBuilder();
        sb.Append(C, $"# {Title(result, scenario)}\n\n");
        sb.Append(C, $"{Setup(result)}\n\n");
        sb.Append(Reading).Append("\n\n");
        sb.Append("## Variants\n\n| variant | what it is | placement by kind |\n| --- | --- | --- |\n");
        foreach (var v in result.Variants)
        {
            var byKind = v.PlacementByKind.Count == 0 ? "no guardrails" : string.Join(", ", v.PlacementByKind.Select(kv => $"{kv.Key}: {kv.Value}"));
            sb.Append(C, $"| {v.Name} | {v.Description} | {byKind} |\n");
        }

        sb.Append("\n## Key metrics (mean ± 95% interval half-width)\n\n");
        sb.Append("| metric | ").AppendJoin(" | ", result.Variants.Select(v => v.Name)).Append(" |\n| --- |");
        sb.Append(string.Concat(result.Variants.Select(_ => " ---: |"))).Append('\n');
        foreach (var m in ExperimentMetric.All)
        {
            sb.Append(C, $"| {LabelWithUnit(m)} | ").AppendJoin(" | ", result.Variants.Select(v => Value(m, v.Estimates[m.Key]))).Append(" |\n");
        }

        if (result.Variants.Count > 1)
        {
            sb.Append(C, $"\n## Differences from {result.Baseline} (paired; * = interval excludes 0)\n\n");
            sb.Append("| metric | ").AppendJoin(" | ", result.Variants.Skip(1).Select(v => v.Name)).Append(" |\n| --- |");
            sb.Append(string.Concat(result.Variants.Skip(1).Select(_ => " ---: |"))).Append('\n');
            foreach (var m in ExperimentMetric.All)
            {
                sb.Append(C, $"| {LabelWithUnit(m, difference: true)} | ").AppendJoin(" | ", result.Variants.Skip(1).Select(v => Difference(m, v.Differences![m.Key]))).Append(" |\n");
            }
        }

        var notes = result.Variants.SelectMany(v => v.Notes.Select(n => $"{v.Name}: {n}")).ToList();
        if (notes.Count > 0)
        {
            sb.Append("\n## How the variants were built\n\n");
            foreach (var n in notes)
            {
                sb.Append("- ").Append(n).Append('\n');
            }
        }

        sb.Append("\n## Effort model (the guardrail tax)\n\n");
        foreach (var a in s.Effort.Assumptions())
        {
            sb.Append("- ").Append(a).Append('\n');
        }

        sb.Append("\n## Files\n\n");
        foreach (var f in files)
        {
            sb.Append("- `").Append(f).Append("`\n");
        }

        return sb.ToString();
    }

    /// <summary>The report's title.</summary>
    public static string Title(ComparisonResult result, string scenario) => result.Kind switch
    {
        "placements" => $"Guardrail placement: {scenario}",
        "sweep" => $"Sweep of {result.SweepPath}: {scenario}",
        _ => $"Comparison: {string.Join(" vs ", result.Variants.Select(v => v.Name))}",
    };

    /// <summary>What ran, in one line: variants × replications × conversations, seeds, common random numbers.</summary>
    public static string Setup(ComparisonResult result)
    {
        var s = result.Settings;
        var seeds = s.Seeds.Count == 1 ? $"seed {s.Seeds[0]}" : $"seeds {s.Seeds[0]}–{s.Seeds[^1]}";
        return string.Create(C, $"{result.Variants.Count} variants × {s.Replications} replications × {s.Conversations:N0} conversations; {seeds}; common random numbers; differences from {result.Baseline}.");
    }

    /// <summary>A value with its interval half-width, as a reader sees it (percentages for shares).</summary>
    public static string Value(ExperimentMetric m, Estimate e)
    {
        var (scale, digits) = Scale(m);
        var mean = Fixed(e.Mean * scale, digits);
        return double.IsNaN(e.HalfWidth) ? mean : $"{mean} ± {Fixed(e.HalfWidth * scale, digits)}";
    }

    /// <summary>A difference with its interval, signed, with * when the interval excludes 0 (percentage points for shares).</summary>
    public static string Difference(ExperimentMetric m, Estimate d)
    {
        var (scale, digits) = Scale(m);
        var mean = Signed(d.Mean * scale, digits);
        var text = double.IsNaN(d.Low) ? mean : $"{mean} [{Signed(d.Low * scale, digits)}, {Signed(d.High * scale, digits)}]";
        return d.ExcludesZero ? text + " *" : text;
    }

    /// <summary>Scale and decimals a metric is shown with.</summary>
    public static (double Scale, int Digits) Scale(ExperimentMetric m) => m.Unit switch
    {
        "%" => (100, 1),
        "ms" => (1, 0),
        "person-weeks" => (1, 0),
        "" when m.Key is "custom_guardrails" or "guardrail_channels" => (1, 0),
        _ => (1, 2),
    };

    /// <summary>A number with fixed decimals; a value that rounds to zero prints without a sign (never "−0.0").</summary>
    public static string Fixed(double value, int digits)
    {
        if (double.IsNaN(value))
        {
            return "n/a";
        }

        var text = value.ToString("N" + digits, C);
        return IsZero(text) ? 0.0.ToString("N" + digits, C) : text.Replace('-', '−');
    }

    /// <summary>A signed number with fixed decimals: +1.2, −1.2, and 0.0 with no sign when it rounds to zero.</summary>
    public static string Signed(double value, int digits)
    {
        var text = Fixed(value, digits);
        return value > 0 && !IsZero(text) ? "+" + text : text;
    }

    private static bool IsZero(string text) => text.All(ch => ch is '0' or '.' or ',' or '-' or '−');

    /// <summary>A metric's label with its unit (percentage points for a difference of shares), unless the label already says it.</summary>
    public static string LabelWithUnit(ExperimentMetric m, bool difference = false) => m.Label + (m.Unit switch
    {
        "" or "per 1,000" => "",
        "%" when difference => " (pp)",
        _ => $" ({m.Unit})",
    });

    private static SortedDictionary<string, JsonEstimate> Map(IReadOnlyDictionary<string, Estimate> estimates) =>
        new(estimates.ToDictionary(kv => kv.Key, kv => new JsonEstimate(Round(kv.Value.Mean), Nullable(kv.Value.Low), Nullable(kv.Value.High), Nullable(kv.Value.StandardDeviation), kv.Value.N)), StringComparer.Ordinal);

    private static double Round(double x) => double.IsFinite(x) ? Math.Round(x, 6, MidpointRounding.ToEven) : 0;

    private static double? Nullable(double x) => double.IsFinite(x) ? Math.Round(x, 6, MidpointRounding.ToEven) : null;

    private static string Num(double? x) => x is { } v && double.IsFinite(v) ? Math.Round(v, 6, MidpointRounding.ToEven).ToString("R", C) : "";

    private static string Csv(string text) => text.IndexOfAny([',', '"', '\n']) < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private sealed record JsonMetric(string Key, string Label, string Unit, string Better, bool KeyMetric);

    private sealed record JsonEffort(double MaintenanceSharePerYear, double Years, IReadOnlyList<string> Assumptions);

    private sealed record JsonEstimate(double Mean, double? Ci95Low, double? Ci95High, double? Sd, int N);

    private sealed record JsonRun(int Replication, ulong Seed, SortedDictionary<string, double> Values);

    private sealed record JsonVariant
    {
        public required string Name { get; init; }

        public required string Description { get; init; }

        public required string Scenario { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public double? X { get; init; }

        public required string Placement { get; init; }

        public required SortedDictionary<string, string> PlacementByKind { get; init; }

        public required IReadOnlyList<string> Notes { get; init; }

        public required SortedDictionary<string, JsonEstimate> Estimates { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public SortedDictionary<string, JsonEstimate>? DifferencesFromBaseline { get; init; }

        public required IReadOnlyList<JsonRun> Runs { get; init; }
    }

    private sealed record JsonDoc
    {
        public required string Experiment { get; init; }

        public required string Kind { get; init; }

        public required string Scenario { get; init; }

        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? SweepPath { get; init; }

        public required long Conversations { get; init; }

        public required int Replications { get; init; }

        public required IReadOnlyList<ulong> Seeds { get; init; }

        public required bool CommonRandomNumbers { get; init; }

        public required string Baseline { get; init; }

        public required IReadOnlyList<JsonMetric> Metrics { get; init; }

        public required JsonEffort EffortModel { get; init; }

        public required IReadOnlyList<JsonVariant> Variants { get; init; }
    }
}
