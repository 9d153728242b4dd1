using System.Globalization;
using AgentSim.LoadTests.Driver;
using AgentSim.LoadTests.Scenarios;
using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests;

/// <summary>The load driver's command line, parsed.</summary>
/// <param name="Target"><c>inprocess</c>, an http(s) URL, or <c>orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT]</c>.</param>
/// <param name="Simulation">The one load simulation the flags make (<see cref="LoadSimulation.Names"/> but <c>pause</c>).</param>
/// <param name="Rate">Arrivals a second (open model).</param>
/// <param name="Duration">Measured time.</param>
/// <param name="Warmup">Time loaded before measuring.</param>
/// <param name="Seed">Seed of the Poisson arrivals.</param>
/// <param name="MaxInFlight">Cap on requests under way (k6's pre-allocated VUs).</param>
/// <param name="Scenario">Scenario the in-process silo runs.</param>
/// <param name="TimeScale">Simulated seconds per wall second on the in-process silo.</param>
/// <param name="Out">Directory the reports go to, or null for none.</param>
/// <param name="Thresholds">Final thresholds (<c>--threshold</c>), checked on the whole measured run.</param>
/// <param name="AbortOn">Runtime thresholds (<c>--abort-on</c>), checked once a second after <paramref name="AbortDelay"/>.</param>
/// <param name="AbortDelay">Measured time before runtime thresholds are checked (<c>--abort-delay</c>, default 5 s).</param>
/// <param name="FindCapacity">Step the rate up until an SLO breaks (<c>--find-capacity</c>) instead of one run.</param>
/// <param name="StepFactor">Capacity search: each step's rate is the last one's times this (<c>--step-factor</c>, default 1.5).</param>
/// <param name="Step">Capacity search: each step's rate is the last one's plus this (<c>--step</c>, in place of the factor), or null.</param>
/// <param name="StepDuration">Capacity search: measured time of each step (<c>--step-duration</c>, default 10 s).</param>
/// <param name="MaxRate">Capacity search: the highest rate tried (<c>--max-rate</c>), or null for 20 times <paramref name="Rate"/>.</param>
/// <param name="Copies">Closed model: copies (<c>--copies</c>), or null.</param>
/// <param name="Iterations">Iterations of an iterations-for-* simulation (<c>--iterations</c>), or null.</param>
/// <param name="Steps">The steps of the flags' one scenario (<c>--steps</c>), or null for <c>start</c>.</param>
/// <param name="SharedSimulations">Config file: load simulations the weighted scenarios share, or null.</param>
/// <param name="Scenarios">Config file: the scenarios, or null for the flags' one scenario.</param>
/// <param name="MetricsPort">Serve the driver's own metrics at <c>/metrics</c> on this port (<c>--metrics-port</c>; 0 = a free one), or null for none.</param>
/// <param name="MetricsHost">Address the metrics listen on (<c>--metrics-host</c>, default 127.0.0.1).</param>
/// <param name="NoLive">Print one line a second even on an interactive terminal (<c>--no-live</c>).</param>
public sealed record LoadOptions(
    string Target = "inprocess",
    string Simulation = "inject",
    double Rate = 100,
    TimeSpan Duration = default,
    TimeSpan Warmup = default,
    int Seed = 1,
    int MaxInFlight = 1000,
    string Scenario = "baseline",
    double TimeScale = 100,
    string? Out = null,
    IReadOnlyList<Threshold>? Thresholds = null,
    IReadOnlyList<Threshold>? AbortOn = null,
    TimeSpan? AbortDelay = null,
    bool FindCapacity = false,
    double? StepFactor = null,
    double? Step = null,
    TimeSpan? StepDuration = null,
    double? MaxRate = null,
    int? Copies = null,
    long? Iterations = null,
    IReadOnlyList<LoadStep>? Steps = null,
    IReadOnlyList<LoadSimulation>? SharedSimulations = null,
    IReadOnlyList<LoadScenario>? Scenarios = null,
    int? MetricsPort = null,
    string MetricsHost = "127.0.0.1",
    bool NoLive = false)
{
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>The load simulations a flag (<c>--simulation</c>) can name: all but <c>pause</c>, which only a config sequence can use.</summary>
    public static readonly string[] Simulations = [.. LoadSimulation.Names.Where(n => n != "pause")];

    /// <summary>
    /// The plan these options run: the config file's scenarios, or one scenario (<see cref="LoadScenario.DefaultName"/>,
    /// <see cref="Steps"/>) under the one load simulation the flags name. Null, with the problems, when it is wrong.
    /// </summary>
    public LoadPlan? Plan(List<string> problems)
    {
        if (Scenarios is { } scenarios)
        {
            var plan = new LoadPlan(scenarios, SharedSimulations);
            var found = plan.Check("--config");
            problems.AddRange(found);
            return found.Count == 0 ? plan : null;
        }

        if (SharedSimulations is { Count: > 0 })
        {
            problems.Add("--config: load_simulations: give scenarios too (the top-level load simulations are shared by weighted scenarios); for one scenario use simulation, rate, copies and duration.");
            return null;
        }

        var open = Simulation is "inject" or "inject-random" or "ramping-inject" or "iterations-for-inject";
        if (open && Copies is not null)
        {
            problems.Add($"--copies: only with a closed-model simulation (keep-constant, ramping-constant, iterations-for-constant), not {Simulation}; {Simulation} takes --rate.");
        }

        if (!open && Copies is null)
        {
            problems.Add($"--copies: {Simulation} (closed model) needs --copies N, the number of copies looping request after request.");
        }

        var iterating = Simulation is "iterations-for-inject" or "iterations-for-constant";
        if (iterating != Iterations is not null)
        {
            problems.Add(iterating ? $"--iterations: {Simulation} needs --iterations N." : $"--iterations: only with iterations-for-inject or iterations-for-constant, not {Simulation}.");
        }

        if (problems.Count > 0)
        {
            return null;
        }

        LoadSimulation phase = Simulation switch
        {
            "inject-random" => new LoadSimulation.InjectRandom(Rate, Rate, Duration, TimeSpan.FromSeconds(1)),
            "ramping-inject" => new LoadSimulation.RampingInject(Rate, Duration),
            "iterations-for-inject" => new LoadSimulation.IterationsForInject(Rate, Iterations!.Value),
            "keep-constant" => new LoadSimulation.KeepConstant(Copies!.Value, Duration),
            "ramping-constant" => new LoadSimulation.RampingConstant(Copies!.Value, Duration),
            "iterations-for-constant" => new LoadSimulation.IterationsForConstant(Copies!.Value, Iterations!.Value),
            _ => new LoadSimulation.Inject(Rate, Duration),
        };
        var single = new LoadPlan([new LoadScenario(LoadScenario.DefaultName, Steps ?? [LoadStep.Start], [phase])]);
        var more = single.Check("--steps");
        problems.AddRange(more);
        return more.Count == 0 ? single : null;
    }

    /// <summary>The driver's settings for <paramref name="plan"/>: its length (or <see cref="Duration"/> bounding an iterations-for-constant phase) and its mean planned rate.</summary>
    public DriverSettings Settings(LoadPlan plan)
    {
        var duration = plan.Duration ?? Duration;
        return new DriverSettings(plan.MeanRate(duration, Seed), duration, false, Seed, MaxInFlight, Warmup,
            Thresholds: Thresholds, AbortOn: AbortOn, AbortDelay: AbortDelay) { Plan = plan };
    }

    /// <summary>The one-line description of the run for the console.</summary>
    public static string Describe(DriverSettings settings, string target) => string.Create(C,
        $"Loading {target}: {settings.Simulation} (warm-up {settings.Warmup.TotalSeconds:0.###} s, in-flight cap {settings.MaxInFlight:N0}).");

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: agentsim-load [options]   (dotnet run --project loadtests/AgentSim.LoadTests -c Release -- [options])
          --target T            inprocess (default: a silo hosted here) | http://HOST:PORT | orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT]
                                | noop (answers at once: the driver's own ceiling)
          --config FILE         a JSON config: every flag as a snake_case key (max_in_flight, ...), plus scenarios with
                                steps, weights, data feeds, init and clean, and sequences of load simulations; flags given
                                beside it override its values (see README, Load tests)
          --simulation S        open model (arrival rate): inject (default; constant spacing) | inject-random (Poisson
                                arrivals) | ramping-inject (rate from 0 up to --rate over --duration) | iterations-for-inject
                                (--iterations arrivals at --rate); closed model (copies looping request after request):
                                keep-constant | ramping-constant (0 up to --copies over --duration) | iterations-for-constant
                                (--copies share --iterations; --duration bounds it)
          --rate N              open model: arrivals per second (default 100)
          --copies N            closed model: copies
          --iterations N        iterations-for-inject and iterations-for-constant: iterations in all
          --steps LIST          steps of each iteration, in order: start (POST, default), status (GET its status),
                                converse (POST ?wait=true: until the conversation ends), e.g. start,status
          --duration D          measured time, e.g. 30s, 2m, 500ms (default 30s)
          --warmup D            time loaded before measuring (default 0s)
          --seed N              seed of the Poisson arrivals, weights and data feeds (default 1)
          --max-in-flight N     cap on requests under way; past it arrivals are dropped and counted (default 1000)
          --scenario NAME       scenario the in-process silo runs (default baseline)
          --time-scale N        in-process silo: simulated seconds per wall second (default 100)
          --out DIR             write report.html, report.md, report.csv and report.txt there
          --threshold EXPR      final threshold on the whole measured run (repeatable); a failed one exits 3:
                                p50|p90|p99|p99.9|pNN<250ms (response time, from the scheduled start), service_p99<20ms
                                (service time), errors<1% (of requests ended), dropped<0.5% (of arrivals),
                                achieved>=95% (of the target rate); operators < <= > >=; units ms or s, and %
          --abort-on EXPR       runtime threshold, same grammar (repeatable): checked once a second on everything
                                measured since the warm-up ended; the first to fail stops the run (reports still written), exit 4
          --abort-delay D       measured time before runtime thresholds are checked (default 5s)
          --metrics-url URL     the silo's Prometheus /metrics, read once a second for the simulation's own metrics (default:
                                the inprocess silo's, or an http target's host:port/metrics; needed for orleans: targets);
                                thresholds on them: rollback_rate<5 (per 1,000 conversations ended), context_loss<10%
                                (of channel switches), queue_abandonment<5% (of queued customers), abandonment<10% (of ended)
          --find-capacity       step the rate from --rate up until an SLO (the --threshold expressions; default p99<250ms,
                                errors<1%, dropped<1%, achieved>=95%) breaks or --max-rate is reached; --warmup runs once
                                before the first step; reports the knee (last rate at which every SLO held); exit 0 when
                                a knee was found, 3 when even the first step failed
          --step-factor F       capacity search: multiply the rate by F (above 1) each step (default 1.5)
          --step N              capacity search: add N/s each step instead of multiplying
          --step-duration D     capacity search: measured time of each step (default 10s)
          --max-rate N          capacity search: highest rate tried, at least --rate (default 20 x --rate)
          --metrics-port N      serve the driver's own metrics (agentsim_load_*) at http://HOST:N/metrics while it runs
                                (0 = a free port, printed; default off)
          --metrics-host A      address the metrics listen on (default 127.0.0.1; 0.0.0.0 in a container)
          --no-live             one line a second instead of the live view (the default when not on a terminal)
        Exit codes: 0 ok, 1 target unreachable, 2 bad input, 3 a final threshold failed, 4 aborted by a runtime threshold.
        """;

    /// <summary>The silo's Prometheus <c>/metrics</c> (<c>--metrics-url</c>), or null for the target's own.</summary>
    public string? MetricsUrl { get; init; }
}
