using System.Globalization;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Simulation;
using AgentSim.LoadTests.Targets;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests.Capacity;

/// <summary>
/// The capacity search (<c>--find-capacity</c>): open-model steps at rising rates, each checked against the SLO, until a
/// step breaks it or the ceiling is reached. The knee is the last rate at which every SLO held.
/// </summary>
/// <param name="target">What is loaded.</param>
/// <param name="settings">The search.</param>
public sealed class CapacitySearch(ILoadTarget target, CapacitySettings settings)
{
    /// <summary>The SLO used when no <c>--threshold</c> is given.</summary>
    public static readonly IReadOnlyList<string> DefaultSlo = ["p99<250ms", "errors<1%", "dropped<1%", "achieved>=95%"];

    /// <summary>Called as each step finishes.</summary>
    public Action<CapacityStep>? OnStep { get; init; }

    /// <summary>Called as each step starts, with its number (from 1) and offered rate; what it returns sees each of the step's measured seconds (e.g. a live view), or null.</summary>
    public Func<int, double, Action<TimelineRow>?>? OnStepStart { get; init; }

    /// <summary>Reads the simulation's own metrics during each step (for simulation SLOs and the reports), or null.</summary>
    public ISimulationProbe? Probe { get; init; }

    /// <summary>The rates the search would try, in order, if no SLO broke.</summary>
    public static IReadOnlyList<double> Rates(CapacitySettings s)
    {
        var rates = new List<double> { s.StartRate };
        while (rates[^1] < s.MaxRate - 1e-9 && rates.Count < 1000)
        {
            var next = s.Step is { } add ? rates[^1] + add : rates[^1] * s.StepFactor;
            rates.Add(Math.Min(next, s.MaxRate));
        }

        return rates;
    }

    /// <summary>Runs the steps until one fails its SLO or the ceiling has been run; returns every step run.</summary>
    public async Task<CapacityResult> RunAsync(CancellationToken cancellation = default)
    {
        var steps = new List<CapacityStep>();
        foreach (var rate in Rates(settings))
        {
            var driverSettings = new DriverSettings(rate, settings.StepDuration, settings.Poisson, settings.Seed + steps.Count, settings.MaxInFlight,
                steps.Count == 0 ? settings.Warmup : TimeSpan.Zero, Thresholds: settings.Slo);
            var onSecond = OnStepStart?.Invoke(steps.Count + 1, rate);
            var result = await new LoadDriver(target, driverSettings) { Probe = Probe, OnSecond = onSecond }.RunAsync(cancellation).ConfigureAwait(false);
            var step = new CapacityStep(steps.Count + 1, rate, result);
            steps.Add(step);
            OnStep?.Invoke(step);
            // A broken simulation SLO marks the modelled infrastructure's knee; the search goes on to the silo's own
            // (its driver-measured SLO), so both are found. Without simulation SLOs this is the first failure.
            if (!step.SiloPassed || (!step.Passed && !settings.Slo.Any(t => !t.IsSimulation)))
            {
                break;
            }
        }

        return new CapacityResult(settings, target.Name, steps);
    }
}

/// <summary>A capacity search's settings.</summary>
/// <param name="StartRate">The first step's rate (<c>--rate</c>).</param>
/// <param name="MaxRate">The highest rate tried (<c>--max-rate</c>).</param>
/// <param name="StepFactor">Each rate is the last one's times this (ignored when <paramref name="Step"/> is given).</param>
/// <param name="Step">Each rate is the last one's plus this, or null to multiply by <paramref name="StepFactor"/>.</param>
/// <param name="StepDuration">Measured time of each step.</param>
/// <param name="Warmup">Time loaded at <paramref name="StartRate"/> before the first step (once).</param>
/// <param name="Slo">The thresholds every step must meet.</param>
/// <param name="Poisson">Poisson arrivals rather than constant spacing.</param>
/// <param name="Seed">Seed of the first step's Poisson arrivals (each step adds one).</param>
/// <param name="MaxInFlight">Cap on requests under way.</param>
public sealed record CapacitySettings(
    double StartRate, double MaxRate, double StepFactor, double? Step, TimeSpan StepDuration, TimeSpan Warmup,
    IReadOnlyList<Threshold> Slo, bool Poisson = false, int Seed = 1, int MaxInFlight = 1000)
{
    /// <summary>The default <see cref="StepFactor"/>.</summary>
    public const double DefaultStepFactor = 1.5;

    /// <summary>The default <see cref="StepDuration"/>.</summary>
    public static readonly TimeSpan DefaultStepDuration = TimeSpan.FromSeconds(10);

    /// <summary>How the rate rises, as text.</summary>
    public string Stepping => Step is { } add
        ? string.Create(CultureInfo.InvariantCulture, $"+{add:0.##}/s a step")
        : string.Create(CultureInfo.InvariantCulture, $"x{StepFactor:0.###} a step");
}

/// <summary>One step of a capacity search.</summary>
/// <param name="Index">Step number, from 1.</param>
/// <param name="Offered">The rate offered, arrivals a second.</param>
/// <param name="Result">What the step measured, with the SLO checked.</param>
public sealed record CapacityStep(int Index, double Offered, LoadResult Result)
{
    /// <summary>Whether every SLO held.</summary>
    public bool Passed => Result.ThresholdsPassed;

    /// <summary>Whether every SLO on the driver's own measurements held (the silo kept up: latency, errors, drops, achieved rate).</summary>
    public bool SiloPassed => Result.Thresholds.Where(t => !t.Threshold.IsSimulation).All(t => t.Passed);

    /// <summary>Whether every SLO on the simulation's own metrics held (the modelled infrastructure coped: rollbacks, context loss, abandonment).</summary>
    public bool InfrastructurePassed => Result.Thresholds.Where(t => t.Threshold.IsSimulation).All(t => t.Passed);

    /// <summary>The SLOs that broke.</summary>
    public IReadOnlyList<ThresholdResult> Broken => [.. Result.Thresholds.Where(t => !t.Passed)];

    /// <summary>Errors as a share of requests that ended, %.</summary>
    public double ErrorPercent => Result.Ok + Result.Errors == 0 ? 0 : 100.0 * Result.Errors / (Result.Ok + Result.Errors);

    /// <summary>Arrivals dropped as a share of those scheduled, %.</summary>
    public double DroppedPercent => Result.Scheduled == 0 ? 0 : 100.0 * Result.Dropped / Result.Scheduled;

    /// <summary><c>pass</c>, or <c>FAIL</c> and the SLOs that broke with their measured values.</summary>
    public string Verdict => Passed ? "pass" : "FAIL: " + string.Join(", ", Broken.Select(b => $"{b.Threshold.Text} (measured {b.MeasuredText})"));
}

/// <summary>A capacity search's outcome.</summary>
/// <param name="Settings">The search.</param>
/// <param name="TargetName">What was loaded.</param>
/// <param name="Steps">The steps run, in order; only the last may have failed.</param>
public sealed record CapacityResult(CapacitySettings Settings, string TargetName, IReadOnlyList<CapacityStep> Steps)
{
    /// <summary>The last step at which every SLO held, or null when even the first failed.</summary>
    public CapacityStep? Knee => Steps.TakeWhile(s => s.Passed).LastOrDefault();

    /// <summary>Whether the SLO has thresholds on the simulation's own metrics (so the two knees are told apart).</summary>
    public bool HasSimulationSlo => Settings.Slo.Any(t => t.IsSimulation);

    /// <summary>The silo's own knee: the last step before the first at which an SLO on the driver's measurements broke (null when the first did).</summary>
    public CapacityStep? SiloKnee => Steps.TakeWhile(s => s.SiloPassed).LastOrDefault();

    /// <summary>The modelled infrastructure's knee: the last step before the first at which a simulation SLO broke (null when the first did).</summary>
    public CapacityStep? InfrastructureKnee => Steps.TakeWhile(s => s.InfrastructurePassed).LastOrDefault();

    /// <summary>The first step at which an SLO on the driver's measurements broke, or null.</summary>
    public CapacityStep? SiloFailure => Steps.FirstOrDefault(s => !s.SiloPassed);

    /// <summary>The first step at which a simulation SLO broke, or null.</summary>
    public CapacityStep? InfrastructureFailure => Steps.FirstOrDefault(s => !s.InfrastructurePassed);

    /// <summary>The first step that broke an SLO, or null when none did up to the ceiling.</summary>
    public CapacityStep? FirstFailure => Steps.FirstOrDefault(s => !s.Passed);

    /// <summary>The conclusion: the knee, and with simulation SLOs both knees.</summary>
    public string Conclusion => HasSimulationSlo ? OverallConclusion + " " + Knees : OverallConclusion;

    /// <summary>The two knees in a sentence: the modelled infrastructure's (simulation SLOs) and the silo's own (driver SLOs).</summary>
    public string Knees => string.Create(CultureInfo.InvariantCulture,
        $"Modelled infrastructure's knee: {KneeText(InfrastructureKnee, InfrastructureFailure)}; silo's own knee: {KneeText(SiloKnee, SiloFailure)}.");

    /// <summary>A knee and the first step past it as text.</summary>
    public static string KneeText(CapacityStep? knee, CapacityStep? failure) => (knee, failure) switch
    {
        (null, { } f) => string.Create(CultureInfo.InvariantCulture, $"none (broken from the first step, {f.Offered:0.##}/s)"),
        ({ } k, null) => string.Create(CultureInfo.InvariantCulture, $"{k.Offered:0.##}/s or above (held at every step)"),
        ({ } k, { } f) => string.Create(CultureInfo.InvariantCulture, $"{k.Offered:0.##}/s (broken at {f.Offered:0.##}/s)"),
        _ => "not measured",
    };

    private string OverallConclusion => (Knee, FirstFailure) switch
    {
        (null, { } f) => string.Create(CultureInfo.InvariantCulture, $"No knee: even the first step ({f.Offered:0.##}/s) broke the SLO: {f.Verdict[6..]}."),
        ({ } k, null) => string.Create(CultureInfo.InvariantCulture, $"Knee at {k.Offered:0.##}/s or above: every SLO held up to --max-rate {Settings.MaxRate:0.##}/s."),
        ({ } k, { } f) => string.Create(CultureInfo.InvariantCulture, $"Knee at {k.Offered:0.##}/s (achieved {k.Result.AchievedRate:0.##}/s); first failing rate {f.Offered:0.##}/s: {f.Verdict[6..]}."),
        _ => "No steps were run.",
    };
}
