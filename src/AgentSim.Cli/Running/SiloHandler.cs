using System.Globalization;
using AgentSim.Cli.Validation;
using AgentSim.Grains.Worlds;
using AgentSim.Grains.Live;
using AgentSim.Host.Hosting;
using AgentSim.Host.Ingress;
using AgentSim.Scenarios;
using Microsoft.Extensions.Configuration;
using Spectre.Console;

namespace AgentSim.Cli.Running;

/// <summary>
/// Carries out <c>agentsim silo</c>: reads the settings (appsettings.json, environment, AGENTSIM_ environment, flags —
/// later wins), starts the long-running host, generates the scenario's traffic in real time, stops on Ctrl+C or SIGTERM.
/// </summary>
public sealed class SiloHandler(CliContext context, TimeProvider? time = null)
{
    /// <summary>Prefix of the environment variables read as configuration (<c>AGENTSIM_SILO__RATE=20</c>).</summary>
    public const string EnvironmentPrefix = "AGENTSIM_";

    private static readonly TimeSpan ProgressEvery = TimeSpan.FromSeconds(10);

    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <summary>The configuration of a silo: the files and variables .NET reads by default, then AGENTSIM_ variables, then <paramref name="flags"/>.</summary>
    public static IConfigurationRoot BuildConfiguration(IEnumerable<KeyValuePair<string, string?>> flags)
    {
        var environment = Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT")
            ?? Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT")
            ?? "Production";
        return new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddJsonFile($"appsettings.{environment}.json", optional: true)
            .AddEnvironmentVariables()
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(flags)
            .Build();
    }

    /// <summary>Runs the silo until it is stopped; returns the exit code.</summary>
    public async Task<int> RunAsync(IEnumerable<KeyValuePair<string, string?>> flags, CancellationToken cancellation)
    {
        var configuration = ConfigurationErrors.Build(() => BuildConfiguration(flags));
        SiloSettings settings;
        SiloTraffic? traffic;
        LiveTraffic? live;
        var progress = new LatestProgress();
        try
        {
            settings = SiloSettings.From(configuration);
            (traffic, live) = Traffic(settings, progress);
        }
        catch (ArgumentException ex)
        {
            await context.Error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.BadInput;
        }

        ListenUrls.CheckFree(settings.Urls, settings.UrlsLabel);
        SiloPorts.CheckFree((settings.SiloPort, settings.SiloPortLabel), (settings.GatewayPort, settings.GatewayPortLabel));
        if (settings.AdvertisedAddress is { } advertised && !System.Net.IPAddress.TryParse(advertised, out _))
        {
            await CheckResolvesAsync(advertised, settings.AdvertisedAddressLabel, cancellation);
        }

        if (settings.Redis is { } redis)
        {
            await RedisServer.CheckReachableAsync(redis, settings.RedisLabel, cancellation);
        }

        await using var host = await ListenUrls.StartAsync(settings.UrlsLabel, () => AgentSimHost.StartAsync(
            new AgentSimHostOptions
            {
                Urls = settings.Urls, Dashboard = settings.Dashboard, Traffic = traffic, Live = live, Configuration = configuration, ClusterId = settings.ClusterId,
                SiloPort = settings.SiloPort, GatewayPort = settings.GatewayPort,
                Clustering = settings.ClusteringKind, Redis = settings.Redis, AdvertisedAddress = settings.AdvertisedAddress,
            },
            cancellation));
        var root = host.BaseUri!.ToString().TrimEnd('/');
        context.Console.WriteLine($"silo {host.ClusterId} listening on {root}");
        context.Console.WriteLine($"  metrics   {root}/metrics");
        context.Console.WriteLine($"  health    {root}{AgentSimHealth.LivePath}, {root}{AgentSimHealth.ReadyPath}");
        context.Console.WriteLine(settings.Dashboard ? $"  dashboard {root}{AgentSimHost.DashboardPath}" : "  dashboard off (--dashboard serves it)");
        context.Console.WriteLine($"  orleans   gateway {settings.AdvertisedAddress ?? "127.0.0.1"}:{host.GatewayPort}, silo port {host.SiloPort}, cluster and service id {host.ClusterId}");
        if (settings.Redis is not null)
        {
            context.Console.WriteLine($"  cluster   membership and grain state in Redis at {RedisServer.Display(settings.Redis)}; clients: agentsim run --clustering redis --redis {RedisServer.Display(settings.Redis)} --cluster-id {host.ClusterId}");
        }

        if (live is not null)
        {
            context.Console.WriteLine($"  ingress   POST {root}{IngressEndpoints.ConversationsPath}, GET {root}{IngressEndpoints.ConversationsPath}/{{id}}");
        }

        context.Console.WriteLine((traffic, live) switch
        {
            (not null, _) => string.Create(CultureInfo.InvariantCulture, $"  traffic: {settings.Scenario}, {traffic.World.Config.Arrivals.RatePerSecond} conversations per simulated second on the paced clock, time scale {settings.TimeScale}, epoch {settings.EpochSeconds} s; Ctrl+C stops"),
            (_, { RatePerSecond: > 0 }) => string.Create(CultureInfo.InvariantCulture, $"  traffic: {settings.Scenario}, {live.RatePerSecond} conversations per simulated second in real time, time scale {settings.TimeScale}, epoch {settings.EpochSeconds} s, at most {live.MaxInFlight:N0} in flight; Ctrl+C stops"),
            (_, not null) => string.Create(CultureInfo.InvariantCulture, $"  traffic: {settings.Scenario} in real time, from the ingress only, time scale {settings.TimeScale}, at most {live.MaxInFlight:N0} in flight; Ctrl+C stops"),
            _ => "  no traffic (give --scenario to generate some); Ctrl+C stops",
        });

        var shutdown = host.WaitForShutdownAsync(cancellation);
        while (await Task.WhenAny(shutdown, Task.Delay(ProgressEvery, _time, CancellationToken.None)) != shutdown)
        {
            if (live is not null && host.Services.GetService(typeof(LiveSilo)) is LiveSilo { Run: { } run })
            {
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  simulated {TimeSpan.FromSeconds(Math.Floor(run.NowMicros / 1e6))}: {run.Conversations.Admitted:N0} conversations started, {run.Conversations.InFlight:N0} in flight"));
            }
            else if (progress.Value is { } p)
            {
                context.Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  simulated {TimeSpan.FromSeconds(Math.Floor(p.SimulatedSeconds))}: {p.Started:N0} conversations started, {p.Ended:N0} ended, {p.Started - p.Ended:N0} in flight"));
            }
        }

        await shutdown;
        if (host.TrafficFailure is { } failure)
        {
            await context.Error.WriteLineAsync($"error: the traffic failed: {failure.GetBaseException().Message}");
            return ExitCodes.Failure;
        }

        context.Console.WriteLine("silo stopped");
        return ExitCodes.Ok;
    }

    /// <summary>Throws <see cref="CliInputException"/> naming <paramref name="label"/> when the host name <paramref name="name"/> resolves to no address here.</summary>
    private static async Task CheckResolvesAsync(string name, string label, CancellationToken cancellation)
    {
        string? problem;
        try
        {
            problem = (await System.Net.Dns.GetHostAddressesAsync(name, cancellation)).Length > 0 ? null : "it resolves to no address";
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            throw new CliInputException($"{label}: '{name}' is not an IP address and its name does not resolve here ({problem}); give the IP address or host name other silos and clients reach this silo at");
        }
    }

    private static (SiloTraffic? Paced, LiveTraffic? Live) Traffic(SiloSettings settings, LatestProgress progress)
    {
        if (settings.Scenario is not { Length: > 0 } scenario)
        {
            return (null, null);
        }

        // Compiled once, here; the request carries the overridden text so a remote silo could compile the same world. The silo
        // runs without end, so the file's own conversation count (set to 1) is not checked against the run-length limit.
        // A rate of 0 (the ingress only) compiles with the scenario's own rate, which the real-time clock then does not generate.
        var rate = settings.Rate is 0 ? null : settings.Rate;
        var compiled = CompiledScenario.Compile(ScenarioSource.Resolve(scenario).With(rate, settings.EpochSeconds, conversations: 1), settings.Seed);
        if (settings.Clock == "paced")
        {
            var request = compiled.ToRunRequest($"silo-{Guid.NewGuid():N}", long.MaxValue, settings.Parallelism);
            return (new SiloTraffic(request, compiled.World, settings.TimeScale, progress), null);
        }

        var ownRate = settings.Rate is 0 ? 0 : compiled.World.Config.Arrivals.RatePerSecond;
        return (null, new LiveTraffic(compiled.World, settings.TimeScale, ownRate, settings.MaxInFlight, LiveConversations.DefaultRetained));
    }
}
