using AgentSim.Model.Guardrails;
using AgentSim.Model.Text;

namespace AgentSim.Model.Tests.Text;

public class PiiRecognitionTests
{
    private static readonly PiiEntity[] AllEntities = Enum.GetValues<PiiEntity>();

    [Theory]
    [InlineData("My card number is 4111 1111 1111 1111.", "<CREDIT_CARD>")]
    [InlineData("My email is jane.doe@example.com.", "<EMAIL_ADDRESS>")]
    [InlineData("My social is 123-45-6789.", "<US_SSN>")]
    [InlineData("Hi, my name is Jane Doe.", "<PERSON>")]
    [InlineData("My router shows 192.168.10.1.", "<IP_ADDRESS>")]
    public void Mask_WrittenEntity_IsReplacedByItsType(string text, string expected)
    {
        foreach (var r in PiiRecognizers.For(AllEntities))
        {
            r.Mask(ref text);
        }

        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Mask_CardFailingLuhn_IsNotACard()
    {
        var text = "Order 4111 1111 1111 1112 shipped.";
        var card = PiiRecognizers.For([PiiEntity.CreditCard]).Single();
        Assert.Equal(0, card.Mask(ref text));
    }

    [Fact]
    public void Speak_CardAndEmail_SpellsDigitsAndSymbols()
    {
        var spoken = SpokenForms.Speak("My card is 4111 1111 and my email is jane.doe@example.com.");
        Assert.Contains("four one one one one one one one", spoken, StringComparison.Ordinal);
        Assert.Contains("jane dot doe at example dot com", spoken, StringComparison.Ordinal);
        Assert.DoesNotContain("4", spoken, StringComparison.Ordinal);
    }

    [Fact]
    public void DigitRegex_OnVoiceTranscript_MissesTheSpokenCard()
    {
        var spoken = SpokenForms.Speak("My card number is 4111 1111 1111 1111.");
        var chatBuilt = spoken;
        var card = PiiRecognizers.For([PiiEntity.CreditCard]).Single();
        Assert.Equal(0, card.Mask(ref chatBuilt));

        var voiceAware = SpokenForms.Normalize(spoken);
        Assert.Equal(1, card.Mask(ref voiceAware));
        Assert.DoesNotContain("4111", voiceAware, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_SpokenEmail_ComesBackWritten()
    {
        var normalized = SpokenForms.Normalize(SpokenForms.Speak("write to jane.doe@example.com please"));
        Assert.Contains("jane.doe@example.com", normalized, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_WrittenAndSpokenForms_Match()
    {
        var written = "4111 1111 1111 1111";
        Assert.Equal(SpokenForms.Fingerprint(written), SpokenForms.Fingerprint(SpokenForms.Normalize(SpokenForms.Speak(written))));
    }

    [Fact]
    public void Luhn_CheckDigit_MakesValidNumbers()
    {
        const string payload = "411111111111111";
        Assert.True(Luhn.IsValid(payload + Luhn.CheckDigit(payload)));
        Assert.False(Luhn.IsValid(payload + ((Luhn.CheckDigit(payload) + 1) % 10)));
    }
}
