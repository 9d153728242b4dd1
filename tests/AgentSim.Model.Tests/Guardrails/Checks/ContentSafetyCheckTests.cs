using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Text;
using static AgentSim.Model.Tests.Guardrails.Checks.CheckFixtures;

namespace AgentSim.Model.Tests.Guardrails.Checks;

public class ContentSafetyCheckTests
{
    [Theory]
    [InlineData(3, 4, CheckResult.Miss)]
    [InlineData(4, 4, CheckResult.Block)]
    [InlineData(7, 6, CheckResult.Block)]
    public void CheckInput_AbuseAgainstThreshold_CatchesAtOrAbove(int severity, int threshold, CheckResult expected)
    {
        var layer = Layer(GuardrailKind.ContentSafety);
        layer.SeverityThreshold = threshold;
        var u = new Utterance { Text = "You are useless idiots and I hate you.", AbuseSeverity = severity };

        var (result, message) = Input(layer, Channel.WebChat, u);

        Assert.Equal(expected, result);
        Assert.Equal(expected == CheckResult.Miss, message.AbuseLive);
    }

    [Fact]
    public void CheckOutput_UnsafeBelowThreshold_MissedAndLeftInTheAnswer()
    {
        var layer = Layer(GuardrailKind.ContentSafety);
        layer.SeverityThreshold = 5;
        var (result, after, _) = Output(layer, Channel.WebChat, Clean(), new AgentAnswer { UnsafeSeverity = 3 });
        Assert.Equal((CheckResult.Miss, 3), (result, after.UnsafeSeverity));
    }

    [Fact]
    public void CheckOutput_UnsafeAtThreshold_BlockedAndCleared()
    {
        var (result, after, _) = Output(Layer(GuardrailKind.ContentSafety), Channel.WebChat, Clean(), new AgentAnswer { UnsafeSeverity = 6 });
        Assert.Equal((CheckResult.Block, 0, true), (result, after.UnsafeSeverity, after.Blocked));
    }
}
