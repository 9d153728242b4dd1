using AgentSim.Model.Faults;

namespace AgentSim.Scenarios.Tests;

/// <summary>The scenario reader checks each fault against its kind's row in <see cref="FaultKinds"/>.</summary>
public class FaultTableTests
{
    private static IReadOnlyList<ScenarioProblem> Problems(string fault) =>
        Assert.Throws<ScenarioLoadException>(() => ScenarioLoader.LoadText($$$"""
            name: f
            channels: {mix: {web_chat: 1}}
            providers:
              - {name: p, channels: [web_chat]}
            routing: {web_chat: {primary: p}}
            agents:
              - name: a
            guardrails:
              - {name: g, kind: pii, placement: application, channels: [web_chat], entities: [PERSON]}
            context: {store: {pairs: all}}
            faults:
              - {{{fault}}}
            """, "f.yaml")).Problems;

    [Fact]
    public void Table_HasOneRowPerKindInOrder() =>
        Assert.Equal(Enum.GetValues<FaultKind>(), FaultKinds.All.Select(r => r.Kind));

    [Fact]
    public void Table_AllowsEverythingItRequires() =>
        Assert.All(FaultKinds.All, r => Assert.Equal(r.Requires, r.Allows & r.Requires));

    [Theory]
    [InlineData("{kind: provider_outage, duration_minutes: 5}", "faults[0].provider", "a provider_outage fault names the provider it hits")]
    [InlineData("{kind: guardrail_outage, duration_minutes: 5}", "faults[0].guardrail", "a guardrail_outage fault names the guardrail layer it hits")]
    [InlineData("{kind: context_store_outage, duration_minutes: 5, provider: p}", "faults[0].provider", "a context_store_outage fault does not take provider")]
    [InlineData("{kind: guardrail_outage, guardrail: g, channel: web_chat, duration_minutes: 5}", "faults[0].channel", "a guardrail_outage fault does not take channel")]
    [InlineData("{kind: provider_outage, provider: p, rate: 0.5, duration_minutes: 5}", "faults[0].rate", "a provider_outage fault does not use rate")]
    [InlineData("{kind: sms_truncation, channel: web_chat, error_rate: 0.1, rate: 0.2, duration_minutes: 5}", "faults[0].error_rate", "a sms_truncation fault does not use error_rate")]
    [InlineData("{kind: duplicate_delivery, duration_minutes: 5}", "faults[0].rate", "a duplicate_delivery fault needs the share of messages it hits")]
    [InlineData("{kind: transcription_noise, rate: 0, duration_minutes: 5}", "faults[0].rate", "a transcription_noise fault needs a rate above 0")]
    [InlineData("{kind: provider_degradation, provider: p, duration_minutes: 5}", "faults[0]", "a provider_degradation fault needs error_rate or added_latency_ms (or both)")]
    [InlineData("{kind: provider_throttling, rate: 0.5, duration_minutes: 5}", "faults[0].provider", "a provider_throttling fault names the provider it hits")]
    [InlineData("{kind: provider_throttling, provider: p, duration_minutes: 5}", "faults[0].rate", "a provider_throttling fault needs the share of requests it throttles")]
    [InlineData("{kind: provider_throttling, provider: p, rate: 0, duration_minutes: 5}", "faults[0].rate", "a provider_throttling fault needs a rate above 0")]
    [InlineData("{kind: provider_throttling, provider: p, rate: 0.5, error_rate: 0.1, duration_minutes: 5}", "faults[0].error_rate", "a provider_throttling fault does not use error_rate")]
    [InlineData("{kind: provider_throttling, provider: p, guardrail: g, rate: 0.5, duration_minutes: 5}", "faults[0].guardrail", "a provider_throttling fault does not take guardrail")]
    public void LoadText_FaultAgainstItsRow_ReportsWhatTheRowSays(string fault, string field, string message)
    {
        var problem = Assert.Single(Problems(fault));
        Assert.Equal(field, problem.Field);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }
}
