using AgentSim.Abstractions.Messages;
using AgentSim.Grains.Live;
using AgentSim.Model.Conversations;
using AgentSim.Model.Engine;
using AgentSim.Scenarios;
using Microsoft.Extensions.Time.Testing;

namespace AgentSim.Grains.Tests.Live;

/// <summary>
/// A real-time conversation's checkpoint: written after some turns on one silo's clock and read on another's, the
/// rebuilt conversation plays the very turns the original would have (same random streams, same context), so a
/// conversation resumed after its silo was lost continues rather than starts again; a checkpoint of another scenario or
/// a truncated one is refused with the reason.
/// </summary>
public sealed class ConversationCheckpointTests
{
    private const double TimeScale = 10;

    private static readonly World Baseline = World.Compile(Presets.Load("baseline"));

    private static LiveRun NewRun(World world)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 0, 0, 0, TimeSpan.Zero));
        return new LiveRun(world, TimeScale, new LiveConversations(100, 100, time, new NoLiveMetrics()), null, time);
    }

    private static ConversationCheckpoint Checkpoint(ConversationState c, ConversationSpec spec, World world) => new()
    {
        Id = c.Id,
        Spec = spec,
        World = ConversationCheckpoint.WorldOf(world),
        State = c,
        DueUnixMicros = 1_000_000,
        Ending = false,
    };

    private static string Fingerprint(ConversationState c) =>
        $"{c.Turns} {c.Progress} {c.Frustration:R} {c.Repeats} {c.ContextLost} {c.Channel} {c.LastProvider} {c.Outcome} {c.HandedOver} {c.Rng.State} {c.GuardRng.State}";

    [Theory]
    [InlineData(7L, null)]
    [InlineData(42L, "voice")]
    [InlineData(1099511627777L, "web_chat")]
    public void ReadOnAnotherClock_PlaysTheSameTurnsAsTheOriginal(long id, string? channel)
    {
        var spec = new ConversationSpec(channel, Seed: (ulong)id * 31);
        var original = NewRun(Baseline);
        Assert.True(original.TryResolve(spec, out var choices, out _));
        var c = original.Start(id, choices);
        original.Play(c);

        var bytes = Checkpoint(c, spec, Baseline).ToBytes();
        var survivor = NewRun(Baseline);
        Assert.True(ConversationCheckpoint.TryRead(bytes, survivor, out var read, out var reason), reason);
        var resumed = read!.State;
        Assert.Equal(Fingerprint(c), Fingerprint(resumed));
        Assert.Equal((c.Id, c.Intent, c.Agent, c.TurnsNeeded, c.Customer.Id, c.Customer.Tier), (resumed.Id, resumed.Intent, resumed.Agent, resumed.TurnsNeeded, resumed.Customer.Id, resumed.Customer.Tier));
        Assert.Equal(spec, read.Spec);

        // The rest of the conversation, turn by turn, on both clocks.
        for (var turn = 0; turn < 20 && c.Outcome is null && !c.HandedOver; turn++)
        {
            original.Play(c);
            survivor.Play(resumed);
            Assert.Equal(Fingerprint(c), Fingerprint(resumed));
        }

        Assert.True(c.Outcome is not null || c.HandedOver, "the conversation did not end within 20 turns");
    }

    [Fact]
    public void TryRead_RefusesACheckpointOfAnotherScenario_AndATruncatedOne()
    {
        var spec = new ConversationSpec();
        var original = NewRun(Baseline);
        Assert.True(original.TryResolve(spec, out var choices, out _));
        var c = original.Start(5, choices);
        var bytes = Checkpoint(c, spec, Baseline).ToBytes();

        var other = NewRun(World.Compile(Presets.Load("provider-outage")));
        Assert.False(ConversationCheckpoint.TryRead(bytes, other, out _, out var reason));
        Assert.Contains("scenario", reason, StringComparison.Ordinal);

        Assert.False(ConversationCheckpoint.TryRead(bytes[..(bytes.Length / 2)], NewRun(Baseline), out _, out reason));
        Assert.Contains("truncated", reason, StringComparison.Ordinal);
        Assert.True(bytes.Length < 256, $"a checkpoint is {bytes.Length} bytes");
    }
}
