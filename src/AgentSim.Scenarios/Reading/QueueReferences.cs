using AgentSim.Model.Configuration;

namespace AgentSim.Scenarios.Reading;

/// <summary>Checks the human queues' references: queue names are unique, priorities name customer tiers, agents name queues that exist.</summary>
internal static class QueueReferences
{
    /// <summary>Runs the queue checks over what was read.</summary>
    public static void Check(ReadContext context, ScenarioConfig config)
    {
        var queues = CrossReferences.Unique(context, config.HumanQueues, q => q.Name, "queue");
        Priorities(context, config);
        Agents(context, config, queues);
    }

    private static void Priorities(ReadContext context, ScenarioConfig config)
    {
        if (context.HasProblemsUnder("customers.tiers"))
        {
            return;
        }

        var tiers = config.Customers.Tiers;
        foreach (var queue in config.HumanQueues)
        {
            var path = context.PathOf(queue);
            for (var i = 0; i < queue.TierPriority.Count; i++)
            {
                if (!tiers.ContainsKey(queue.TierPriority[i]))
                {
                    context.Report(
                        $"{path}.priority[{i}]",
                        $"unknown customer tier '{queue.TierPriority[i]}'; tiers (from customers.tiers): {CrossReferences.Names(tiers.Keys)}");
                }
            }
        }
    }

    private static void Agents(ReadContext context, ScenarioConfig config, Dictionary<string, HumanQueueConfig> queues)
    {
        foreach (var agent in config.Agents)
        {
            if (agent.Queue is not { } name)
            {
                continue;
            }

            var field = $"{context.PathOf(agent)}.queue";
            if (!context.Has("human_queues"))
            {
                context.Report(field, $"unknown queue '{name}': the scenario has no human_queues; define human_queues, "
                    + $"e.g. human_queues: [{{name: {name}, servers: 60, handle_time: {{mean_seconds: 360}}}}]");
            }
            else if (!queues.ContainsKey(name))
            {
                context.Report(field, $"unknown queue '{name}'; queues (from human_queues): {CrossReferences.Names(queues.Keys)}");
            }
        }
    }
}
