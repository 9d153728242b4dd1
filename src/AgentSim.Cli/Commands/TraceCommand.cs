using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Cli.Output;
using AgentSim.Cli.Reports;
using AgentSim.Cli.Running;
using AgentSim.Cli.Validation;
using AgentSim.Grains.Worlds;
using AgentSim.Host.Hosting;
using AgentSim.Model.Results;
using AgentSim.Model.Transcripts;
using AgentSim.Scenarios;
using AgentSim.Scenarios.Reading;
using Spectre.Console;

namespace AgentSim.Cli.Commands;

/// <summary>
/// <c>agentsim trace [SCENARIO]</c>: runs a scenario on the in-process silo, then asks a conversation grain to replay one
/// conversation — by id, or the first one that shows what <c>--find</c> names — and prints its transcript. With
/// <c>--clustering redis</c> the run and the replay go to an existing cluster as an Orleans client; the transcript is the same.
/// </summary>
public static class TraceCommand
{
    /// <summary>What <c>--find</c> accepts, and what each looks for.</summary>
    public static readonly IReadOnlyDictionary<string, Func<Transcript, bool>> Finders = new Dictionary<string, Func<Transcript, bool>>(StringComparer.Ordinal)
    {
        ["switch"] = t => t.Turns.Any(turn => turn.SwitchedFrom is not null),
        ["context-loss"] = t => t.Turns.Any(turn => turn.ContextLost is not null),
        ["pii-leak"] = t => t.Turns.Any(turn => turn.Incidents.Any(i => i.StartsWith("pii_leak", StringComparison.Ordinal))),
        ["incident"] = t => t.Turns.Any(turn => turn.Incidents.Count > 0),
        ["undetected"] = t => t.Turns.Any(turn => turn.Incidents.Any(i => i.EndsWith("undetected", StringComparison.Ordinal))),
        ["failover"] = t => t.Turns.Any(turn => turn.Providers.Count > 1),
        ["resolved"] = t => t.Outcome == "resolved",
        ["handed-over"] = t => t.Outcome == ConversationReplay.HandedOver,
        ["escalated"] = t => t.Outcome == ConversationReplay.HandedOver,
        ["abandoned"] = t => t.Outcome == "abandoned",
        ["failed"] = t => t.Outcome == "failed",
    };

    private const int Batch = 64;

    /// <summary>Builds the command.</summary>
    public static Command Create(CliContext context)
    {
        var scenario = new Argument<string>("SCENARIO")
        {
            Description = "A scenario file or a preset name.",
            Arity = ArgumentArity.ZeroOrOne,
            DefaultValueFactory = _ => RunCommand.DefaultScenario,
        };
        var conversation = NumberOption.Create("--conversation", "Conversation id to replay (default 0, or the first found by --find).", 0L, long.MaxValue);
        var find = new Option<string?>("--find") { Description = $"Replay the first conversation showing one of: {string.Join(", ", Finders.Keys)}." };
        find.AcceptOnlyFromAmong([.. Finders.Keys]);
        var seed = NumberOption.Create("--seed", "Seed override (default: the scenario's seed).", 0UL, ulong.MaxValue);
        var conversations = NumberOption.Create("--conversations", "Conversations in the run (default: the scenario's count).", 1L, RunLimits.MaxConversations);
        var output = OutputOption.Create("Output directory for transcript-ID.md and .json.");
        var cluster = ClusterOptions.Create("the run and the replay go", "with localhost, the in-process silo's id");
        var command = new Command("trace", "Run a scenario and show one conversation turn by turn: switches, context, providers, guardrails, incidents.")
        {
            scenario, conversation, find, seed, conversations, output, cluster.Clustering, cluster.Redis, cluster.ClusterId,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(conversation) is not null && result.GetResult(find) is not null)
            {
                result.AddError("--conversation and --find cannot be used together: give a conversation id, or let --find pick the first conversation that shows something");
            }
        });
        command.SetAction(async (parse, cancellation) =>
        {
            var where = cluster.Read(parse);
            var compiled = CompiledScenario.Load(parse.GetValue(scenario) ?? RunCommand.DefaultScenario, parse.GetValue(seed));
            ConversationBudget.Check(compiled.Config, parse.GetValue(conversations));
            var request = compiled.ToRunRequest(
                $"trace-{Guid.NewGuid():N}",
                parse.GetValue(conversations) ?? compiled.Config.Conversations,
                Environment.ProcessorCount);
            var id = parse.GetValue(conversation) ?? 0;
            if (id >= request.Conversations)
            {
                // Checked before the run: the conversation grain would say the same, after running every conversation.
                await context.Error.WriteLineAsync($"error: conversation {id} did not start in this run (it starts conversations 0 to {request.Conversations - 1}).");
                return ExitCodes.BadInput;
            }

            // With --clustering redis the run and the replay go to the cluster through one client; else to a silo in this process.
            await using var client = where.OnCluster ? await ClusterConnection.ConnectAsync(context, where.Redis!, where.ClusterId!, cancellation) : null;
            await using var host = where.OnCluster ? null : await AgentSimHost.StartAsync(new AgentSimHostOptions { ClusterId = where.ClusterId }, cancellation);
            IGrainFactory grains;
            if (client is not null)
            {
                await client.RunAsync(request, compiled.World, null, cancellation);
                grains = client.Client;
            }
            else
            {
                await host!.RunAsync(request, compiled.World, null, cancellation);
                grains = host.GrainFactory;
            }

            var transcript = parse.GetValue(find) is { } what
                ? await FindAsync(grains, request, Finders[what], cancellation)
                : await ReplayAsync(grains, request, id);
            if (transcript is null)
            {
                await context.Error.WriteLineAsync($"No conversation of the {request.Conversations} in this run shows '{parse.GetValue(find)}'.");
                return ExitCodes.Failure;
            }

            var markdown = TranscriptText.Markdown(transcript);
            var directory = parse.GetValue(output) ?? "out";
            var name = $"transcript-{transcript.ConversationId.ToString(CultureInfo.InvariantCulture)}";
            AtomicFile.WriteAllText(Path.Combine(directory, name + ".md"), markdown);
            AtomicFile.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(transcript, ResultsJson.Options) + "\n");
            context.Console.Write(new Text(markdown));
            context.Console.WriteLine($"Wrote {name}.md and {name}.json to {Path.GetFullPath(directory)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<Transcript> ReplayAsync(IGrainFactory grains, RunRequest request, long id) =>
        (await grains.GetGrain<IConversationGrain>(GrainKeys.Conversation(request.RunId, id)).GetTranscriptAsync()).ToModel();

    private static async Task<Transcript?> FindAsync(IGrainFactory grains, RunRequest request, Func<Transcript, bool> wanted, CancellationToken cancellation)
    {
        for (long first = 0; first < request.Conversations; first += Batch)
        {
            cancellation.ThrowIfCancellationRequested();
            var ids = Enumerable.Range(0, (int)Math.Min(Batch, request.Conversations - first)).Select(i => first + i);
            var batch = await Task.WhenAll(ids.Select(id => ReplayAsync(grains, request, id)));
            if (batch.FirstOrDefault(wanted) is { } found)
            {
                return found;
            }
        }

        return null;
    }
}
