using AgentSim.Model.Channels;
using AgentSim.Model.Customers;
using AgentSim.Model.Events;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Guardrails.Checks;
using AgentSim.Model.Text;
using static AgentSim.Model.Tests.Guardrails.Checks.CheckFixtures;

namespace AgentSim.Model.Tests.Guardrails.Checks;

public class PiiCheckTests
{
    private const string CardSentence = "My card number is {0}. Where is my refund?";

    [Fact]
    public void CheckInput_WrittenCardOnChat_MasksItAndLetsTheRestThrough()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var (result, message) = Input(Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard), Channel.WebChat, u);

        Assert.Equal(CheckResult.Mask, result);
        Assert.False(Fingerprints.Visible(message.Text, u.EntityFingerprint));
        Assert.Contains("Where is my refund?", message.Text, StringComparison.Ordinal);
        Assert.False(message.Blocked);
    }

    [Fact]
    public void CheckInput_SpokenCardOnVoiceWithoutSpokenForms_MissesIt()
    {
        var u = Planted(Channel.Voice, PiiEntity.CreditCard, Card, CardSentence);
        Assert.Contains("four one one one", u.Text, StringComparison.Ordinal);

        var (result, message) = Input(Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard), Channel.Voice, u);

        Assert.Equal(CheckResult.Miss, result);
        Assert.True(Fingerprints.Visible(message.Text, u.EntityFingerprint));
    }

    [Fact]
    public void CheckInput_SpokenCardOnVoiceWithSpokenForms_MasksIt()
    {
        var layer = Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard);
        layer.SpokenForms = true;
        var u = Planted(Channel.Voice, PiiEntity.CreditCard, Card, CardSentence);

        var (result, message) = Input(layer, Channel.Voice, u);

        Assert.Equal(CheckResult.Mask, result);
        Assert.False(Fingerprints.Visible(message.Text, u.EntityFingerprint));
    }

    [Fact]
    public void CheckInput_EntityTypeNotCovered_MissesIt()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var (result, _) = Input(Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.EmailAddress), Channel.WebChat, u);
        Assert.Equal(CheckResult.Miss, result);
    }

    [Theory]
    [InlineData(OnFailAction.Block, CheckResult.Block, true, false)]
    [InlineData(OnFailAction.Reask, CheckResult.Block, true, false)]
    [InlineData(OnFailAction.Escalate, CheckResult.Block, false, true)]
    public void CheckInput_CardFound_ActsByOnFail(OnFailAction action, CheckResult expected, bool blocked, bool escalated)
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var (result, message) = Input(Layer(GuardrailKind.Pii, action, PiiEntity.CreditCard), Channel.WebChat, u);
        Assert.Equal((expected, blocked, escalated), (result, message.Blocked, message.Escalate));
    }

    [Fact]
    public void CheckInput_NameWithCertainModelMiss_MissesIt()
    {
        var layer = Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.Person);
        var u = Planted(Channel.WebChat, PiiEntity.Person, "Jane Doe", "Hi, my name is {0}.");
        Assert.Equal(CheckResult.Mask, Input(layer, Channel.WebChat, u).Result);

        layer.MissRate = 1;
        var (result, message) = Input(layer, Channel.WebChat, u);

        Assert.Equal(CheckResult.Miss, result);
        Assert.True(Fingerprints.Visible(message.Text, u.EntityFingerprint));
    }

    [Fact]
    public void CheckInput_CleanTextThatLooksLikeANumber_IsAFalsePositive()
    {
        var u = Clean("My order 4111 1111 1111 1111 never came.");
        var (result, message) = Input(Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard), Channel.WebChat, u);
        Assert.Equal(CheckResult.FalsePositive, result);
        Assert.DoesNotContain("4111", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckOutput_EchoedCardWithMask_MasksTheAnswerButKeepsTheEchoMark()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var answer = new AgentAnswer { EchoEntity = PiiEntity.CreditCard, Text = UtteranceWriter.WriteEcho(PiiEntity.CreditCard, Card, Channel.WebChat) };

        var (result, after, _) = Output(Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard), Channel.WebChat, u, answer);

        Assert.Equal(CheckResult.Mask, result);
        Assert.False(Fingerprints.Visible(after.Text, u.EntityFingerprint));
        Assert.Equal(PiiEntity.CreditCard, after.EchoEntity);
    }

    [Fact]
    public void CheckOutput_EchoedCardWithBlock_BlocksTheAnswer()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var answer = new AgentAnswer { EchoEntity = PiiEntity.CreditCard, Text = UtteranceWriter.WriteEcho(PiiEntity.CreditCard, Card, Channel.WebChat) };

        var (result, after, _) = Output(Layer(GuardrailKind.Pii, OnFailAction.Block, PiiEntity.CreditCard), Channel.WebChat, u, answer);

        Assert.Equal((CheckResult.Block, true, (PiiEntity?)null), (result, after.Blocked, after.EchoEntity));
    }

    [Fact]
    public void CheckOutput_EchoedCardWithLog_LetsItThroughAndLogsALeak()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var answer = new AgentAnswer { EchoEntity = PiiEntity.CreditCard, Text = UtteranceWriter.WriteEcho(PiiEntity.CreditCard, Card, Channel.WebChat) };

        var (result, after, _) = Output(Layer(GuardrailKind.Pii, OnFailAction.Log, PiiEntity.CreditCard), Channel.WebChat, u, answer);

        Assert.Equal(CheckResult.Miss, result);
        Assert.True(Fingerprints.Visible(after.Text, u.EntityFingerprint));
        Assert.True(after.Logged(IncidentKind.PiiLeak));
    }

    [Fact]
    public void CheckOutput_SpokenEchoOnVoice_OnlyASpokenFormsLayerCatchesIt()
    {
        var u = Planted(Channel.Voice, PiiEntity.CreditCard, Card, CardSentence);
        var answer = new AgentAnswer { EchoEntity = PiiEntity.CreditCard, Text = UtteranceWriter.WriteEcho(PiiEntity.CreditCard, Card, Channel.Voice) };
        var digitsOnly = Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard);
        var spoken = Layer(GuardrailKind.Pii, OnFailAction.Mask, PiiEntity.CreditCard);
        spoken.SpokenForms = true;

        Assert.Equal(CheckResult.Miss, Output(digitsOnly, Channel.Voice, u, answer).Result);
        Assert.Equal(CheckResult.Mask, Output(spoken, Channel.Voice, u, answer).Result);
    }

    [Fact]
    public void CheckInput_CardFoundByALogOnlyLayer_LetsTheMessageThroughUnchanged()
    {
        var u = Planted(Channel.WebChat, PiiEntity.CreditCard, Card, CardSentence);
        var (result, message) = Input(Layer(GuardrailKind.Pii, OnFailAction.Log, PiiEntity.CreditCard), Channel.WebChat, u);

        Assert.Equal(CheckResult.Miss, result);
        Assert.Equal(u.Text, message.Text);
        Assert.False(message.Blocked);
    }
}
