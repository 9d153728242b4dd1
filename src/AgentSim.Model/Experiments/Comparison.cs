using AgentSim.Model.Configuration;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;

namespace AgentSim.Model.Experiments;

/// <summary>One variant of a comparison: a name, what it is, and how to load its scenario afresh (each run gets its own copy).</summary>
/// <param name="Name">Short name (a placement, a scenario, <c>PATH=value</c>).</param>
/// <param name="Description">What it is, in a sentence.</param>
/// <param name="Load">Loads the variant's validated scenario.</param>
/// <param name="X">The swept value, for a sweep.</param>
/// <param name="Notes">What building the variant decided that a reader should know.</param>
public sealed record ExperimentVariant(string Name, string Description, Func<ScenarioConfig> Load, double? X = null, IReadOnlyList<string>? Notes = null)
{
    /// <summary>
    /// The variant's scenario text, for running it where <see cref="Load"/> cannot reach (a cluster's silos compile it from
    /// the text); null when the variant was built in code only.
    /// </summary>
    public VariantScenarioText? Text { get; init; }
}

/// <summary>The scenario text of a variant and the file name its problems are reported against; loading it gives the variant's scenario.</summary>
/// <param name="Yaml">The scenario YAML.</param>
/// <param name="FileName">The name problems are reported against.</param>
public sealed record VariantScenarioText(string Yaml, string FileName);

/// <summary>One run of a variant: the world it was compiled to (here) and its outcome.</summary>
/// <param name="World">The run's compiled world (seed applied).</param>
/// <param name="Outcome">The run's merged totals.</param>
public sealed record ExperimentRun(World World, RunOutcome Outcome);

/// <summary>
/// Runs one replication of a variant — its scenario with <paramref name="seed"/> for <paramref name="conversations"/>
/// conversations — wherever it runs (this process, a cluster); the results must not depend on where.
/// </summary>
/// <param name="variant">The variant.</param>
/// <param name="seed">The replication's seed, replacing the scenario's.</param>
/// <param name="conversations">Conversations in the run.</param>
/// <param name="cancellation">Stops the run.</param>
public delegate Task<ExperimentRun> ExperimentRunner(ExperimentVariant variant, ulong seed, long conversations, CancellationToken cancellation);

/// <summary>How a comparison runs.</summary>
/// <param name="Conversations">Conversations per run.</param>
/// <param name="Replications">Runs per variant, each with its own seed; every variant gets the same seeds.</param>
/// <param name="BaseSeed">Replication i runs with seed BaseSeed + i.</param>
/// <param name="Effort">The effort model behind the guardrail tax.</param>
/// <param name="Parallelism">Runs side by side (each run on one shard; results do not depend on it).</param>
public sealed record ComparisonSettings(long Conversations, int Replications, ulong BaseSeed, EffortModel Effort, int Parallelism = 1)
{
    /// <summary>The seed of every replication.</summary>
    public IReadOnlyList<ulong> Seeds => [.. Enumerable.Range(0, Replications).Select(i => unchecked(BaseSeed + (ulong)i))];
}

/// <summary>One run: its replication, seed and every metric's value.</summary>
public sealed record ReplicationRun(int Replication, ulong Seed, IReadOnlyDictionary<string, double> Values);

/// <summary>One variant's runs, each metric's mean with its 95% interval, and its paired difference from the baseline.</summary>
public sealed record VariantResult
{
    /// <summary>Short name.</summary>
    public required string Name { get; init; }

    /// <summary>What it is.</summary>
    public required string Description { get; init; }

    /// <summary>The scenario name it ran under.</summary>
    public required string Scenario { get; init; }

    /// <summary>The swept value, for a sweep.</summary>
    public double? X { get; init; }

    /// <summary>What building the variant decided.</summary>
    public required IReadOnlyList<string> Notes { get; init; }

    /// <summary>Placement as results.json names it.</summary>
    public required string Placement { get; init; }

    /// <summary>Placement by guardrail kind.</summary>
    public required IReadOnlyDictionary<string, string> PlacementByKind { get; init; }

    /// <summary>The runs, by replication.</summary>
    public required IReadOnlyList<ReplicationRun> Runs { get; init; }

    /// <summary>Mean and 95% t interval over replications, by metric key.</summary>
    public required IReadOnlyDictionary<string, Estimate> Estimates { get; init; }

    /// <summary>This variant minus the baseline, paired by replication (same seed, same conversations), by metric key; null for the baseline itself.</summary>
    public IReadOnlyDictionary<string, Estimate>? Differences { get; init; }
}

/// <summary>A comparison's variants and what they ran with.</summary>
public sealed record ComparisonResult
{
    /// <summary>placements, scenarios or sweep.</summary>
    public required string Kind { get; init; }

    /// <summary>For a sweep: the swept path.</summary>
    public string? SweepPath { get; init; }

    /// <summary>How it ran.</summary>
    public required ComparisonSettings Settings { get; init; }

    /// <summary>The variant every difference is taken from (the first).</summary>
    public string Baseline => Variants[0].Name;

    /// <summary>The variants, in order.</summary>
    public required IReadOnlyList<VariantResult> Variants { get; init; }
}

/// <summary>
/// Runs every variant for every replication with common random numbers — replication i of every variant uses the same
/// seed, so the same customers arrive at the same instants with the same intents, channels and utterances, and
/// guardrails draw from a stream of their own — then estimates each metric's mean with a 95% t interval over the
/// replications and each variant's difference from the first as a paired t interval.
/// </summary>
public static class ComparisonRunner
{
    /// <summary>Progress: runs done of all runs, and the run that just ended.</summary>
    public sealed record Progress(int Done, int Total, string Variant, int Replication);

    /// <summary>Runs the comparison in this process (<see cref="InProcess"/>).</summary>
    public static ComparisonResult Run(string kind, IReadOnlyList<ExperimentVariant> variants, ComparisonSettings settings, string? sweepPath = null, IProgress<Progress>? progress = null, CancellationToken cancellation = default) =>
        RunAsync(kind, variants, settings, sweepPath, progress, null, cancellation).GetAwaiter().GetResult();

    /// <summary>
    /// Runs one replication in this process: the variant's scenario loaded afresh, the seed applied, on the plain loop with
    /// one shard.
    /// </summary>
    public static Task<ExperimentRun> InProcess(ExperimentVariant variant, ulong seed, long conversations, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(variant);
        var config = variant.Load();
        config.Seed = seed;
        var world = World.Compile(config);
        var outcome = PlainLoopEngine.Run(world, new RunOptions(conversations, 1), cancellation: cancellation);
        return Task.FromResult(new ExperimentRun(world, outcome));
    }

    /// <summary>
    /// Runs the comparison, each run through <paramref name="runOne"/> (null: <see cref="InProcess"/>), up to
    /// <see cref="ComparisonSettings.Parallelism"/> side by side; the result does not depend on either.
    /// </summary>
    public static async Task<ComparisonResult> RunAsync(string kind, IReadOnlyList<ExperimentVariant> variants, ComparisonSettings settings, string? sweepPath = null, IProgress<Progress>? progress = null, ExperimentRunner? runOne = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(settings);
        if (variants.Count == 0)
        {
            throw new ArgumentException("a comparison needs at least one variant", nameof(variants));
        }

        runOne ??= InProcess;
        var seeds = settings.Seeds;
        var total = variants.Count * seeds.Count;
        var runs = new ReplicationRun[total];
        var placements = new (string Placement, IReadOnlyDictionary<string, string> ByKind, string Scenario)[variants.Count];
        var done = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, total), new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, settings.Parallelism), CancellationToken = cancellation }, async (i, ct) =>
        {
            var (v, r) = (i / seeds.Count, i % seeds.Count);
            var (world, outcome) = await runOne(variants[v], seeds[r], settings.Conversations, ct);
            var results = ResultsBuilder.Build(world, outcome);
            runs[i] = new ReplicationRun(r, seeds[r], ExperimentMetric.All.ToDictionary(m => m.Key, m => m.Read(results, outcome, settings.Effort), StringComparer.Ordinal));
            if (r == 0)
            {
                placements[v] = (results.Placement, results.PlacementByKind, results.Scenario);
            }

            var n = Interlocked.Increment(ref done);
            progress?.Report(new Progress(n, total, variants[v].Name, r));
        });

        var results = new List<VariantResult>();
        for (var v = 0; v < variants.Count; v++)
        {
            var own = runs.Skip(v * seeds.Count).Take(seeds.Count).ToList();
            var baseline = runs.Take(seeds.Count).ToList();
            results.Add(new VariantResult
            {
                Name = variants[v].Name,
                Description = variants[v].Description,
                Scenario = placements[v].Scenario,
                X = variants[v].X,
                Notes = variants[v].Notes ?? [],
                Placement = placements[v].Placement,
                PlacementByKind = placements[v].ByKind,
                Runs = own,
                Estimates = ExperimentMetric.All.ToDictionary(m => m.Key, m => Statistics.Mean([.. own.Select(x => x.Values[m.Key])]), StringComparer.Ordinal),
                Differences = v == 0
                    ? null
                    : ExperimentMetric.All.ToDictionary(
                        m => m.Key,
                        m => Statistics.PairedDifference([.. baseline.Select(x => x.Values[m.Key])], [.. own.Select(x => x.Values[m.Key])]),
                        StringComparer.Ordinal),
            });
        }

        return new ComparisonResult { Kind = kind, SweepPath = sweepPath, Settings = settings, Variants = results };
    }
}
