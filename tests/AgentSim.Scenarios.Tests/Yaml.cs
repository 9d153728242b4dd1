namespace AgentSim.Scenarios.Tests;

/// <summary>Small scenario texts shared by tests.</summary>
public static class Yaml
{
    /// <summary>The smallest valid scenario: one channel, one provider, one route, one agent serving every intent.</summary>
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
}
