using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.EnvironmentVariables;
using Microsoft.Extensions.Configuration.Memory;

namespace AgentSim.Cli.Validation;

/// <summary>Names where a configuration key's value came from — a settings file, an environment variable or a flag — for problem messages.</summary>
public static class SettingSource
{
    /// <summary>
    /// How to name <paramref name="key"/> in a problem: the flag itself (<c>--rate</c>) when the command line set it, else the key
    /// and its source (<c>Silo:Rate (environment variable AGENTSIM_SILO__RATE)</c>).
    /// </summary>
    public static string Label(IConfiguration configuration, string key, IReadOnlyDictionary<string, string> flags)
    {
        var provider = configuration is IConfigurationRoot root ? root.Providers.Reverse().FirstOrDefault(p => p.TryGet(key, out _)) : null;
        return provider switch
        {
            MemoryConfigurationProvider when flags.TryGetValue(key, out var flag) => flag,
            FileConfigurationProvider file => $"{key} ({file.Source.FileProvider?.GetFileInfo(file.Source.Path ?? "").PhysicalPath ?? file.Source.Path})",
            EnvironmentVariablesConfigurationProvider environment => $"{key} (environment variable {Prefix(environment)}{key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant()})",
            null => key,
            _ => $"{key} ({provider})",
        };
    }

    // The provider shows its prefix only in ToString(): "EnvironmentVariablesConfigurationProvider Prefix: 'AGENTSIM_'".
    private static string Prefix(EnvironmentVariablesConfigurationProvider provider)
    {
        var text = provider.ToString();
        var start = text.IndexOf("Prefix: '", StringComparison.Ordinal);
        return start < 0 ? "" : text[(start + 9)..].TrimEnd('\'');
    }
}
