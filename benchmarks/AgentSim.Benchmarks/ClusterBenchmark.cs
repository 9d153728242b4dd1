using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using AgentSim.Host.Hosting;

namespace AgentSim.Benchmarks;

/// <summary>
/// A virtual-time run in one process against the same run on a cluster of silo processes (a <c>redis-server</c> of its
/// own, <c>agentsim silo --clustering redis</c> processes, the run an Orleans client), and the same cluster run with one
/// silo killed (<c>kill -9</c>) part-way: wall time and conversations a second for each, whether every
/// <c>results.json</c> is the one-process run's byte for byte, how long the killed silo took to be declared dead and what
/// the survivors rebuilt from the run's checkpoints. Every run is a fresh <c>agentsim</c> process, client start included.
/// </summary>
public static class ClusterBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs the benchmark: <c>[--conversations N] [--silos N] [--repeat N] [--kill-after SECONDS]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var conversations = Option(args, "--conversations", 200_000);
        var silos = (int)Option(args, "--silos", 3);
        var repeat = (int)Option(args, "--repeat", 2);
        var killAfter = Option(args, "--kill-after", 4);
        var cli = Path.Combine(AppContext.BaseDirectory, "agentsim.dll");
        var work = Directory.CreateTempSubdirectory("agentsim-cluster-bench-").FullName;
        string[] run = ["run", "baseline", "--seed", "5", "--conversations", conversations.ToString(C), "--parallelism", "12"];
        Console.WriteLine(string.Create(C, $"AgentSim cluster benchmark: {Environment.ProcessorCount} cores, .NET {Environment.Version}; baseline, {conversations:N0} conversations, parallelism 12; {silos} silo processes and redis-server on this machine; each run a fresh process, {repeat}×"));

        var redisPort = FreePorts.Take(1)[0];
        var redis = $"127.0.0.1:{redisPort}";
        var clusterId = "bench-" + Guid.NewGuid().ToString("N")[..8];
        var processes = new List<Process>();
        var logs = new List<StringBuilder>();
        try
        {
            processes.Add(Start("redis-server", ["--port", redisPort.ToString(C), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", work], new StringBuilder()));
            for (var i = 0; i < silos; i++)
            {
                var log = new StringBuilder();
                logs.Add(log);
                processes.Add(Start("dotnet", [cli, "silo", "--clustering", "redis", "--redis", redis, "--cluster-id", clusterId, "--urls", "http://127.0.0.1:0"], log));
            }

            var ready = Stopwatch.StartNew();
            while (await ActiveAsync(redis, clusterId) < silos)
            {
                if (ready.Elapsed > TimeSpan.FromSeconds(60))
                {
                    Console.Error.WriteLine($"the {silos} silos did not become active within 60 s:\n{string.Join("\n", logs.Select(l => l.ToString()))}");
                    return 1;
                }

                await Task.Delay(200);
            }

            Console.WriteLine("| run | wall s (each) | conversations/s (best) | results.json |");
            Console.WriteLine("| --- | ---: | ---: | --- |");
            string? reference = null;
            var failed = false;
            foreach (var (name, extra) in new[] { ("one process", Array.Empty<string>()), ($"{silos} silos", ["--clustering", "redis", "--redis", redis, "--cluster-id", clusterId]) })
            {
                var walls = new List<double>();
                var same = true;
                for (var r = 0; r < repeat; r++)
                {
                    var (wall, hash, error) = await RunAsync(cli, [.. run, .. extra], Path.Combine(work, $"{name.Replace(' ', '-')}-{r}"), null);
                    if (error is not null)
                    {
                        Console.Error.WriteLine(error);
                        return 1;
                    }

                    reference ??= hash;
                    same &= hash == reference;
                    walls.Add(wall);
                }

                failed |= !same;
                Console.WriteLine(string.Create(C, $"| {name} | {string.Join(", ", walls.Select(w => w.ToString("F1", C)))} | {conversations / walls.Min():N0} | {(same ? "identical" : "DIFFERENT")} |"));
            }

            // The same cluster run, one silo killed part-way.
            var victim = processes[2];
            Task<double?> declaredDead = Task.FromResult<double?>(null);
            var (crashWall, crashHash, crashError) = await RunAsync(cli, [.. run, "--clustering", "redis", "--redis", redis, "--cluster-id", clusterId], Path.Combine(work, "crash"), async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(killAfter));
                victim.Kill();
                declaredDead = SecondsUntilDeadAsync(redis, clusterId);
            });
            if (crashError is not null)
            {
                Console.Error.WriteLine(crashError);
                return 1;
            }

            var identical = crashHash == reference;
            failed |= !identical;
            Console.WriteLine(string.Create(C, $"| {silos} silos, kill -9 of one {killAfter} s in | {crashWall:F1} | {conversations / crashWall:N0} | {(identical ? "identical" : "DIFFERENT")} |"));
            var replays = logs.Skip(2).SelectMany(l => l.ToString().Split('\n')).Where(l => l.Contains("from the run's checkpoints", StringComparison.Ordinal)).ToList();
            var times = replays.Select(l => l[(l.LastIndexOf("replayed in ", StringComparison.Ordinal) + 12)..].Split(' ')[0]).Select(t => int.Parse(t, C)).ToList();
            var dead = await declaredDead;
            Console.WriteLine(string.Create(C, $"killed silo declared dead after {(dead is { } d ? $"{d:F1} s" : "more than 60 s")}; survivors rebuilt {replays.Count} grains from the run's checkpoints (each in {(times.Count > 0 ? $"{times.Min()} – {times.Max()}" : "–")} ms)"));
            return failed ? 1 : 0;
        }
        finally
        {
            foreach (var process in processes.AsEnumerable().Reverse())
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }

                process.Dispose();
            }

            Directory.Delete(work, recursive: true);
        }
    }

    // One `agentsim run` as a fresh process: its wall time, the SHA-256 of its results.json, or what it printed on failure.
    private static async Task<(double Wall, string Hash, string? Error)> RunAsync(string cli, string[] args, string output, Func<Task>? during)
    {
        var log = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Start("dotnet", [cli, .. args, "--out", output], log);
        if (during is not null)
        {
            await during();
        }

        await process.WaitForExitAsync();
        clock.Stop();
        var results = Path.Combine(output, "results.json");
        if (process.ExitCode != 0 || !File.Exists(results))
        {
            return (0, "", $"agentsim {string.Join(' ', args)} failed (exit {process.ExitCode}):\n{log}");
        }

        return (clock.Elapsed.TotalSeconds, Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(results))), null);
    }

    private static Process Start(string file, string[] args, StringBuilder log)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private static async Task<int> ActiveAsync(string redis, string clusterId)
    {
        try
        {
            return await AgentSimClusterClient.ActiveSilosAsync(redis, clusterId);
        }
        catch (StackExchange.Redis.RedisException)
        {
            return 0;
        }
    }

    // Seconds from now until the membership table records a dead silo (null past a minute).
    private static async Task<double?> SecondsUntilDeadAsync(string redis, string clusterId)
    {
        var clock = Stopwatch.StartNew();
        await using var connection = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(ClusterTuning.RedisConfiguration(redis));
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            if (await MembershipWatch.CountAsync(connection.GetDatabase(), clusterId, SiloStatus.Dead) > 0)
            {
                return clock.Elapsed.TotalSeconds;
            }

            await Task.Delay(50);
        }

        return null;
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? long.Parse(args[at + 1], C) : fallback;
    }
}
