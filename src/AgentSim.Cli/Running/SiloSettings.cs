using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace AgentSim.Cli.Running;

/// <summary>
/// The settings of <c>agentsim silo</c>, bound from configuration: the root key <c>Urls</c> and the section <c>Silo</c>.
/// </summary>
public sealed class SiloSettings
{
    /// <summary>Configuration section of everything but <see cref="Urls"/>.</summary>
    public const string Section = "Silo";

    /// <summary>Root configuration key of <see cref="Urls"/> (ASP.NET Core's own name for it).</summary>
    public const string UrlsKey = "Urls";

    /// <summary>Address served when none is configured: loopback only, the OpenTelemetry Prometheus port.</summary>
    public const string DefaultUrls = "http://127.0.0.1:9464";

    /// <summary>Where metrics, health and the dashboard are served, separated by ';'.</summary>
    public string Urls { get; set; } = DefaultUrls;

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

    /// <summary>Binds the settings; throws <see cref="ArgumentException"/> naming the key when a value is out of range or unreadable.</summary>
    public static SiloSettings From(IConfiguration configuration)
    {
        var settings = new SiloSettings();
        try
        {
            configuration.GetSection(Section).Bind(settings);
        }
        catch (InvalidOperationException ex)
        {
            throw new ArgumentException($"{Section}: {ex.GetBaseException().Message}", ex);
        }

        settings.Urls = configuration[UrlsKey] is { Length: > 0 } urls ? urls : DefaultUrls;
        Require(settings.Rate is null or > 0 && double.IsFinite(settings.Rate ?? 1), "Rate", settings.Rate);
        Require(settings.TimeScale > 0 && double.IsFinite(settings.TimeScale), "TimeScale", settings.TimeScale);
        Require(settings.EpochSeconds > 0 && double.IsFinite(settings.EpochSeconds), "EpochSeconds", settings.EpochSeconds);
        Require(settings.Parallelism is >= 1 and <= 1024, "Parallelism", settings.Parallelism);
        return settings;
    }

    private static void Require(bool ok, string key, object? value)
    {
        if (!ok)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{Section}:{key} is out of range: {value}."));
        }
    }
}
