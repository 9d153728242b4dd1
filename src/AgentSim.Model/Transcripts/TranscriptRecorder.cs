using System.Globalization;
using AgentSim.Model.Channels;
using AgentSim.Model.Customers;
using AgentSim.Model.Engine;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Text;

namespace AgentSim.Model.Transcripts;

/// <summary>Builds the transcript of the one conversation a replay simulates, from the observer events and the turn texts.</summary>
public sealed class TranscriptRecorder(World world) : ISimulationObserver, ITurnTrace
{
    private readonly List<TranscriptTurn> _turns = [];
    private Pending _pending = new();

    /// <summary>The outcome, once the conversation ended.</summary>
    public Outcome? Outcome { get; private set; }

    /// <summary>The customer, once known (set by the replay).</summary>
    public CustomerProfile? Customer { get; set; }

    /// <summary>The turns recorded so far.</summary>
    public IReadOnlyList<TranscriptTurn> Turns => _turns;

    /// <inheritdoc />
    public void TurnStarted(long atMicros) => _pending = new Pending { AtMicros = atMicros };

    /// <inheritdoc />
    public void TurnText(Utterance customer, string agentSaw, string answer)
    {
        _pending.Customer = Redact(customer.Text);
        _pending.AgentSaw = Redact(agentSaw);
        _pending.Answer = answer.Length == 0 ? null : Redact(answer.Trim());
    }

    /// <inheritdoc />
    public void ConversationStarted(Channel channel)
    {
    }

    /// <inheritdoc />
    public void ConversationEnded(Outcome outcome, Channel channel)
    {
        if (_pending.Started)
        {
            Flush(channel, 0, 0);
        }

        Outcome = outcome;
    }

    /// <inheritdoc />
    public void Turn(Channel channel, int provider, long latencyMicros, long guardrailMicros) => Flush(channel, latencyMicros, guardrailMicros);

    /// <inheritdoc />
    public void ChannelSwitch(Channel from, Channel to) => _pending.SwitchedFrom = from.Name();

    /// <inheritdoc />
    public void ContextLoss(Channel from, Channel to, Continuity continuity) => _pending.ContextLost = continuity.Name();

    /// <inheritdoc />
    public void CustomerRepeat(Channel channel) => _pending.Repeat = true;

    /// <inheritdoc />
    public void GuardrailCheck(int guardrail, CheckResult result, long latencyMicros) =>
        _pending.Checks.Add($"{world.Guardrails[guardrail].Name}: {result.Name()}");

    /// <inheritdoc />
    public void Incident(IncidentKind kind, Channel channel, bool detected, long detectMicros) =>
        _pending.Incidents.Add(detected
            ? string.Create(CultureInfo.InvariantCulture, $"{kind.Name()}, detected after {detectMicros / 1e6:F0} s")
            : $"{kind.Name()}, undetected");

    /// <inheritdoc />
    public void ProviderRequest(int provider, Channel channel, ProviderResult result) =>
        _pending.Providers.Add($"{world.Providers[provider].Name}: {result.Name()}");

    /// <inheritdoc />
    public void AgentRollback(int agent, RollbackReason reason)
    {
    }

    /// <inheritdoc />
    public void AgentState(int agent, bool rolledBack)
    {
    }

    private string Redact(string text) => Customer is null ? text : TranscriptRedactor.Redact(text, Customer);

    private void Flush(Channel channel, long latencyMicros, long guardrailMicros)
    {
        var p = _pending;
        _turns.Add(new TranscriptTurn
        {
            Number = _turns.Count + 1,
            AtSeconds = Math.Round(p.AtMicros / 1e6, 3),
            Channel = channel.Name(),
            SwitchedFrom = p.SwitchedFrom,
            ContextLost = p.ContextLost,
            Repeat = p.Repeat,
            Providers = p.Providers,
            Customer = p.Customer,
            AgentSaw = p.AgentSaw,
            Answer = p.Answer,
            Checks = p.Checks,
            Incidents = p.Incidents,
            LatencyMs = Math.Round(latencyMicros / 1000.0, 1),
            GuardrailMs = Math.Round(guardrailMicros / 1000.0, 1),
        });
        _pending = new Pending();
    }

    private sealed class Pending
    {
        public long AtMicros { get; init; } = -1;

        public bool Started => AtMicros >= 0;

        public string? SwitchedFrom { get; set; }

        public string? ContextLost { get; set; }

        public bool Repeat { get; set; }

        public string? Customer { get; set; }

        public string? AgentSaw { get; set; }

        public string? Answer { get; set; }

        public List<string> Providers { get; } = [];

        public List<string> Checks { get; } = [];

        public List<string> Incidents { get; } = [];
    }
}
