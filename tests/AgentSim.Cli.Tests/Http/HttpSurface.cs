namespace AgentSim.Cli.Tests.Http;

/// <summary>
/// The routes of the silo's HTTP surface, as the fuzz test knows them. A new route goes here (with its methods) and the
/// fuzz test covers it: its paths, garbage around them, every other method (405 + Allow). Paths in
/// <see cref="UnservedPaths"/> are probed too and must be 404 until a route serves them.
/// </summary>
public static class HttpSurface
{
    /// <summary>Routes served by every silo with an HTTP endpoint.</summary>
    public static readonly IReadOnlyList<HttpRoute> Routes =
    [
        new("/metrics", ["GET", "HEAD"]),
        new("/health/live", ["GET", "HEAD"]),
        new("/health/ready", ["GET", "HEAD"]),
        // The ingress judges what it is sent: a wrong body, field or id is a 4xx problem (400, 404, 409, 413, 415), never a 5xx.
        new("/api/conversations", ["POST"], RoutesBelow: true, ClientErrors: true),
        new("/api/conversations/{id}", ["GET", "HEAD"], MayNotFind: true, ClientErrors: true),
        // Runtime faults: a wrong body is a 400 problem, an unknown id 404.
        new("/api/faults", ["GET", "HEAD", "POST"], RoutesBelow: true, ClientErrors: true),
        new("/api/faults/{id}", ["DELETE", "GET", "HEAD"], MayNotFind: true, ClientErrors: true),
        // The cluster's conversation ledger totals (a silo alone: its own).
        new("/api/cluster/conversations", ["GET", "HEAD"]),
    ];

    /// <summary>Paths probed as well; no route serves them yet, so each answers 404 (move one into <see cref="Routes"/> when it is served).</summary>
    public static readonly IReadOnlyList<string> UnservedPaths = ["/api", "/"];

    /// <summary>
    /// The Orleans Dashboard's routes (served only with <c>--dashboard</c>; without it every one is 404). <c>/dashboard/Trace</c>
    /// is left out: it streams the silo's log for an hour.
    /// </summary>
    public static readonly IReadOnlyList<HttpRoute> DashboardRoutes =
    [
        new("/dashboard/", ["GET", "HEAD"]),
        new("/dashboard/index.html", ["GET", "HEAD"]),
        new("/dashboard/index.min.js", ["GET", "HEAD"]),
        new("/dashboard/index.css", ["GET", "HEAD"]),
        new("/dashboard/favicon.ico", ["GET", "HEAD"]),
        new("/dashboard/fonts/{*rest}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/img/{*rest}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/version", ["GET", "HEAD"]),
        new("/dashboard/DashboardCounters", ["GET", "HEAD"]),
        new("/dashboard/ClusterStats", ["GET", "HEAD"]),
        new("/dashboard/Reminders", ["GET", "HEAD"], RoutesBelow: true),
        new("/dashboard/Reminders/{page}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/TopGrainMethods", ["GET", "HEAD"]),
        new("/dashboard/GrainState", ["GET", "HEAD"]),
        new("/dashboard/LifecycleStages", ["GET", "HEAD"]),
        new("/dashboard/GrainTypes", ["GET", "HEAD"]),
        new("/dashboard/GrainStats/{*rest}", ["GET", "HEAD"]),
        new("/dashboard/SiloStats/{*rest}", ["GET", "HEAD"]),
        new("/dashboard/HistoricalStats/{*rest}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/SiloProperties/{*rest}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/SiloMetadata/{*rest}", ["GET", "HEAD"], MayNotFind: true),
        new("/dashboard/SiloCounters/{*rest}", ["GET", "HEAD"], MayNotFind: true),
    ];
}
