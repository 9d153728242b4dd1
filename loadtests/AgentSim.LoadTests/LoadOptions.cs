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
    string? Out = null)
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
        """;
}
