using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentSim.Observability.Tests.Live;

/// <summary>
/// The real-time silo under load it cannot carry, as a process: in flight stays at the admission limit and the rest is
/// shed and counted, under a 768 MB heap limit (before the real-time clock, this command grew from 0.6 to 3.6 GB and
/// died with OutOfMemoryException); and time missed while the process was paused is reported, not replayed in a burst.
/// </summary>
public sealed partial class OverloadTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AnImpossibleRate_UnderAHeapLimit_StaysAtTheAdmissionLimit_AndShedsTheRest()
    {
        var heapLimit = new Dictionary<string, string> { ["DOTNET_GCHeapHardLimit"] = "0x30000000" };
        await using var silo = await SiloProcess.StartAsync(heapLimit, "--scenario", "baseline", "--rate", "100000", "--time-scale", "100");
        using var http = new HttpClient { BaseAddress = silo.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        double limit = 0, maxInFlight = 0, shed = 0, firstOffered = 0, lastOffered = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var firstAt = TimeSpan.Zero;
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2), Ct);
            var metrics = await http.GetStringAsync("/metrics", Ct);
            limit = Value(metrics, "agentsim_admission_limit");
            maxInFlight = Math.Max(maxInFlight, Value(metrics, "agentsim_conversations_in_flight"));
            shed = Value(metrics, "agentsim_arrivals_shed_total", "reason=\"admission\"");

            // Every arrival offered is either started or shed (over the limit, or skipped while lagging).
            lastOffered = Value(metrics, "agentsim_arrivals_shed_total") + Value(metrics, "agentsim_conversations_started_total");
            if (i == 0)
            {
                (firstOffered, firstAt) = (lastOffered, clock.Elapsed);
            }
        }

        var offeredPerSecond = (lastOffered - firstOffered) / (clock.Elapsed - firstAt).TotalSeconds;

        Assert.Null(silo.ExitCode);
        Assert.Equal(30_000, limit);
        Assert.True(maxInFlight <= limit, $"{maxInFlight} in flight against a limit of {limit}");
        Assert.True(maxInFlight >= 5_000, $"only {maxInFlight} in flight: the silo did not admit up to its limit");
        Assert.True(shed > 1_000_000, $"{shed} arrivals shed of about 10,000,000 a second offered");
        Assert.InRange(offeredPerSecond, 8_500_000, 11_500_000);
        using var ready = await http.GetAsync("/health/ready", Ct);
        Assert.True(ready.IsSuccessStatusCode, $"/health/ready answered {(int)ready.StatusCode}");
        Assert.DoesNotContain("OutOfMemory", silo.Output, StringComparison.Ordinal);
        Assert.Equal(0, await silo.StopAsync());
    }

    [Fact]
    public async Task APausedSilo_ReportsTheArrivalsItMissed_AndDoesNotReplayThem()
    {
        // 5 conversations per simulated second at time scale 20: 100 arrivals per wall second.
        await using var silo = await SiloProcess.StartAsync("--scenario", "baseline", "--rate", "5", "--time-scale", "20");
        using var http = new HttpClient { BaseAddress = silo.BaseUri, Timeout = TimeSpan.FromSeconds(10) };
        await Task.Delay(TimeSpan.FromSeconds(2), Ct);
        var before = await http.GetStringAsync("/metrics", Ct);
        await silo.SignalAsync("STOP");
        await Task.Delay(TimeSpan.FromSeconds(4), Ct);
        await silo.SignalAsync("CONT");
        await Task.Delay(TimeSpan.FromSeconds(1), Ct);
        var after = await http.GetStringAsync("/metrics", Ct);

        var skipped = Value(after, "agentsim_arrivals_shed_total", "reason=\"lag\"") - Value(before, "agentsim_arrivals_shed_total", "reason=\"lag\"");
        var started = Value(after, "agentsim_conversations_started_total") - Value(before, "agentsim_conversations_started_total");

        // About 5 s passed between the scrapes (4 paused): replayed, that is about 500 starts; skipped, about 100 (the second
        // after the pause, and what the generator had started before it stopped) while about 400 are reported as lag.
        Assert.InRange(skipped, 250, 550);
        Assert.InRange(started, 40, 300);
        Assert.Equal(0, await silo.StopAsync());
    }

    private static double Value(string metrics, string name, string? label = null) =>
        Sample().Matches(metrics)
            .Where(m => m.Groups["name"].Value == name && (label is null || m.Groups["labels"].Value.Contains(label, StringComparison.Ordinal)))
            .Sum(m => double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex(@"^(?<name>[a-z_]+)(?:\{(?<labels>[^}]*)\})? (?<value>\S+)$", RegexOptions.Multiline)]
    private static partial Regex Sample();
}
