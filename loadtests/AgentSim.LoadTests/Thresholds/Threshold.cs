using System.Globalization;
using System.Text.RegularExpressions;
using AgentSim.LoadTests.Simulation;

namespace AgentSim.LoadTests.Thresholds;

/// <summary>
/// A pass/fail condition on the driver's own measurements, as given to <c>--threshold</c> or <c>--abort-on</c>:
/// <c>METRIC OP VALUE</c>, e.g. <c>p99&lt;250ms</c>, <c>service_p99&lt;=20ms</c>, <c>errors&lt;1%</c>,
/// <c>dropped&lt;0.5%</c>, <c>achieved&gt;=95%</c>; or on the simulation's own metrics read from the silo:
/// <c>rollback_rate&lt;5</c> (per 1,000 conversations ended), <c>context_loss&lt;10%</c>, <c>queue_abandonment&lt;5%</c>,
/// <c>abandonment&lt;10%</c>.
/// </summary>
/// <param name="Text">The expression as written.</param>
/// <param name="Metric">What is measured.</param>
/// <param name="Percentile">The percentile, for the latency metrics.</param>
/// <param name="Op">The comparison: <c>&lt;</c>, <c>&lt;=</c>, <c>&gt;</c> or <c>&gt;=</c>.</param>
/// <param name="Limit">The limit: ms for latencies, per 1,000 for the rollback rate, percent for the other rates.</param>
public sealed partial record Threshold(string Text, ThresholdMetric Metric, double Percentile, string Op, double Limit)
{
    /// <summary>The metrics an expression may name, for messages.</summary>
    public const string MetricNames = "p50, p99, p99.9 (response time), service_p99 (service time), errors, dropped, achieved, "
        + "or the simulation's rollback_rate, context_loss, queue_abandonment, abandonment";

    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    /// <summary>Whether the metric is a latency (ms) rather than a rate (%).</summary>
    public bool IsLatency => Metric is ThresholdMetric.ResponseTime or ThresholdMetric.ServiceTime;

    /// <summary>Whether the metric is the simulation's own, read from the silo's <c>/metrics</c>, rather than the driver's.</summary>
    public bool IsSimulation => Metric is ThresholdMetric.RollbackRate or ThresholdMetric.ContextLoss or ThresholdMetric.QueueAbandonment or ThresholdMetric.Abandonment;

    /// <summary>Parses <paramref name="text"/>; returns null and says what is wrong (without naming the flag) when it is malformed.</summary>
    public static Threshold? Parse(string text, out string? problem)
    {
        problem = null;
        var match = Expression().Match(text);
        if (!match.Success)
        {
            problem = "no comparison (use <, <=, > or >=, e.g. p99<250ms or errors<1%)";
            return null;
        }

        var name = match.Groups["metric"].Value.Trim();
        var op = match.Groups["op"].Value;
        var value = match.Groups["value"].Value.Trim();
        if (name.Length == 0 || value.Length == 0)
        {
            problem = name.Length == 0 ? $"no metric before '{op}' (use {MetricNames})" : $"no value after '{op}'";
            return null;
        }

        var latency = PercentileName().Match(name);
        if (latency.Success)
        {
            var q = double.Parse(latency.Groups["q"].Value, C);
            if (q is <= 0 or > 100)
            {
                problem = $"'{name}' is not a percentile (use one above 0 and up to 100, e.g. p99.9)";
                return null;
            }

            if (!TryParseMs(value, out var ms))
            {
                problem = $"'{value}' is not a duration (use 250ms or 2s)";
                return null;
            }

            var metric = latency.Groups["service"].Success ? ThresholdMetric.ServiceTime : ThresholdMetric.ResponseTime;
            return new Threshold(text, metric, q, op, ms);
        }

        ThresholdMetric? rate = name switch
        {
            "errors" => ThresholdMetric.Errors,
            "dropped" => ThresholdMetric.Dropped,
            "achieved" => ThresholdMetric.Achieved,
            "context_loss" => ThresholdMetric.ContextLoss,
            "queue_abandonment" => ThresholdMetric.QueueAbandonment,
            "abandonment" => ThresholdMetric.Abandonment,
            _ => null,
        };
        if (name == "rollback_rate")
        {
            var perThousand = value.EndsWith("/1000", StringComparison.Ordinal) ? value[..^5] : value;
            if (!double.TryParse(perThousand, NumberStyles.Float, C, out var n) || !double.IsFinite(n) || n < 0)
            {
                problem = $"'{value}' is not a number of rollbacks per 1,000 conversations ended (e.g. rollback_rate<5)";
                return null;
            }

            return new Threshold(text, ThresholdMetric.RollbackRate, 0, op, n);
        }

        if (rate is null)
        {
            problem = $"'{name}' is not a metric (use {MetricNames})";
            return null;
        }

        if (!value.EndsWith('%') || !double.TryParse(value[..^1], NumberStyles.Float, C, out var percent) || !double.IsFinite(percent) || percent < 0)
        {
            problem = $"'{value}' is not a percentage (use e.g. 1% or 0.5%)";
            return null;
        }

        return new Threshold(text, rate.Value, 0, op, percent);
    }

    /// <summary>This threshold's measured value (ms, % or per 1,000) in <paramref name="m"/>; NaN for a simulation metric when the silo's metrics are unavailable.</summary>
    public double Measure(Measurements m) => Metric switch
    {
        ThresholdMetric.RollbackRate => m.Simulation?.RollbackRate ?? double.NaN,
        ThresholdMetric.ContextLoss => m.Simulation?.ContextLossPercent ?? double.NaN,
        ThresholdMetric.QueueAbandonment => m.Simulation?.QueueAbandonmentPercent ?? double.NaN,
        ThresholdMetric.Abandonment => m.Simulation?.AbandonmentPercent ?? double.NaN,
        ThresholdMetric.ResponseTime => m.ResponseMs(Percentile),
        ThresholdMetric.ServiceTime => m.ServiceMs(Percentile),
        ThresholdMetric.Errors => m.Ok + m.Errors == 0 ? 0 : 100.0 * m.Errors / (m.Ok + m.Errors),
        ThresholdMetric.Dropped => m.Scheduled == 0 ? 0 : 100.0 * m.Dropped / m.Scheduled,
        _ => m.Seconds <= 0 || m.TargetRate <= 0 ? 0 : 100.0 * m.Sent / m.Seconds / m.TargetRate,
    };

    /// <summary>Measures and checks this threshold against <paramref name="m"/>.</summary>
    public ThresholdResult Check(Measurements m)
    {
        var value = Measure(m);
        var passed = Op switch
        {
            "<" => value < Limit,
            "<=" => value <= Limit,
            ">" => value > Limit,
            _ => value >= Limit,
        };
        return new ThresholdResult(this, value, passed);
    }

    /// <summary>Formats a value of this threshold's metric with its unit.</summary>
    public string Format(double value) => double.IsNaN(value) ? "n/a (silo metrics unavailable)"
        : IsLatency ? value.ToString("0.00", C) + " ms"
        : Metric == ThresholdMetric.RollbackRate ? value.ToString("0.###", C) + " per 1,000"
        : value.ToString("0.###", C) + "%";

    private static bool TryParseMs(string text, out double ms)
    {
        ms = 0;
        var (number, scale) = text.EndsWith("ms", StringComparison.Ordinal) ? (text[..^2], 1.0)
            : text.EndsWith('s') ? (text[..^1], 1000.0)
            : (null, 0);
        if (number is null || !double.TryParse(number, NumberStyles.Float, C, out var n) || !double.IsFinite(n) || n < 0)
        {
            return false;
        }

        ms = n * scale;
        return true;
    }

    [GeneratedRegex(@"^(?<metric>[^<>=]*)(?<op><=|>=|<|>)(?<value>[^<>=]*)$")]
    private static partial Regex Expression();

    [GeneratedRegex(@"^(?<service>service_)?p(?<q>[0-9]+(\.[0-9]+)?)$")]
    private static partial Regex PercentileName();
}

/// <summary>What a threshold measures.</summary>
public enum ThresholdMetric
{
    /// <summary>A response-time percentile (from the scheduled start), ms.</summary>
    ResponseTime,

    /// <summary>A service-time percentile (from the actual send), ms.</summary>
    ServiceTime,

    /// <summary>Failed requests as a share of those that ended, %.</summary>
    Errors,

    /// <summary>Arrivals dropped at the in-flight cap as a share of those scheduled, %.</summary>
    Dropped,

    /// <summary>The achieved rate as a share of the target rate, %.</summary>
    Achieved,

    /// <summary>The simulation's agent rollbacks per 1,000 conversations ended.</summary>
    RollbackRate,

    /// <summary>The simulation's context losses as a share of channel switches, %.</summary>
    ContextLoss,

    /// <summary>The simulation's human-queue abandonment: customers who left as a share of those answered or left, %.</summary>
    QueueAbandonment,

    /// <summary>The simulation's abandoned conversations as a share of those ended, %.</summary>
    Abandonment,
}

/// <summary>A threshold checked: what was measured and whether it passed.</summary>
/// <param name="Threshold">The threshold.</param>
/// <param name="Measured">The measured value (ms or %).</param>
/// <param name="Passed">Whether the condition held.</param>
public sealed record ThresholdResult(Threshold Threshold, double Measured, bool Passed)
{
    /// <summary>The measured value with its unit.</summary>
    public string MeasuredText => Threshold.Format(Measured);

    /// <summary><c>pass</c> or <c>FAIL</c>.</summary>
    public string Verdict => Passed ? "pass" : "FAIL";

    /// <summary>Whether there was nothing to measure (a simulation metric with the silo's metrics unavailable): a final threshold then fails, a runtime one does not abort.</summary>
    public bool Unmeasured => double.IsNaN(Measured);
}

/// <summary>The measurements a threshold is checked against: the whole measured run, or (at run time) the seconds since the warm-up ended.</summary>
/// <param name="ResponseMs">Response time at a percentile, ms.</param>
/// <param name="ServiceMs">Service time at a percentile, ms.</param>
/// <param name="Scheduled">Arrivals scheduled.</param>
/// <param name="Sent">Requests sent.</param>
/// <param name="Ok">Requests that succeeded.</param>
/// <param name="Errors">Requests that failed.</param>
/// <param name="Dropped">Arrivals dropped at the in-flight cap.</param>
/// <param name="Seconds">Measured seconds.</param>
/// <param name="TargetRate">Target arrivals a second.</param>
public sealed record Measurements(
    Func<double, double> ResponseMs, Func<double, double> ServiceMs, long Scheduled, long Sent, long Ok, long Errors, long Dropped, double Seconds, double TargetRate)
{
    /// <summary>The simulation's own counters over the same window (since the warm-up ended), or null when the silo's metrics are not read or unavailable.</summary>
    public SimulationCounters? Simulation { get; init; }
}
