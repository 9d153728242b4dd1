using System.Diagnostics;
using System.Globalization;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Model.Engine;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Benchmarks;

/// <summary>
/// Throughput of the baseline preset two ways in one run: the Orleans engine on an in-process silo, and the same
/// Model driven as a plain single-threaded loop (the cost floor). Prints conversations/s and turns/s and checks the
/// targets: Orleans at least the plain loop's throughput, 1,000,000 conversations within 7 s (150,000/s), and at most
/// 6 KB allocated per conversation. Also prints the engine's fixed cost: silo start-up and the JIT warm-up runs.
/// </summary>
public static class EngineBenchmark
{
    /// <summary>Runs the benchmark: <c>[--conversations N] [--scenario NAME] [--parallelism N] [--warmup N]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = Arg(args, "--conversations", 1_000_000L);
        var warmup = Arg(args, "--warmup", 50_000L);
        var parallelism = (int)Arg(args, "--parallelism", Environment.ProcessorCount);
        var scenario = Value(args, "--scenario") ?? "baseline";
        var yaml = Presets.ResolveText(scenario);
        var c = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(c, $"AgentSim engine benchmark: {scenario}, {conversations:N0} conversations, {Environment.ProcessorCount} cores, .NET {Environment.Version}, server GC {System.Runtime.GCSettings.IsServerGC}"));

        var startClock = Stopwatch.StartNew();
        await using var host = await AgentSimHost.StartAsync(new AgentSimHostOptions());
        startClock.Stop();
        Console.WriteLine(string.Create(c, $"  silo start-up (fixed cost of the Orleans engine): {startClock.Elapsed.TotalSeconds:F2} s"));
        var rows = new List<Row>();
        var warmups = new List<Row>();
        for (var pass = 0; pass < 2; pass++)
        {
            var n = pass == 0 ? warmup : conversations;
            var label = pass == 0 ? "warm-up" : "measured";
            var plain = await Measure($"plain loop (1 thread), {label}", yaml, n, () =>
            {
                var world = WorldCompiler.Compile(Request(yaml, n, 1));
                return Task.FromResult(PlainLoopEngine.Run(world, new RunOptions(n, 1)));
            });
            var orleans = await Measure($"Orleans engine ({parallelism} shards), {label}", yaml, n, () =>
            {
                var request = Request(yaml, n, parallelism);
                return host.RunAsync(request, WorldCompiler.Compile(request));
            });
            if (pass == 0)
            {
                warmups.Add(plain);
                warmups.Add(orleans);
            }
            else
            {
                rows.Add(plain);
                rows.Add(orleans);
                if (!ResultsJson.Serialize(plain.Results).Equals(ResultsJson.Serialize(orleans.Results), StringComparison.Ordinal))
                {
                    Console.WriteLine("ERROR: the two engines gave different results.");
                    return 1;
                }
            }
        }

        Console.WriteLine();
        Console.WriteLine("| engine | conversations | wall s | conversations/s | turns/s | CPU s | conversations/CPU s | allocated MB | KB/conversation |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            Console.WriteLine(string.Create(c, $"| {r.Name} | {r.Conversations:N0} | {r.Seconds:F2} | {r.Conversations / r.Seconds:N0} | {r.Turns / r.Seconds:N0} | {r.CpuSeconds:F2} | {r.Conversations / r.CpuSeconds:N0} | {r.AllocatedBytes / 1e6:N0} | {r.AllocatedBytes / 1e3 / r.Conversations:F1} |"));
        }

        var ratio = rows[1].Seconds > 0 ? (rows[1].Conversations / rows[1].Seconds) / (rows[0].Conversations / rows[0].Seconds) : 0;
        var projected = 1_000_000 / (rows[1].Conversations / rows[1].Seconds);
        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"Orleans / plain loop throughput: {ratio:P0} (target >= 100%): {(ratio >= 1 ? "met" : "MISSED")}"));
        Console.WriteLine(string.Create(c, $"1,000,000 conversations on the Orleans engine: {projected:F1} s (target <= 7 s): {(projected <= 7 ? "met" : "MISSED")}"));
        var kb = rows[1].AllocatedBytes / 1e3 / rows[1].Conversations;
        Console.WriteLine(string.Create(c, $"Orleans engine allocation: {kb:F1} KB/conversation (target <= 6 KB): {(kb <= 6 ? "met" : "MISSED")}"));
        Console.WriteLine(string.Create(c, $"Fixed cost: silo start-up {startClock.Elapsed.TotalSeconds:F2} s; first {warmup:N0}-conversation runs (JIT warm-up) {warmups[0].Seconds:F2} s plain loop, {warmups[1].Seconds:F2} s Orleans engine"));
        return 0;
    }

    private static async Task<Row> Measure(string name, string yaml, long n, Func<Task<RunOutcome>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var gcs = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
        var paused = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        var outcome = await run();
        clock.Stop();
        var cpuSeconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var gcText = string.Create(CultureInfo.InvariantCulture, $"GCs gen0/1/2 {GC.CollectionCount(0) - gcs.Item1}/{GC.CollectionCount(1) - gcs.Item2}/{GC.CollectionCount(2) - gcs.Item3}, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:F2} s");
        var world = WorldCompiler.Compile(Request(yaml, n, 1));
        var results = ResultsBuilder.Build(world, outcome);
        var turns = results.Latency.Values.Sum(l => l.Turns);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name}: {clock.Elapsed.TotalSeconds:F2} s, {n / clock.Elapsed.TotalSeconds:N0} conversations/s, {turns / clock.Elapsed.TotalSeconds:N0} turns/s, {cpuSeconds:F2} CPU s, {gcText}"));
        return new Row(name, n, turns, clock.Elapsed.TotalSeconds, cpuSeconds, GC.GetTotalAllocatedBytes(precise: false) - allocated, results);
    }

    private static RunRequest Request(string yaml, long n, int parallelism) =>
        new($"bench-{Guid.NewGuid():N}", yaml, "presets/benchmark.yaml", null, n, parallelism);

    private static long Arg(string[] args, string name, long fallback) =>
        Value(args, name) is { } v && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var x) ? x : fallback;

    private static string? Value(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }

    private sealed record Row(string Name, long Conversations, long Turns, double Seconds, double CpuSeconds, long AllocatedBytes, RunResults Results);
}
