using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Tests.Guardrails.Checks;

/// <summary>Builders for check tests: layers, utterances with planted values, and turns.</summary>
internal static class CheckFixtures
{
    /// <summary>A Luhn-valid test card number.</summary>
    public const string Card = "4111 1111 1111 1111";

    /// <summary>A layer of a kind; no misses or false positives unless set.</summary>
    public static GuardrailConfig Layer(GuardrailKind kind, OnFailAction onFail = OnFailAction.Block, params PiiEntity[] entities) => new()
    {
        Name = "layer",
        Kind = kind,
        Placement = Placement.Application,
        Channels = [.. ChannelInfo.All],
        Entities = [.. entities],
        OnFail = onFail,
        MissRate = 0,
        FalsePositiveRate = 0,
    };

    /// <summary>An utterance on <paramref name="channel"/> planting <paramref name="value"/> of <paramref name="entity"/> in a written sentence (spoken on voice).</summary>
    public static Utterance Planted(Channel channel, PiiEntity entity, string value, string sentence)
    {
        var written = string.Format(null, sentence, value);
        return new Utterance
        {
            Text = channel.IsSpoken() ? SpokenForms.Speak(written) : written,
            Entity = entity,
            EntityValue = value,
            EntityFingerprint = SpokenForms.Fingerprint(value),
        };
    }

    /// <summary>An utterance with nothing planted.</summary>
    public static Utterance Clean(string text = "Where is my order?") => new() { Text = text };

    /// <summary>A turn on a channel with a re-ask costing a fixed ~100 ms.</summary>
    public static CheckedTurn Turn(Channel channel, Utterance u) => new(channel, u, new LogNormal(100, 100.0001));

    /// <summary>A random stream for a test.</summary>
    public static Rng Rng(ulong seed = 1) => new(seed);

    /// <summary>Runs a layer's input check on an utterance.</summary>
    public static (CheckResult Result, CustomerMessage Message) Input(GuardrailConfig layer, Channel channel, Utterance u, ulong seed = 1)
    {
        var check = GuardrailChecks.Create(layer);
        var message = CustomerMessage.Of(u);
        var rng = Rng(seed);
        var result = check.CheckInput(Turn(channel, u), ref message, ref rng);
        return (result, message);
    }

    /// <summary>Runs a layer's output check on an answer.</summary>
    public static (CheckResult Result, AgentAnswer Answer, long Latency) Output(GuardrailConfig layer, Channel channel, Utterance u, AgentAnswer answer, ulong seed = 1)
    {
        var check = GuardrailChecks.Create(layer);
        var rng = Rng(seed);
        long latency = 0;
        var result = check.CheckOutput(Turn(channel, u), ref answer, ref rng, ref latency);
        return (result, answer, latency);
    }
}
