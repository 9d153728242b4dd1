namespace AgentSim.Cli.Tests;

/// <summary>Scenario texts the tests use.</summary>
public static class TestScenarios
{
    /// <summary>A file with several mistakes on known lines.</summary>
    public const string Malformed = """
        name: broken
        seed: 42
        channels:
          mix: {web_chat: 1, fax: 0.5}
          switch_probability: 1.5
        providers:
          - name: p1
            channels: [web_chat]
            error_rate: -0.1
        routing:
          web_chat: {primary: nobody}
        """;

    /// <summary>The smallest valid scenario (one channel, provider, route and agent), ending with a newline.</summary>
    public const string Minimal = """
        name: tiny
        channels:
          mix: {web_chat: 1}
        providers:
          - name: p1
            channels: [web_chat]
        routing:
          web_chat: {primary: p1}
        agents:
          - name: a1

        """;

    /// <summary>Lines in <see cref="Minimal"/>: what is appended to it starts on the next line.</summary>
    public const int MinimalLines = 10;

    /// <summary>True for a line of the form <c>file:line: field: message</c> naming <paramref name="file"/>.</summary>
    public static bool IsProblemLine(string line, string file) =>
        line.StartsWith(file + ":", StringComparison.Ordinal)
        && System.Text.RegularExpressions.Regex.IsMatch(line[(file.Length + 1)..], @"^\d+: [A-Za-z0-9_\.\[\]]+: \S");
}
