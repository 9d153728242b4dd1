using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AgentSim.Benchmarks;

/// <summary>
/// The real-time silo's sustainable new conversations per second: for each offered rate, a fresh
/// <c>agentsim silo --scenario baseline --rate 0 --time-scale 100</c> process is driven through its Orleans gateway by an
/// Orleans client (open model: starts scheduled on the clock, never waiting for answers) and through HTTP by
/// <c>hey</c>; after a warm-up the silo's own metrics give the achieved rate, the shed arrivals and the overhead
/// p50/p99 (wall time beyond the scaled simulated time, from the silo's histogram); the silo's CPU comes from /proc.
/// </summary>
public static partial class RealtimeBenchmark
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Runs it: <c>realtime [--rates 1000,2000,5000] [--seconds 20] [--warmup 5] [--drivers orleans,hey] [--time-scale 100]</c>.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var rates = (Value(args, "--rates") ?? "1000,2000,3000,5000").Split(',').Select(r => double.Parse(r, C)).ToArray();
        var seconds = double.Parse(Value(args, "--seconds") ?? "20", C);
        var warmup = double.Parse(Value(args, "--warmup") ?? "5", C);
        var drivers = (Value(args, "--drivers") ?? "orleans,hey").Split(',');
        var timeScale = Value(args, "--time-scale") ?? "100";
        var maxInFlight = Value(args, "--max-in-flight") ?? "200000";
        Console.WriteLine($"AgentSim real-time benchmark: baseline, time scale {timeScale}, {Environment.ProcessorCount} cores, .NET {Environment.Version}; {warmup} s warm-up, {seconds} s measured per point");
        Console.WriteLine("| driver | offered/s | achieved/s | shed | overhead p50 ms | overhead p99 ms | silo CPU cores | in flight at end | silo RSS MB |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var driver in drivers)
        {
            foreach (var rate in rates)
            {
                var row = await MeasureAsync(driver, rate, warmup, seconds, timeScale, maxInFlight);
                Console.WriteLine(row);
            }
        }

        return 0;
    }

    private static async Task<string> MeasureAsync(string driver, double rate, double warmup, double seconds, string timeScale, string maxInFlight)
    {
        var http = FreePort();
        var gateway = FreePort();
        var clusterId = $"bench-{Guid.NewGuid():N}";
        using var silo = StartSilo(http, gateway, clusterId, timeScale, maxInFlight);
        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{http}"), Timeout = TimeSpan.FromSeconds(10) };
        await WaitReadyAsync(client);
        try
        {
            Func<double, Task> drive = driver switch
            {
                "orleans" => await OrleansDriverAsync(gateway, clusterId, rate),
                "hey" => duration => HeyAsync(http, rate, duration),
                _ => throw new ArgumentException($"--drivers: '{driver}' is not orleans or hey"),
            };
            var warm = drive(warmup + seconds);
            await Task.Delay(TimeSpan.FromSeconds(warmup));
            var before = await client.GetStringAsync("/metrics");
            var cpuBefore = CpuSeconds(silo.Id);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds));
            var after = await client.GetStringAsync("/metrics");
            var cpu = (CpuSeconds(silo.Id) - cpuBefore) / clock.Elapsed.TotalSeconds;
            await warm;
            var started = Sum(after, "agentsim_conversations_started_total") - Sum(before, "agentsim_conversations_started_total");
            var shed = Sum(after, "agentsim_arrivals_shed_total") - Sum(before, "agentsim_arrivals_shed_total");
            var (p50, p99) = Quantiles(before, after);
            return string.Create(C, $"| {driver} | {rate:N0} | {started / clock.Elapsed.TotalSeconds:N0} | {shed:N0} | {p50 * 1000:F1} | {p99 * 1000:F1} | {cpu:F2} | {Sum(after, "agentsim_conversations_in_flight"):N0} | {Rss(silo.Id):N0} |");
        }
        finally
        {
            silo.Kill(entireProcessTree: true);
            await silo.WaitForExitAsync();
        }
    }

    // An Orleans client on the silo's gateway, starting conversations on a fixed schedule (constant spacing) for the given time.
    private static async Task<Func<double, Task>> OrleansDriverAsync(int gateway, string clusterId, double rate)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(c => c.UseLocalhostClustering(gateway, clusterId, clusterId));
        var host = builder.Build();
        await host.StartAsync();
        var ingress = host.Services.GetRequiredService<IClusterClient>().GetGrain<IIngressGrain>(0);
        await ingress.StartConversationAsync(new ConversationSpec());
        return async duration =>
        {
            var spec = new ConversationSpec();
            var clock = Stopwatch.StartNew();
            var pending = new List<Task>();
            for (long n = 0; clock.Elapsed.TotalSeconds < duration; n++)
            {
                var due = n / rate;
                var wait = due - clock.Elapsed.TotalSeconds;
                if (wait > 0.001)
                {
                    await Task.Delay(TimeSpan.FromSeconds(wait));
                }

                pending.Add(ingress.StartConversationAsync(spec));
                if (pending.Count > 10_000)
                {
                    pending.RemoveAll(t => t.IsCompleted);
                }
            }

            await Task.WhenAll(pending);
            await host.StopAsync();
            host.Dispose();
        };
    }

    private static async Task HeyAsync(int port, double rate, double duration)
    {
        const int Workers = 50;
        var start = new ProcessStartInfo("hey") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-z", string.Create(C, $"{duration:F0}s"), "-c", Workers.ToString(C), "-q", string.Create(C, $"{Math.Max(1, rate / Workers):F0}"), "-m", "POST", $"http://127.0.0.1:{port}/api/conversations" })
        {
            start.ArgumentList.Add(a);
        }

        using var hey = Process.Start(start) ?? throw new InvalidOperationException("hey did not start; install it (apt-get install hey)");
        await hey.StandardOutput.ReadToEndAsync();
        await hey.WaitForExitAsync();
    }

    private static Process StartSilo(int http, int gateway, string clusterId, string timeScale, string maxInFlight)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "agentsim.dll"), "silo", "--scenario", "baseline", "--rate", "0", "--time-scale", timeScale,
            "--max-in-flight", maxInFlight, "--urls", $"http://127.0.0.1:{http}", "--gateway-port", gateway.ToString(C), "--cluster-id", clusterId })
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start agentsim silo");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitReadyAsync(HttpClient client)
    {
        for (var i = 0; i < 150; i++)
        {
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the silo did not become ready");
    }

    // Quantiles of the overhead histogram's increase between two scrapes, interpolated within buckets as histogram_quantile does.
    private static (double P50, double P99) Quantiles(string before, string after)
    {
        var b = Buckets(before);
        var a = Buckets(after);
        var bounds = a.Keys.Order().ToArray();
        var counts = bounds.Select(le => a[le] - b.GetValueOrDefault(le)).ToArray();
        var total = counts[^1];
        double Q(double q)
        {
            var rank = q * total;
            for (var i = 0; i < bounds.Length; i++)
            {
                if (counts[i] >= rank)
                {
                    var lower = i == 0 ? 0 : bounds[i - 1];
                    var below = i == 0 ? 0 : counts[i - 1];
                    return double.IsPositiveInfinity(bounds[i]) ? lower : lower + ((bounds[i] - lower) * (rank - below) / Math.Max(1, counts[i] - below));
                }
            }

            return double.NaN;
        }

        return total <= 0 ? (double.NaN, double.NaN) : (Q(0.5), Q(0.99));
    }

    private static Dictionary<double, double> Buckets(string metrics) =>
        BucketLine().Matches(metrics).ToDictionary(
            m => m.Groups["le"].Value == "+Inf" ? double.PositiveInfinity : double.Parse(m.Groups["le"].Value, C),
            m => double.Parse(m.Groups["v"].Value, C));

    private static double Sum(string metrics, string name) =>
        SampleLine().Matches(metrics).Where(m => m.Groups["name"].Value == name).Sum(m => double.Parse(m.Groups["v"].Value, C));

    private static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (double.Parse(fields[11], C) + double.Parse(fields[12], C)) / 100.0;
    }

    private static double Rss(int pid) =>
        double.Parse(File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], C) / 1024;

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    private static string? Value(string[] args, string name) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;

    [GeneratedRegex(@"^agentsim_realtime_overhead_seconds_bucket\{[^}]*le=""(?<le>[^""]+)""[^}]*\} (?<v>\S+)$", RegexOptions.Multiline)]
    private static partial Regex BucketLine();

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{[^}]*\})? (?<v>\S+)$", RegexOptions.Multiline)]
    private static partial Regex SampleLine();
}
