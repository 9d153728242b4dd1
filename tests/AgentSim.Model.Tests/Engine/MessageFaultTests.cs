using AgentSim.Model.Faults;
using AgentSim.Model.Channels;
using AgentSim.Model.Configuration;
using AgentSim.Model.Results;
using AgentSim.Scenarios;

namespace AgentSim.Model.Tests.Engine;

public class MessageFaultTests
{
    private static RunResults Run(params FaultConfig[] faults)
    {
        var scenario = Presets.Load("baseline");
        scenario.Faults.AddRange(faults);
        return PresetRuns.Run(scenario, conversations: 4_000);
    }

    private static FaultConfig Fault(FaultKind kind, Channel channel, double rate) =>
        new() { Kind = kind, Channel = channel, StartMinutes = 0, DurationMinutes = 24 * 60, Rate = rate };

    [Fact]
    public void SmsTruncation_OnSms_CustomersResendAndFewerResolve()
    {
        var clean = Run();
        var cut = Run(Fault(FaultKind.SmsTruncation, Channel.Sms, 0.5));
        var cleanRepeats = clean.Context.Repeats;
        Assert.True(cut.Context.Repeats > cleanRepeats + 500, $"repeats {cut.Context.Repeats} vs {cleanRepeats}");
        Assert.True(cut.Outcomes["resolved"] < clean.Outcomes["resolved"], $"resolved {cut.Outcomes["resolved"]} vs {clean.Outcomes["resolved"]}");
        Assert.True(cut.Latency["sms"].Turns > clean.Latency["sms"].Turns, "resending costs turns on sms");
    }

    [Fact]
    public void DuplicateDelivery_OnWhatsApp_AddsAnAnswersLatencyThere()
    {
        var clean = Run();
        var dup = Run(Fault(FaultKind.DuplicateDelivery, Channel.WhatsApp, 1.0));
        Assert.True(dup.Latency["whatsapp"].P50Ms > clean.Latency["whatsapp"].P50Ms * 1.4, $"{dup.Latency["whatsapp"].P50Ms} vs {clean.Latency["whatsapp"].P50Ms}");
        Assert.InRange(dup.Latency["web_chat"].P50Ms, clean.Latency["web_chat"].P50Ms * 0.9, clean.Latency["web_chat"].P50Ms * 1.1);
    }

    [Fact]
    public void TranscriptionNoise_OnVoice_RepeatsConcentrateOnVoice()
    {
        var clean = Run();
        var noisy = Run(Fault(FaultKind.TranscriptionNoise, Channel.Voice, 0.5));
        Assert.True(noisy.Context.Repeats > clean.Context.Repeats + 300, $"repeats {noisy.Context.Repeats} vs {clean.Context.Repeats}");
        Assert.True(noisy.Latency["voice"].Turns > clean.Latency["voice"].Turns);
    }
}
