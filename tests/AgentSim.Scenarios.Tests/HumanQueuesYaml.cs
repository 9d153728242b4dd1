namespace AgentSim.Scenarios.Tests;

/// <summary>Scenario texts for the human-queue tests: a world on lines 1–11, then the queues from line 12, then the agents.</summary>
public static class HumanQueuesYaml
{
    /// <summary>The world without queues or agents: two channels, three customer tiers, one provider; 11 lines.</summary>
    public const string World = """
        name: queues
        channels:
          mix: {web_chat: 1, voice: 1}
        customers:
          tiers: {standard: 0.8, gold: 0.15, platinum: 0.05}
        providers:
          - name: p1
            channels: [web_chat, voice]
        routing:
          web_chat: {primary: p1}
          voice: {primary: p1}
        """;

    /// <summary>The world, then <paramref name="queues"/> from line 12, then <paramref name="agents"/> (one agent by default).</summary>
    public static string Scenario(string queues, string agents = "agents:\n  - name: a1") => $"{World}\n{queues}\n{agents}\n";
}
