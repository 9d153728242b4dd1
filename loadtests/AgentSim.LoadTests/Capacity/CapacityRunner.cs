using System.Globalization;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Capacity;

/// <summary>Runs <c>--find-capacity</c> from parsed options: the steps (each printed as it ends), the knee, the reports and the exit code.</summary>
public static class CapacityRunner
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The search's settings from the command line's options (the default SLO when no <c>--threshold</c> is given).</summary>
    public static CapacitySettings Settings(LoadOptions o) => new(
        o.Rate, o.MaxRate ?? o.Rate * 20, o.StepFactor ?? CapacitySettings.DefaultStepFactor, o.Step,
        o.StepDuration ?? CapacitySettings.DefaultStepDuration, o.Warmup,
        o.Thresholds is { Count: > 0 } given ? given : [.. CapacitySearch.DefaultSlo.Select(t => Threshold.Parse(t, out _)!)],
        o.Simulation == "inject-random", o.Seed, o.MaxInFlight);

    // Closes the step's live view (if any) and hands back the writer for the step's line.
    private static TextWriter EndLive(ref Reports.LiveView? live, TextWriter output)
    {
        live?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        live = null;
        return output;
    }

    /// <summary>Runs the search on <paramref name="target"/>; returns 0 when a knee was found, 3 when even the first step failed.</summary>
    public static async Task<int> RunAsync(LoadOptions options, ILoadTarget target, TextWriter output, TextWriter error, CancellationToken cancellation)
    {
        var settings = Settings(options);
        await output.WriteLineAsync(string.Create(C,
            $"Capacity search on {target.Name}: {settings.StartRate:0.##}/s to {settings.MaxRate:0.##}/s, {settings.Stepping}, {settings.StepDuration.TotalSeconds:0.###} s a step (warm-up {settings.Warmup.TotalSeconds:0.###} s first); SLO {string.Join(", ", settings.Slo.Select(t => t.Text))}.")).ConfigureAwait(false);
        // On an interactive terminal each step gets the live view while it runs, closed before the step's line is printed.
        Reports.LiveView? live = null;
        var search = new CapacitySearch(target, settings)
        {
            Probe = SiloProbe.For(options.MetricsUrl, target),
            OnStepStart = (index, rate) =>
            {
                live = Reports.LiveView.Start(output, options.NoLive, string.Create(C, $"step {index}: {rate:0.##}/s on {target.Name}"));
                return live is null ? null : live.Update;
            },
            OnStep = s => EndLive(ref live, output).WriteLine(string.Create(C,
                $"  step {s.Index,-3} offered {s.Offered,9:0.##}/s  achieved {s.Result.AchievedRate,9:0.##}/s  p50 {s.Result.ResponseTime.P50Ms,8:0.0} ms  p99 {s.Result.ResponseTime.P99Ms,8:0.0} ms  errors {s.ErrorPercent,6:0.##}%  dropped {s.DroppedPercent,6:0.##}%{CapacityReport.SimulationText(s)}  {s.Verdict}")),
        };
        var result = await search.RunAsync(cancellation).ConfigureAwait(false);
        await output.WriteLineAsync(result.Conclusion).ConfigureAwait(false);
        if (options.Out is not null)
        {
            await CapacityReport.WriteAsync(result, options.Out, cancellation).ConfigureAwait(false);
            await output.WriteLineAsync($"Reports: {string.Join(", ", Reports.ReportWriter.FileNames.Select(f => Path.Combine(options.Out, f)))}").ConfigureAwait(false);
        }

        if (result.Knee is null)
        {
            await error.WriteLineAsync($"capacity search failed: {result.Conclusion}").ConfigureAwait(false);
            return LoadTestRunner.ThresholdsFailed;
        }

        return 0;
    }
}
