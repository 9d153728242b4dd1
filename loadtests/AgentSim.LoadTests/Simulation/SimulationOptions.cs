using AgentSim.LoadTests.Targets;

namespace AgentSim.LoadTests.Simulation;

/// <summary>The command line's checks for the simulation's own metrics: <c>--metrics-url</c>, and thresholds that need it.</summary>
public static class SimulationOptions
{
    /// <summary>The flag that says where the silo's <c>/metrics</c> is.</summary>
    public const string Flag = "--metrics-url";

    /// <summary>Parses <c>--metrics-url</c>: an absolute http(s) URL (a bare base address gets <c>/metrics</c>); otherwise adds a problem naming the flag.</summary>
    public static string? ParseUrl(string? value, List<string> errors)
    {
        if (value is null)
        {
            errors.Add($"{Flag} needs a value.");
            return null;
        }

        if (Uri.TryCreate(value, UriKind.Absolute, out var url) && url.Scheme is "http" or "https")
        {
            return SiloProbe.MetricsUri(url).ToString();
        }

        errors.Add($"{Flag}: '{value}' is not an http(s) URL (e.g. http://localhost:8080/metrics).");
        return null;
    }

    /// <summary>
    /// Why the thresholds cannot be checked, or null: a threshold on the simulation's metrics needs a silo whose
    /// <c>/metrics</c> the driver can read, which an orleans (or noop) target has not unless <c>--metrics-url</c> is given.
    /// </summary>
    public static string? Problem(LoadOptions options, TargetSpec spec)
    {
        if (options.MetricsUrl is not null || spec.Kind is "inprocess" or "http")
        {
            return null;
        }

        var needing = (options.Thresholds ?? []).Select(t => ("--threshold", t)).Concat((options.AbortOn ?? []).Select(t => ("--abort-on", t)))
            .FirstOrDefault(x => x.t.IsSimulation);
        return needing.t is null ? null
            : $"{needing.Item1} '{needing.t.Text}': the simulation's metrics are read from the silo's Prometheus /metrics, which a {spec.Kind} target does not give; add {Flag} http://HOST:PORT/metrics.";
    }
}
