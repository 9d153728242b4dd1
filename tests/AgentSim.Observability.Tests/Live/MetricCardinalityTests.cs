using System.Diagnostics;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// The AgentSim series a silo exports are bounded by the scenario, not by how long it runs: the same counter and gauge
/// series after 1,000 conversations as after 50,000 (histograms: within the scenario's bound), through the virtual-time
/// engine against the host's real telemetry.
/// </summary>
public sealed partial class MetricCardinalityTests
{
    private const long Early = 1_000;
    private const long Late = 50_000;

    [Theory]
    [InlineData("baseline")]
    [InlineData("defense-in-depth")]
    public async Task AgentSimSeries_After1000And50000Conversations_StayTheSame(string preset)
    {
        var ct = TestContext.Current.CancellationToken;
        var request = new RunRequest($"cardinality-{Guid.NewGuid():N}", Presets.GetText(preset), preset + ".yaml", null, Late, 2);
        var world = WorldCompiler.Compile(request);
        await using var host = await AgentSimHost.StartAsync(new AgentSimHostOptions { Silo = false, MetricsPort = 0 }, ct);
        using var http = new HttpClient();
        var early = new ScrapeAt(Early, () => Series(http.GetStringAsync(host.MetricsUri, ct).GetAwaiter().GetResult()));

        var clock = Stopwatch.StartNew();
        await Task.Run(() => PlainLoopEngine.Run(world, new RunOptions(request.Conversations, request.Parallelism), host.Metrics.Create(world), early, ct), ct);
        var late = Series(await http.GetStringAsync(host.MetricsUri, ct));

        Assert.NotNull(early.Series);
        Assert.True(early.Series.Count > 100, $"only {early.Series.Count} agentsim series after {early.StartedAt} conversations");

        // Counters and gauges: every series exists from the start (pre-created with 0), so the sets are equal.
        var earlyFlat = early.Series.Where(s => Histogram(s) is null).ToHashSet(StringComparer.Ordinal);
        var lateFlat = late.Where(s => Histogram(s) is null).ToHashSet(StringComparer.Ordinal);
        var appeared = lateFlat.Except(earlyFlat).Order(StringComparer.Ordinal).ToList();
        var vanished = earlyFlat.Except(lateFlat).Order(StringComparer.Ordinal).ToList();
        Assert.True(
            appeared.Count == 0 && vanished.Count == 0,
            $"{preset}: {earlyFlat.Count} counter and gauge series after {early.StartedAt} conversations, {lateFlat.Count} after {Late} ({clock.Elapsed.TotalSeconds:F1} s); "
            + $"new: {string.Join(", ", appeared.Take(20))}; gone: {string.Join(", ", vanished.Take(20))}");

        // Histograms cannot be pre-created without recording a fake observation, so a rare label set (a failover
        // provider on one channel, a kind of incident first detected late) appears when it first happens. What must
        // hold is that their label sets stay within the scenario's bounded sets: at most channels × providers turn
        // latency series, one per guardrail layer, one per incident kind, one per human queue.
        var bound = (6 * world.Providers.Length) + world.Guardrails.Length + 4 + world.Queues.Length;
        var labelSets = late.Select(Histogram).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        Assert.True(labelSets.Count <= bound, $"{preset}: {labelSets.Count} histogram label sets, more than the bound {bound}: {string.Join(", ", labelSets)}");
    }

    // The histogram and label set (without le) a histogram sample belongs to, or null for counters and gauges.
    private static string? Histogram(string series)
    {
        var brace = series.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? series : series[..brace];
        var labels = brace < 0 ? string.Empty : LeLabel().Replace(series[brace..], string.Empty);
        foreach (var suffix in new[] { "_bucket", "_sum", "_count" })
        {
            if (name.EndsWith(suffix, StringComparison.Ordinal) && name.EndsWith("_seconds" + suffix, StringComparison.Ordinal))
            {
                return name[..^suffix.Length] + labels;
            }
        }

        return null;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@",?le=""[^""]*""")]
    private static partial System.Text.RegularExpressions.Regex LeLabel();

    // Series identity: the sample line without its value (name and labels), for agentsim_* samples.
    private static HashSet<string> Series(string exposition) =>
        [.. exposition.Split('\n')
            .Where(line => line.StartsWith("agentsim_", StringComparison.Ordinal))
            .Select(line => line[..line.LastIndexOf(' ')])];

    private sealed class ScrapeAt(long conversations, Func<HashSet<string>> scrape) : IProgress<RunProgress>
    {
        public HashSet<string>? Series { get; private set; }

        public long StartedAt { get; private set; }

        public void Report(RunProgress value)
        {
            if (Series is null && value.Started >= conversations)
            {
                StartedAt = value.Started;
                Series = scrape();
            }
        }
    }
}
