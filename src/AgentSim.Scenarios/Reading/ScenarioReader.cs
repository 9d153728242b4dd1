using System.Text.RegularExpressions;
using AgentSim.Model.Configuration;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace AgentSim.Scenarios.Reading;

/// <summary>Maps a scenario document onto <see cref="ScenarioConfig"/>: parses the YAML, reads each section, then checks cross-references.</summary>
internal static partial class ScenarioReader
{
    private static readonly string[] TopKeys =
    [
        "name", "description", "seed", "conversations", "arrivals", "time", "channels", "customers", "conversation",
        "providers", "routing", "context", "human_queues", "agents", "guardrails", "faults",
    ];

    /// <summary>Reads the text, reporting every problem into <paramref name="context"/>; returns what could be read.</summary>
    public static ScenarioConfig Read(ReadContext context, string yaml)
    {
        var config = new ScenarioConfig();
        if (Parse(context, yaml) is not { } root)
        {
            return config;
        }

        var top = Section.Open(context, root, "", TopKeys);
        if (!top.IsMapping)
        {
            return config;
        }

        top.Text("name", v => config.Name = v);
        top.Text("description", v => config.Description = v);
        top.With("seed", (n, p) => config.Seed = Scalar.Unsigned(context, n, p) ?? config.Seed);
        top.Integer("conversations", NumberRule.Between(1, RunLimits.MaxConversations), v => config.Conversations = v);
        WorldReader.Read(top, config);
        ProviderReader.Read(top, config);
        HumanQueueReader.Read(top, config);
        AgentReader.Read(top, config);
        GuardrailReader.Read(top, config);
        FaultReader.Read(top, config);
        CrossReferences.Check(context, config);
        EpochBudget.Check(context, config);
        return config;
    }

    private static YamlNode? Parse(ReadContext context, string yaml)
    {
        var stream = new YamlStream();
        var parser = new DepthLimitedParser(new Parser(new StringReader(yaml)));
        try
        {
            stream.Load(parser);
        }
        catch (NestingTooDeepException ex)
        {
            context.Report(ex.Line, ex.Field, ex.Detail);
            return null;
        }
        catch (YamlException ex)
        {
            var message = PositionPrefix().Replace(ex.Message, "");
            var inner = ex.InnerException is { Message: { Length: > 0 } detail } && !message.Contains(detail, StringComparison.Ordinal)
                ? $" ({detail})"
                : "";
            context.Report(checked((int)ex.Start.Line), "syntax", $"invalid YAML at column {ex.Start.Column}: {message}{inner}");
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner can fail without a position (e.g. an unclosed flow list); point at the last node it read.
            var line = parser.Current is { } current ? checked((int)current.Start.Line) : 1;
            context.Report(line, "syntax", "invalid YAML after this line: the parser could not continue (an unclosed [ or {, or a stray quote?)");
            return null;
        }

        if (stream.Documents.Count == 0 || Scalar.IsNull(stream.Documents[0].RootNode))
        {
            context.Report(1, "document", "the file is empty; a scenario needs at least providers, routing and agents");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            context.Report(stream.Documents[1].RootNode, "document", "a scenario file holds one YAML document; remove the extra '---' section");
        }

        return stream.Documents[0].RootNode;
    }

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
