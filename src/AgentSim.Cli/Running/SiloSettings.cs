using AgentSim.Cli.Validation;
using AgentSim.Host.Hosting;
using AgentSim.Scenarios.Reading;
using Microsoft.Extensions.Configuration;

namespace AgentSim.Cli.Running;

/// <summary>
/// The settings of <c>agentsim silo</c>, read from configuration: the root key <c>Urls</c> and the section <c>Silo</c>.
/// </summary>
public sealed class SiloSettings
{
    /// <summary>Configuration section of everything but <see cref="Urls"/>.</summary>
    public const string Section = "Silo";

    /// <summary>Root configuration key of <see cref="Urls"/> (ASP.NET Core's own name for it).</summary>
    public const string UrlsKey = "Urls";

    /// <summary>Address served when none is configured: loopback only, the OpenTelemetry Prometheus port.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9464";

    /// <summary>Slowest pace: one simulated second per thousand wall-clock seconds.</summary>
    public const double MinTimeScale = 0.001;

    /// <summary>Every configuration key the silo reads, with the flag that sets it.</summary>
    public static readonly IReadOnlyDictionary<string, string> Flags = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [UrlsKey] = "--urls",
        [$"{Section}:Scenario"] = "--scenario",
        [$"{Section}:Rate"] = "--rate",
        [$"{Section}:TimeScale"] = "--time-scale",
        [$"{Section}:EpochSeconds"] = "--epoch-seconds",
        [$"{Section}:Seed"] = "--seed",
        [$"{Section}:Parallelism"] = "--parallelism",
        [$"{Section}:ClusterId"] = "--cluster-id",
        [$"{Section}:Clock"] = "--clock",
        [$"{Section}:MaxInFlight"] = "--max-in-flight",
        [$"{Section}:SiloPort"] = "--silo-port",
        [$"{Section}:GatewayPort"] = "--gateway-port",
        [$"{Section}:Dashboard"] = "--dashboard",
        [$"{Section}:Clustering"] = "--clustering",
        [$"{Section}:Redis"] = "--redis",
        [$"{Section}:AdvertisedAddress"] = "--advertised-address",
    };

    /// <summary>The clocks a silo's traffic can run on.</summary>
    public static readonly IReadOnlyList<string> Clocks = ["real", "paced"];

    /// <summary>Where metrics, health and the dashboard are served, separated by ';'.</summary>
    public string Urls { get; set; } = DefaultUrls;

    /// <summary>How problems name <see cref="Urls"/>: the flag, or the key and where it was set.</summary>
    public string UrlsLabel { get; set; } = UrlsKey;

    /// <summary>Scenario file or preset whose traffic the silo generates; null generates none.</summary>
    public string? Scenario { get; set; }

    /// <summary>New conversations per simulated second, overriding the scenario's <c>arrivals.rate_per_second</c>.</summary>
    public double? Rate { get; set; }

    /// <summary>Simulated seconds per wall-clock second (1: real time).</summary>
    public double TimeScale { get; set; } = 1;

    /// <summary>Epoch length in simulated seconds, overriding the scenario's (short, so metrics move smoothly).</summary>
    public double EpochSeconds { get; set; } = 1;

    /// <summary>Seed override; null keeps the scenario's.</summary>
    public ulong? Seed { get; set; }

    /// <summary>Conversation shards side by side.</summary>
    public int Parallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Cluster and service id; null makes one unique to this process.</summary>
    public string? ClusterId { get; set; }

    /// <summary>Port of the silo-to-silo endpoint (on 127.0.0.1, or every interface with <see cref="AdvertisedAddress"/>); null (or 0) picks a free one.</summary>
    public int? SiloPort { get; set; }

    /// <summary>How problems name <see cref="SiloPort"/>: the flag, or the key and where it was set.</summary>
    public string SiloPortLabel { get; set; } = $"{Section}:SiloPort";

    /// <summary>Port of the Orleans client gateway (on 127.0.0.1, or every interface with <see cref="AdvertisedAddress"/>); null (or 0) picks a free one.</summary>
    public int? GatewayPort { get; set; }

    /// <summary>How problems name <see cref="GatewayPort"/>: the flag, or the key and where it was set.</summary>
    public string GatewayPortLabel { get; set; } = $"{Section}:GatewayPort";

    /// <summary><c>localhost</c> (the default: this silo alone, in-memory state) or <c>redis</c> (membership and grain state in <see cref="Redis"/>).</summary>
    public string Clustering { get; set; } = "localhost";

    /// <summary>The clustering as the host knows it.</summary>
    public ClusteringKind ClusteringKind => Clustering == "redis" ? ClusteringKind.Redis : ClusteringKind.Localhost;

    /// <summary>The Redis server (<c>HOST:PORT</c>) of <c>redis</c> clustering; null otherwise.</summary>
    public string? Redis { get; set; }

    /// <summary>How problems name <see cref="Redis"/>: the flag, or the key and where it was set.</summary>
    public string RedisLabel { get; set; } = $"{Section}:Redis";

    /// <summary>With <c>redis</c> clustering, the address other machines reach this silo at (IP or host name); null: 127.0.0.1 only.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>How problems name <see cref="AdvertisedAddress"/>: the flag, or the key and where it was set.</summary>
    public string AdvertisedAddressLabel { get; set; } = $"{Section}:AdvertisedAddress";

    /// <summary>Serve the Orleans Dashboard at /dashboard on <see cref="Urls"/>; off unless asked, since it shows any grain's state.</summary>
    public bool Dashboard { get; set; }

    /// <summary>
    /// <c>real</c> (the default): conversations are activations whose turns wait their scaled latencies and think times,
    /// with admission control and the HTTP ingress; <c>paced</c>: the virtual-time engine's epochs paced against the wall
    /// clock (the same results as <c>agentsim run</c>, no ingress).
    /// </summary>
    public string Clock { get; set; } = "real";

    /// <summary>Admission limit of the real-time clock: conversations in flight.</summary>
    public int MaxInFlight { get; set; } = Grains.Live.LiveConversations.DefaultLimit;

    /// <summary>
    /// Reads the settings; throws <see cref="CliInputException"/> listing every unknown key under <c>Silo</c> and every
    /// value that is unreadable or out of range, each named by its flag or by its key and source (file or environment variable).
    /// </summary>
    public static SiloSettings From(IConfiguration configuration)
    {
        var reader = new SettingReader(configuration, Flags);
        foreach (var child in configuration.GetSection(Section).GetChildren())
        {
            if (!Flags.ContainsKey(child.Path))
            {
                reader.Problems.Add($"{reader.Label(child.Path)}: unknown key; the keys under {Section} are {string.Join(", ", Flags.Keys.Where(k => k.Contains(':', StringComparison.Ordinal)).Select(k => k[(Section.Length + 1)..]))}");
            }
        }

        var settings = new SiloSettings
        {
            Urls = reader.Text(UrlsKey) ?? DefaultUrls,
            UrlsLabel = reader.Label(UrlsKey),
            Scenario = reader.Text($"{Section}:Scenario"),
            Rate = reader.Real($"{Section}:Rate", 0, double.MaxValue, "0 (the ingress only) or more"),
            TimeScale = reader.Real($"{Section}:TimeScale", MinTimeScale, double.MaxValue, "at least 0.001 (one simulated second per 1000 wall-clock seconds)") ?? 1,
            EpochSeconds = reader.Real($"{Section}:EpochSeconds", RunLimits.MinEpochSeconds, RunLimits.MaxEpochSeconds, "between 0.001 (one millisecond) and 86400 (one day) seconds") ?? 1,
            Seed = reader.Whole($"{Section}:Seed", 0, ulong.MaxValue),
            Parallelism = (int?)reader.Whole($"{Section}:Parallelism", 1, 1024) ?? Environment.ProcessorCount,
            ClusterId = reader.Text($"{Section}:ClusterId"),
            Clock = reader.Text($"{Section}:Clock") ?? "real",
            MaxInFlight = (int?)reader.Whole($"{Section}:MaxInFlight", 1, 10_000_000) ?? Grains.Live.LiveConversations.DefaultLimit,
            SiloPort = (int?)reader.Whole($"{Section}:SiloPort", 0, 65535),
            SiloPortLabel = reader.Label($"{Section}:SiloPort"),
            GatewayPort = (int?)reader.Whole($"{Section}:GatewayPort", 0, 65535),
            GatewayPortLabel = reader.Label($"{Section}:GatewayPort"),
            Dashboard = reader.Switch($"{Section}:Dashboard") ?? false,
            Clustering = reader.Text($"{Section}:Clustering")?.Trim().ToLowerInvariant() ?? "localhost",
            Redis = reader.Text($"{Section}:Redis")?.Trim(),
            RedisLabel = reader.Label($"{Section}:Redis"),
            AdvertisedAddress = reader.Text($"{Section}:AdvertisedAddress")?.Trim(),
            AdvertisedAddressLabel = reader.Label($"{Section}:AdvertisedAddress"),
        };
        reader.Problems.AddRange(ClusterSettings.Problems(
            settings.Clustering,
            reader.Label($"{Section}:Clustering"),
            settings.Redis,
            settings.RedisLabel,
            settings.ClusterId,
            reader.Label($"{Section}:ClusterId"),
            "the silos of one cluster share it"));
        if (settings.AdvertisedAddress is not null && settings.Clustering != "redis")
        {
            reader.Problems.Add($"{settings.AdvertisedAddressLabel}: needs --clustering redis (a localhost silo is reached on 127.0.0.1 only)");
        }

        if (!Clocks.Contains(settings.Clock))
        {
            reader.Problems.Add($"{reader.Label($"{Section}:Clock")}: '{settings.Clock}' is not a clock; use {string.Join(" or ", Clocks)}");
        }
        else if (settings.Clock == "paced" && settings.Rate == 0)
        {
            reader.Problems.Add($"{reader.Label($"{Section}:Rate")}: 0 (the ingress only) needs the real-time clock; the paced clock has no ingress");
        }

        if (settings.SiloPort is > 0 && settings.SiloPort == settings.GatewayPort)
        {
            reader.Problems.Add($"{settings.GatewayPortLabel}: is the same port as {settings.SiloPortLabel} ({settings.SiloPort}); the silo and the gateway each need their own");
        }

        if (configuration[UrlsKey] is { } urls && string.IsNullOrWhiteSpace(urls))
        {
            reader.Problems.Add($"{settings.UrlsLabel}: is empty; give http://HOST:PORT, e.g. {DefaultUrls} (the default)");
        }

        reader.Problems.AddRange(ListenUrls.Problems(settings.Urls, settings.UrlsLabel));
        var httpPorts = ListenUrls.Ports(settings.Urls);
        foreach (var (port, label) in new[] { (settings.SiloPort, settings.SiloPortLabel), (settings.GatewayPort, settings.GatewayPortLabel) })
        {
            if (port is > 0 && httpPorts.Contains(port.Value))
            {
                reader.Problems.Add($"{label}: port {port} is also a port of {settings.UrlsLabel} ('{settings.Urls}'); HTTP and Orleans each need their own");
            }
        }

        return reader.Problems.Count > 0 ? throw new CliInputException(reader.Problems) : settings;
    }
}
