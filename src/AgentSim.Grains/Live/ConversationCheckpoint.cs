using System.Buffers.Binary;
using System.Text;
using AgentSim.Abstractions.Messages;
using AgentSim.Model.Channels;
using AgentSim.Model.Conversations;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;

namespace AgentSim.Grains.Live;

/// <summary>
/// A real-time conversation's state in a few hundred bytes, written to the cluster's ledger after every step so a
/// surviving silo can resume it where it stood. What is drawn at the start (the customer, intent, agent, turns needed) is
/// not stored: the request's names and the conversation id give it again (<see cref="LiveRun.Rebuild"/>); what the
/// turns changed is (both random streams' positions, channel, provider, progress, frustration, repeats, lost context,
/// outcome, handover), with the scenario's name and seed, so a silo running another scenario refuses it, and the wall-clock
/// time of the next step, so the survivor keeps the schedule on its own clock.
/// </summary>
public sealed class ConversationCheckpoint
{
    private const byte Version = 1;

    /// <summary>Conversation id.</summary>
    public required long Id { get; init; }

    /// <summary>What the request fixed.</summary>
    public required ConversationSpec Spec { get; init; }

    /// <summary>Scenario name and seed of the world it was started in.</summary>
    public required string World { get; init; }

    /// <summary>The conversation's state when written.</summary>
    public required ConversationState State { get; init; }

    /// <summary>Wall-clock time of its next step (a turn, or its end after the last answer), Unix µs.</summary>
    public required long DueUnixMicros { get; init; }

    /// <summary>True when the outcome is decided and the next step only ends it (the customer hearing the last answer).</summary>
    public required bool Ending { get; init; }

    /// <summary>The world's identity as a checkpoint records it: scenario name and seed.</summary>
    public static string WorldOf(AgentSim.Model.Engine.World world)
    {
        ArgumentNullException.ThrowIfNull(world);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{world.Config.Name}#{world.Seed}");
    }

    /// <summary>The bytes of this checkpoint.</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream(256);
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            var c = State;
            w.Write(Version);
            w.Write(Id);
            WriteText(w, World);
            WriteText(w, Spec.Channel);
            WriteText(w, Spec.Intent);
            WriteText(w, Spec.Tier);
            w.Write(Spec.Seed.HasValue);
            w.Write(Spec.Seed ?? 0);
            WriteRng(w, c.Rng);
            WriteRng(w, c.GuardRng);
            w.Write((int)c.Channel);
            w.Write(c.LastProvider);
            w.Write(c.Turns);
            w.Write(c.Progress);
            w.Write(c.Frustration);
            w.Write(c.Repeats);
            w.Write(c.ContextLost);
            w.Write(c.Outcome.HasValue ? (int)c.Outcome.Value : -1);
            w.Write(c.HandedOver);
            w.Write(DueUnixMicros);
            w.Write(Ending);
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// Reads a checkpoint written by <see cref="ToBytes"/> and rebuilds its conversation in <paramref name="run"/>'s world:
    /// false, with the reason, when the bytes are not a checkpoint of this version, were written in another scenario, or
    /// name what this world does not have.
    /// </summary>
    public static bool TryRead(byte[] bytes, LiveRun run, out ConversationCheckpoint? checkpoint, out string reason)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(run);
        checkpoint = null;
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
            if (r.ReadByte() != Version)
            {
                reason = "the checkpoint was written by another version";
                return false;
            }

            var id = r.ReadInt64();
            var world = ReadText(r);
            if (world != WorldOf(run.World))
            {
                reason = $"the conversation ran in scenario {world}, this silo runs {WorldOf(run.World)}";
                return false;
            }

            var channel = ReadText(r);
            var intent = ReadText(r);
            var tier = ReadText(r);
            var hasSeed = r.ReadBoolean();
            var seed = r.ReadUInt64();
            var spec = new ConversationSpec(channel, intent, tier, hasSeed ? seed : null);
            if (!run.TryResolve(spec, out var choices, out var problems))
            {
                reason = string.Join("; ", problems);
                return false;
            }

            // The start draws again from (seed, id): the same customer, intent, agent and turns needed; no event is observed.
            var c = run.Rebuild(id, choices);
            c.Rng = ReadRng(r);
            c.GuardRng = ReadRng(r);
            c.Channel = (Channel)r.ReadInt32();
            c.LastProvider = r.ReadInt32();
            c.Turns = r.ReadInt32();
            c.Progress = r.ReadInt32();
            c.Frustration = r.ReadDouble();
            c.Repeats = r.ReadInt32();
            c.ContextLost = r.ReadBoolean();
            var outcome = r.ReadInt32();
            c.Outcome = outcome < 0 ? null : (Outcome)outcome;
            c.HandedOver = r.ReadBoolean();
            var due = r.ReadInt64();
            var ending = r.ReadBoolean();
            if (!Enum.IsDefined(c.Channel) || (c.Outcome is { } o && !Enum.IsDefined(o)))
            {
                reason = "the checkpoint names a channel or outcome this version does not have";
                return false;
            }

            checkpoint = new ConversationCheckpoint { Id = id, Spec = spec, World = world, State = c, DueUnixMicros = due, Ending = ending };
            reason = "";
            return true;
        }
        catch (EndOfStreamException)
        {
            reason = "the checkpoint is truncated";
            return false;
        }
    }

    private static void WriteText(BinaryWriter w, string? text)
    {
        w.Write(text is not null);
        w.Write(text ?? "");
    }

    private static string? ReadText(BinaryReader r)
    {
        var present = r.ReadBoolean();
        var text = r.ReadString();
        return present ? text : null;
    }

    private static void WriteRng(BinaryWriter w, Rng rng)
    {
        var (s0, s1, s2, s3) = rng.State;
        Span<byte> words = stackalloc byte[32];
        BinaryPrimitives.WriteUInt64LittleEndian(words, s0);
        BinaryPrimitives.WriteUInt64LittleEndian(words[8..], s1);
        BinaryPrimitives.WriteUInt64LittleEndian(words[16..], s2);
        BinaryPrimitives.WriteUInt64LittleEndian(words[24..], s3);
        w.Write(words);
    }

    private static Rng ReadRng(BinaryReader r) => Rng.FromState((r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64(), r.ReadUInt64()));
}
