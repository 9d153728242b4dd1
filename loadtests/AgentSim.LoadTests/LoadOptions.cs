using AgentSim.LoadTests.Thresholds;

namespace AgentSim.LoadTests;

/// <summary>The load driver's command line, parsed.</summary>
/// <param name="Target"><c>inprocess</c>, an http(s) URL, or <c>orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT]</c>.</param>
/// <param name="Simulation"><c>inject</c> (constant spacing) or <c>inject-random</c> (Poisson).</param>
/// <param name="Rate">Arrivals a second.</param>
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
    double? MaxRate = null)
{
    /// <summary>Load simulations built so far.</summary>
    public static readonly string[] Simulations = ["inject", "inject-random"];

    /// <summary>Load simulations of NBomber's model not built yet (they give a clear error).</summary>
    public static readonly string[] NotYetBuilt = ["ramping-inject", "keep-constant", "ramping-constant", "iterations-for-constant", "iterations-for-inject", "pause"];

    /// <summary>The usage text.</summary>
    public const string Usage = """
        Usage: agentsim-load [options]   (dotnet run --project loadtests/AgentSim.LoadTests -c Release -- [options])
          --target T            inprocess (default: a silo hosted here) | http://HOST:PORT | orleans:CLUSTER_ID@HOST:PORT[,HOST:PORT]
                                | noop (answers at once: the driver's own ceiling)
          --simulation S        inject (default; constant spacing) | inject-random (Poisson arrivals)
          --rate N              arrivals per second (default 100)
          --duration D          measured time, e.g. 30s, 2m, 500ms (default 30s)
          --warmup D            time loaded before measuring (default 0s)
          --seed N              seed of the Poisson arrivals (default 1)
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
        Exit codes: 0 ok, 1 target unreachable, 2 bad input, 3 a final threshold failed, 4 aborted by a runtime threshold.
        """;

    /// <summary>The silo's Prometheus <c>/metrics</c> (<c>--metrics-url</c>), or null for the target's own.</summary>
    public string? MetricsUrl { get; init; }
}
