using System.CommandLine;
using System.Globalization;
using AgentSim.Cli.Running;
using AgentSim.Scenarios.Reading;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim silo</c>: a long-running silo serving /metrics, /health/live, /health/ready (and, when asked, the Orleans
/// Dashboard) over HTTP and an Orleans gateway to clients on the same machine, optionally generating a scenario's traffic in real time. Flags override AGENTSIM_ environment variables, which
/// override appsettings.json.
/// </summary>
public static class SiloCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var urls = new Option<string>("--urls") { Description = $"Where to serve HTTP, ';'-separated (default {SiloSettings.DefaultUrls}; config key Urls)." };
        var scenario = new Option<string>("--scenario") { Description = "Generate this scenario's traffic: a file or a preset name (config key Silo:Scenario; default: no traffic)." };
        var rate = RealOption.Between("--rate", "New conversations per simulated second, overriding the scenario's arrivals; 0 serves the ingress only (Silo:Rate).", 0, double.MaxValue, "0 (the ingress only) or a positive number");
        var timeScale = RealOption.Between("--time-scale", "Simulated seconds per wall-clock second; 1 is real time (Silo:TimeScale, default 1).", SiloSettings.MinTimeScale, double.MaxValue, "a number of at least 0.001");
        var epoch = RealOption.Between("--epoch-seconds", "Epoch length in simulated seconds, overriding the scenario's (Silo:EpochSeconds, default 1).", RunLimits.MinEpochSeconds, RunLimits.MaxEpochSeconds, "a number from 0.001 (one millisecond) to 86400 (one day)");
        var seed = NumberOption.Create("--seed", "Seed override (Silo:Seed; default: the scenario's seed).", 0UL, ulong.MaxValue);
        var parallelism = NumberOption.Create("--parallelism", "Conversation shards side by side (Silo:Parallelism; default: processor count).", 1, 1024);
        var clusterId = new Option<string>("--cluster-id") { Description = "Orleans cluster and service id (Silo:ClusterId; default: unique per process; required with --clustering redis)." };
        var clock = new Option<string>("--clock") { Description = "real (default): conversations run in real time with admission control and the HTTP ingress at /api/conversations; paced: the virtual-time engine's epochs paced against the wall clock (Silo:Clock)." };
        var maxInFlight = NumberOption.Create("--max-in-flight", $"Admission limit of the real-time clock: conversations in flight; past it arrivals are shed and the ingress answers 503 (Silo:MaxInFlight, default {Grains.Live.LiveConversations.DefaultLimit}).", 1, 10_000_000);
        var siloPort = NumberOption.Create("--silo-port", "Orleans silo-to-silo port, on 127.0.0.1 unless --advertised-address (Silo:SiloPort; default or 0: a free port).", 0, 65535);
        var gatewayPort = NumberOption.Create("--gateway-port", "Orleans client gateway port, on 127.0.0.1 unless --advertised-address (Silo:GatewayPort; default or 0: a free port).", 0, 65535);
        var clustering = new Option<string>("--clustering") { Description = "localhost (default): this silo alone, in-memory state; redis: membership and grain state in Redis, so several silo processes form one cluster (Silo:Clustering)." };
        var redis = new Option<string>("--redis") { Description = "The Redis server of --clustering redis, HOST:PORT (Silo:Redis)." };
        var advertised = new Option<string>("--advertised-address") { Description = "With --clustering redis: the IP or host name other machines reach this silo at; it then listens on every interface (Silo:AdvertisedAddress; default 127.0.0.1, this machine only)." };
        var dashboard = new Option<bool>("--dashboard") { Description = "Serve the Orleans Dashboard at /dashboard on --urls (Silo:Dashboard; default off: it shows any grain's state to whoever reaches it)." };

        var command = new Command("silo", "Run a long-lived silo serving /metrics, /health/live, /health/ready (and /dashboard with --dashboard) and an Orleans gateway, optionally generating traffic in real time.")
        {
            urls, scenario, rate, timeScale, epoch, seed, parallelism, clusterId, clock, maxInFlight, siloPort, gatewayPort, dashboard, clustering, redis, advertised,
        };
        command.SetAction((parse, cancellation) =>
        {
            var flags = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            void Flag(string key, string? value)
            {
                if (value is not null)
                {
                    flags[key] = value;
                }
            }

            Flag(SiloSettings.UrlsKey, parse.GetValue(urls));
            Flag($"{SiloSettings.Section}:Scenario", parse.GetValue(scenario));
            Flag($"{SiloSettings.Section}:Rate", Invariant(parse.GetValue(rate)));
            Flag($"{SiloSettings.Section}:TimeScale", Invariant(parse.GetValue(timeScale)));
            Flag($"{SiloSettings.Section}:EpochSeconds", Invariant(parse.GetValue(epoch)));
            Flag($"{SiloSettings.Section}:Seed", Invariant(parse.GetValue(seed)));
            Flag($"{SiloSettings.Section}:Parallelism", Invariant(parse.GetValue(parallelism)));
            Flag($"{SiloSettings.Section}:ClusterId", parse.GetValue(clusterId));
            Flag($"{SiloSettings.Section}:Clock", parse.GetValue(clock));
            Flag($"{SiloSettings.Section}:MaxInFlight", Invariant(parse.GetValue(maxInFlight)));
            Flag($"{SiloSettings.Section}:SiloPort", Invariant(parse.GetValue(siloPort)));
            Flag($"{SiloSettings.Section}:GatewayPort", Invariant(parse.GetValue(gatewayPort)));
            Flag($"{SiloSettings.Section}:Dashboard", parse.GetResult(dashboard) is not { Implicit: false } ? null : parse.GetValue(dashboard) ? "true" : "false");
            Flag($"{SiloSettings.Section}:Clustering", parse.GetValue(clustering));
            Flag($"{SiloSettings.Section}:Redis", parse.GetValue(redis));
            Flag($"{SiloSettings.Section}:AdvertisedAddress", parse.GetValue(advertised));
            return new SiloHandler(context).RunAsync(flags, cancellation);
        });
        return command;
    }

    private static string? Invariant<T>(T? value)
        where T : struct, IFormattable =>
        value?.ToString(null, CultureInfo.InvariantCulture);
}
