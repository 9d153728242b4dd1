using AgentSim.Abstractions.Grains;
using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Worlds;
using AgentSim.Model.Transcripts;

namespace AgentSim.Grains.Conversations;

/// <summary>
/// A conversation of a run, replayed on request: it asks the run's coordinator for the request and the epoch
/// snapshots from the conversation's arrival on, and plays the Model's turns again with a transcript recorder.
/// The transcript is kept once made.
/// </summary>
public sealed class ConversationGrain(WorldCache worlds) : Grain, IConversationGrain
{
    private const int Chunk = 256;
    private TranscriptView? _transcript;

    /// <inheritdoc />
    public async Task<TranscriptView> GetTranscriptAsync()
    {
        if (_transcript is not null)
        {
            return _transcript;
        }

        var (runId, part) = GrainKeys.Split(this.GetPrimaryKeyString());
        if (!long.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            throw new ArgumentException($"'{part}' is not a conversation id.");
        }

        var coordinator = GrainFactory.GetGrain<IRunCoordinatorGrain>(runId);
        var request = await coordinator.GetRequestAsync();
        var world = worlds.Get(request);
        var progress = await coordinator.GetProgressAsync();
        var replay = new ConversationReplay(world, id, request.Conversations, progress.Epochs);
        while (true)
        {
            var snapshots = await coordinator.GetSnapshotsAsync(replay.Epoch, Chunk);
            if (snapshots.Length == 0)
            {
                throw new InvalidOperationException($"Conversation {id} has not ended yet: the run is still at epoch {replay.Epoch}.");
            }

            foreach (var snapshot in snapshots)
            {
                if (replay.Advance(snapshot.ToModel()))
                {
                    _transcript = TranscriptView.From(replay.Result());
                    return _transcript;
                }
            }
        }
    }
}
