using AgentSim.LoadTests.Capacity;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Reports;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;
using AgentSim.LoadTests.Telemetry;
using Spectre.Console;

namespace AgentSim.LoadTests;

/// <summary>Runs a load test from its command line: parse, open the target, drive it, report. Callable in-process (tests) as from <c>Program</c>.</summary>
public static class LoadTestRunner
{
    /// <summary>Exit code of a bad command line.</summary>
    public const int BadInput = 2;

    /// <summary>Exit code when the target could not be started or reached.</summary>
    public const int TargetFailed = 1;

    /// <summary>Exit code when a final threshold (<c>--threshold</c>) failed.</summary>
    public const int ThresholdsFailed = 3;

    /// <summary>Exit code when a runtime threshold (<c>--abort-on</c>) stopped the run.</summary>
    public const int Aborted = 4;

    /// <summary>Parses and runs <paramref name="args"/>, writing progress and the summary to <paramref name="output"/> and problems to <paramref name="error"/>; returns the exit code.</summary>
    public static Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellation = default) =>
        RunAsync(args, output, error, null, cancellation);

    /// <summary>
    /// As <see cref="RunAsync(string[], TextWriter, TextWriter, CancellationToken)"/>, but loading the target
    /// <paramref name="openTarget"/> gives (when not null) in place of the one <c>--target</c> names.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, Func<LoadOptions, ILoadTarget>? openTarget, CancellationToken cancellation = default)
    {
        var options = LoadOptionsParser.Parse(args, out var problems, out var help);
        if (help)
        {
            await output.WriteLineAsync(LoadOptions.Usage).ConfigureAwait(false);
            return 0;
        }

        var spec = options is null ? null : TargetSpec.Parse(options.Target, out var targetProblem) ?? Fail(ref problems, targetProblem!);
        var planProblems = new List<string>();
        var plan = options is null || options.FindCapacity ? null : options.Plan(planProblems);
        if (plan is not null && !plan.AllOpen)
        {
            planProblems.AddRange((options!.Thresholds ?? []).Concat(options.AbortOn ?? []).Where(t => t.Metric == ThresholdMetric.Achieved)
                .Select(t => $"threshold '{t.Text}': the achieved rate needs the open model (a target rate); the closed model has none."));
        }

        if (planProblems.Count > 0)
        {
            problems = [.. problems, .. planProblems];
        }

        if (options is null || spec is null || planProblems.Count > 0)
        {
            foreach (var problem in problems)
            {
                await error.WriteLineAsync($"error: {problem}").ConfigureAwait(false);
            }

            await error.WriteLineAsync("Run with --help for usage.").ConfigureAwait(false);
            return BadInput;
        }

        if (SimulationOptions.Problem(options, spec) is { } simulationProblem)
        {
            await error.WriteLineAsync($"error: {simulationProblem}\nRun with --help for usage.").ConfigureAwait(false);
            return BadInput;
        }


        var (metrics, metricsProblem) = await MetricsEndpoint.ForAsync(options, spec, output, cancellation).ConfigureAwait(false);
        if (metrics is null)
        {
            await error.WriteLineAsync($"error: {metricsProblem}").ConfigureAwait(false);
            return BadInput;
        }

        await using var metricsEndpoint = metrics.ConfigureAwait(false);
        DriverObserver.Current = metrics.Metrics;
        ILoadTarget target;
        try
        {
            target = openTarget?.Invoke(options) ?? await spec.OpenAsync(options, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await error.WriteLineAsync($"error: --target {options.Target}: could not start or reach it: {ex.Message}").ConfigureAwait(false);
            return TargetFailed;
        }

        await using (target.ConfigureAwait(false))
        {
            if (options.FindCapacity)
            {
                return await CapacityRunner.RunAsync(options, target, output, error, cancellation).ConfigureAwait(false);
            }

            var settings = options.Settings(plan!);

            await output.WriteLineAsync(LoadOptions.Describe(settings, target.Name)).ConfigureAwait(false);
            var live = LiveView.Start(output, options.NoLive, $"{target.Name}: {settings.Simulation}");
            var driver = new LoadDriver(target, settings)
            {
                OnAbort = reason => output.WriteLine($"  Stopping early: {reason}."),
                Probe = SiloProbe.For(options.MetricsUrl, target),
                OnSecond = live is not null ? live.Update : row => output.WriteLine($"  s{row.Second + 1,-4} target {row.Target,6}  achieved {row.Sent,6}  in flight {row.InFlight,6}  dropped {row.Dropped,5}  errors {row.Errors,5}  p50 {row.ResponseP50Ms,8:0.0} ms  p99 {row.ResponseP99Ms,8:0.0} ms"),
            };
            var result = await driver.RunAsync(cancellation).ConfigureAwait(false);
            if (live is not null)
            {
                await live.DisposeAsync().ConfigureAwait(false);
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            ConsoleSummary.Write(console, result);
            if (options.Out is not null)
            {
                await ReportWriter.WriteAsync(result, options.Out, cancellation).ConfigureAwait(false);
                await output.WriteLineAsync($"Reports: {string.Join(", ", ReportWriter.FileNames.Select(f => Path.Combine(options.Out, f)))}").ConfigureAwait(false);
            }

            if (result.AbortedBy is not null)
            {
                await error.WriteLineAsync($"aborted: {result.AbortedBy}").ConfigureAwait(false);
                return Aborted;
            }

            foreach (var failed in result.Thresholds.Where(t => !t.Passed))
            {
                await error.WriteLineAsync($"threshold failed: {failed.Threshold.Text} (measured {failed.MeasuredText})").ConfigureAwait(false);
            }

            return result.ThresholdsPassed ? 0 : ThresholdsFailed;
        }
    }

    private static TargetSpec? Fail(ref IReadOnlyList<string> problems, string problem)
    {
        problems = [.. problems, problem];
        return null;
    }
}
