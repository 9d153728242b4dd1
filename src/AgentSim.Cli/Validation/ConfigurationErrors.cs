using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace AgentSim.Cli.Validation;

/// <summary>Builds a configuration, turning an unreadable settings file into a <see cref="CliInputException"/> that names the file and the line.</summary>
public static class ConfigurationErrors
{
    /// <summary>Runs <paramref name="build"/>; a malformed JSON settings file becomes one problem: <c>file:line: invalid JSON: …</c>.</summary>
    public static IConfigurationRoot Build(Func<IConfigurationRoot> build)
    {
        try
        {
            return build();
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or JsonException)
        {
            var file = ex is InvalidDataException && Quoted(ex.Message) is { } path ? path : "appsettings";
            var json = ex as JsonException ?? ex.InnerException as JsonException ?? ex.InnerException?.InnerException as JsonException;
            var line = json?.LineNumber is { } zeroBased ? $":{zeroBased + 1}" : "";
            var detail = (json ?? ex.GetBaseException()).Message;
            var cut = detail.IndexOf(" LineNumber:", StringComparison.Ordinal);
            throw new CliInputException($"{file}{line}: invalid JSON: {(cut > 0 ? detail[..cut] : detail)}", ex);
        }
    }

    private static string? Quoted(string message)
    {
        var start = message.IndexOf('\'', StringComparison.Ordinal);
        var end = message.LastIndexOf('\'');
        return start >= 0 && end > start ? message[(start + 1)..end] : null;
    }
}
