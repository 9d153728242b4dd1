using System.Globalization;
using AgentSim.Model.Configuration;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Reads <c>human_queues</c>: each queue's name, servers, handle time, patience, service level and tier priority.</summary>
internal static class HumanQueueReader
{
    private static readonly string[] QueueKeys = ["name", "servers", "handle_time", "patience", "service_level_seconds", "priority"];

    private static readonly NumberRule ServerCount = NumberRule.Between(1, int.MaxValue);

    /// <summary>Reads the human_queues section when it is present at the top level.</summary>
    public static void Read(Section top, ScenarioConfig config)
    {
        var context = top.Context;
        top.With("human_queues", (node, path) =>
        {
            foreach (var (item, itemPath) in Nodes.Items(context, node, path))
            {
                var queue = Queue(Section.Open(context, item, itemPath, QueueKeys));
                context.Remember(queue, itemPath);
                config.HumanQueues.Add(queue);
            }

            if (config.HumanQueues.Count == 0 && (node is YamlSequenceNode || Scalar.IsNull(node)))
            {
                context.Report(node, path, "list at least one queue, or remove human_queues (without it every handover goes to one queue with unlimited servers)");
            }
        });
    }

    private static HumanQueueConfig Queue(Section s)
    {
        var context = s.Context;
        var queue = new HumanQueueConfig { Name = "" };
        s.Require("name");
        s.Text("name", v => queue.Name = v);
        s.With("servers", (node, path) => Servers(context, node, path, queue));
        s.With("handle_time", (node, path) => queue.HandleTime = QueueSpecs.HandleTime(context, node, path) ?? queue.HandleTime);
        s.With("patience", (node, path) => queue.Patience = QueueSpecs.Patience(context, node, path));
        s.Number("service_level_seconds", NumberRule.Positive, v => queue.ServiceLevelSeconds = v);
        s.With("priority", (node, path) => queue.TierPriority = Priority(context, node, path));
        return queue;
    }

    private static void Servers(ReadContext context, YamlNode node, string path, HumanQueueConfig queue)
    {
        if (node is YamlScalarNode { Value: "unlimited" })
        {
            queue.Servers = null;
            return;
        }

        if (node is YamlScalarNode { Value: { } text } && !Scalar.IsNull(node)
            && long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            if (Scalar.Integer(context, node, path, ServerCount) is { } servers)
            {
                queue.Servers = servers;
            }

            return;
        }

        context.Report(node, path, $"expected a whole number of servers (1 or more) or 'unlimited', got {Scalar.Describe(node)}");
    }

    private static List<string> Priority(ReadContext context, YamlNode node, string path)
    {
        var tiers = new List<string>();
        foreach (var (item, itemPath) in Nodes.Items(context, node, path))
        {
            if (Scalar.Text(context, item, itemPath) is not { } tier)
            {
                continue;
            }

            if (tiers.Contains(tier))
            {
                context.Report(item, itemPath, $"tier '{tier}' is listed twice");
                continue;
            }

            tiers.Add(tier);
        }

        return tiers;
    }
}
