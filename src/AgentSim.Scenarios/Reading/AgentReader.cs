using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads agents: intents, the human queue they hand over to, behaviour, latency and governance.</summary>
internal static class AgentReader
{
    private static readonly string[] AgentKeys = ["name", "intents", "queue", "behaviour", "latency", "concurrency", "governance"];

    private static readonly string[] GovernanceKeys =
    [
        "incident_budget", "failure_budget", "window_minutes", "cooldown_minutes", "fallback", "previous_version",
    ];

    private static readonly Dictionary<string, string> RemovedGovernanceKeys = new(StringComparer.Ordinal)
    {
        ["human_capacity_per_hour"] = "human handovers now go through human_queues "
            + "(e.g. human_queues: [{name: humans, servers: 60, handle_time: {mean_seconds: 360}}]); see docs/scenarios.md",
    };

    /// <summary>Reads the agents section present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.Require("agents", "list at least one AI agent deployment");
        top.With("agents", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var agent = Agent(Section.Open(context, item, itemPath, AgentKeys));
                context.Remember(agent, itemPath);
                config.Agents.Add(agent);
            }
        });
    }

    private static AgentConfig Agent(Section s)
    {
        var context = s.Context;
        var agent = new AgentConfig();
        s.Require("name");
        s.Text("name", v => agent.Name = v);
        s.With("intents", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                if (Scalar.Text(context, item, itemPath) is not { } intent)
                {
                    continue;
                }

                if (agent.Intents.Contains(intent))
                {
                    context.Report(item, itemPath, $"intent '{intent}' is listed twice");
                    continue;
                }

                agent.Intents.Add(intent);
            }
        });
        s.OptionalText("queue", v => agent.Queue = v);
        s.With("behaviour", (node, path) => agent.Behaviour = Specs.Behaviour(context, node, path, agent.Behaviour));
        s.With("latency", (node, path) => agent.Latency = Specs.Latency(context, node, path, agent.Latency));
        s.Integer("concurrency", NumberRule.AtLeast(1), v => agent.Concurrency = v);
        s.With("governance", (node, path) => Governance(Section.Open(context, node, path, GovernanceKeys, RemovedGovernanceKeys), agent.Governance));
        return agent;
    }

    private static void Governance(Section s, GovernanceConfig g)
    {
        var context = s.Context;
        s.Integer("incident_budget", NumberRule.NonNegative, v => g.IncidentBudget = v);
        s.Integer("failure_budget", NumberRule.NonNegative, v => g.FailureBudget = v);
        s.Number("window_minutes", NumberRule.Positive, v => g.WindowMinutes = v);
        s.Number("cooldown_minutes", NumberRule.Positive, v => g.CooldownMinutes = v);
        s.Name("fallback", Vocabulary.Fallbacks, v => g.Fallback = v);
        s.With("previous_version", (node, path) => g.PreviousVersion = Specs.Behaviour(context, node, path, g.PreviousVersion));
    }
}
