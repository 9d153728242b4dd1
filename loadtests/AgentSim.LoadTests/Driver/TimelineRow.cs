namespace AgentSim.LoadTests.Driver;

/// <summary>One measured second of a run.</summary>
/// <param name="Second">Seconds since measuring began (0-based).</param>
/// <param name="Target">Arrivals scheduled in this second.</param>
/// <param name="Sent">Requests sent in this second (the achieved rate).</param>
/// <param name="Ok">Requests that succeeded in this second.</param>
/// <param name="Errors">Requests that failed in this second (any non-success, including 503).</param>
/// <param name="Dropped">Arrivals scheduled in this second and dropped at the in-flight cap.</param>
/// <param name="InFlight">Requests under way at the end of the second.</param>
/// <param name="ResponseP50Ms">Median response time (from the scheduled start) of requests that ended in this second, ms.</param>
/// <param name="ResponseP99Ms">99th percentile response time, ms.</param>
/// <param name="ServiceP99Ms">99th percentile service time (from the actual send), ms.</param>
public sealed record TimelineRow(
    int Second, long Target, long Sent, long Ok, long Errors, long Dropped, long InFlight,
    double ResponseP50Ms, double ResponseP99Ms, double ServiceP99Ms);
