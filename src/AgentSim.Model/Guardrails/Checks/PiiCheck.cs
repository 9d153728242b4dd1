using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Events;
using AgentSim.Model.Randomness;
using AgentSim.Model.Text;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// PII detection and masking (Presidio-style): runs the layer's recognizers on the real text, after normalising spoken
/// forms on voice when the layer can. What it catches follows from the entity types and forms it recognises; a
/// model-based recognizer (person, location) also misses at the layer's miss rate.
/// </summary>
[ChecksKind(GuardrailKind.Pii)]
public sealed class PiiCheck(GuardrailConfig config) : IGuardrailCheck
{
    private readonly PiiRecognizer[] _recognizers = PiiRecognizers.For(config.Entities);

    /// <inheritdoc />
    public bool ChecksInput => true;

    /// <inheritdoc />
    public bool ChecksOutput => true;

    /// <inheritdoc />
    public CheckResult CheckInput(in CheckedTurn turn, ref CustomerMessage message, ref Rng rng)
    {
        var u = turn.Utterance;
        var scanned = Scan(message.Text, turn.Channel, out var masked);
        var planted = u.Entity is not null && Fingerprints.Visible(message.Text, u.EntityFingerprint);
        if (planted && masked > 0 && !Fingerprints.Visible(scanned, u.EntityFingerprint) && ModelMissed(u.Entity!.Value, ref rng))
        {
            masked = 0;
            scanned = message.Text;
        }

        var result = CheckResult.Pass;
        if (planted)
        {
            result = Fingerprints.Visible(scanned, u.EntityFingerprint) ? CheckResult.Miss : OnFail.OnMessage(config.OnFail, ref message, masks: true);
        }
        else if (masked > 0)
        {
            result = CheckResult.FalsePositive;
        }

        // A masking layer passes on what its recognizers left (as does one that found nothing to act on); a log-only
        // layer lets the message through unchanged.
        if (config.OnFail == OnFailAction.Mask || (result == CheckResult.Miss && config.OnFail != OnFailAction.Log))
        {
            message.Text = scanned;
        }

        return result;
    }

    /// <inheritdoc />
    public CheckResult CheckOutput(in CheckedTurn turn, ref AgentAnswer answer, ref Rng rng, ref long latencyMicros)
    {
        var fingerprint = turn.Utterance.EntityFingerprint;
        var scanned = Scan(answer.Text, turn.Channel, out var masked);
        var echoed = answer.EchoEntity is not null && Fingerprints.Visible(answer.Text, fingerprint);
        if (echoed && !Fingerprints.Visible(scanned, fingerprint) && ModelMissed(answer.EchoEntity!.Value, ref rng))
        {
            scanned = answer.Text;
        }

        var result = CheckResult.Pass;
        var fired = false;
        if (echoed)
        {
            fired = !Fingerprints.Visible(scanned, fingerprint);
            result = fired ? CheckResult.Mask : CheckResult.Miss;
            if (fired && config.OnFail != OnFailAction.Log)
            {
                answer.Text = scanned;
                answer.EchoEntity = config.OnFail == OnFailAction.Mask ? answer.EchoEntity : null;
            }
        }
        else if (masked > 0)
        {
            result = CheckResult.FalsePositive;
        }

        if (fired && config.OnFail is OnFailAction.Block or OnFailAction.Escalate or OnFailAction.Reask)
        {
            OnFail.OnAnswer(config.OnFail, ref answer, turn, ref rng, ref latencyMicros);
            return CheckResult.Block;
        }

        if (fired && config.OnFail == OnFailAction.Log)
        {
            answer.Log(IncidentKind.PiiLeak);
            return CheckResult.Miss;
        }

        return result;
    }

    // The text as the layer's recognizers leave it, and how many spans they masked.
    private string Scan(string text, Channel channel, out int masked)
    {
        var scanned = config.SpokenForms && channel.IsSpoken() ? SpokenForms.Normalize(text) : text;
        masked = 0;
        foreach (var r in _recognizers)
        {
            masked += r.Mask(ref scanned);
        }

        return scanned;
    }

    private bool ModelMissed(PiiEntity entity, ref Rng rng) => entity.IsModelBased() && rng.Chance(config.MissRate);
}
