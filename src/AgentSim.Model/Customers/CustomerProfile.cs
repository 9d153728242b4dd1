using AgentSim.Model.Channels;
using AgentSim.Model.Guardrails;
using AgentSim.Model.Text;

namespace AgentSim.Model.Customers;

/// <summary>A synthetic customer: Bogus-made identity (the PII planted in their turns) and behavioural traits.</summary>
public sealed class CustomerProfile
{
    private string?[]? _fingerprints;

    /// <summary>Customer id within the population.</summary>
    public required long Id { get; init; }

    /// <summary>Bogus locale.</summary>
    public required string Locale { get; init; }

    /// <summary>Tier label.</summary>
    public required string Tier { get; init; }

    /// <summary>Channel the customer starts on.</summary>
    public required Channel PreferredChannel { get; init; }

    /// <summary>0..1, scales the scenario's switch probability.</summary>
    public required double SwitchPropensity { get; init; }

    /// <summary>How many times they will repeat themselves before giving up.</summary>
    public required int Patience { get; init; }

    /// <summary>Written PII values by entity type.</summary>
    public required string[] Pii { get; init; }

    /// <summary>The same customer in another tier (a real-time request may name the tier it wants).</summary>
    public CustomerProfile WithTier(string tier) => tier == Tier ? this : new()
    {
        Id = Id,
        Locale = Locale,
        Tier = tier,
        PreferredChannel = PreferredChannel,
        SwitchPropensity = SwitchPropensity,
        Patience = Patience,
        Pii = Pii,
    };

    /// <summary>The written value of one entity type.</summary>
    public string Value(PiiEntity entity) => Pii[(int)entity];

    /// <summary>The fingerprint (<see cref="SpokenForms.Fingerprint"/>) of one entity type's value, computed once.</summary>
    public string Fingerprint(PiiEntity entity)
    {
        // Profiles are shared between shards: a race computes the same string twice, which is harmless.
        _fingerprints ??= new string?[Pii.Length];
        return _fingerprints[(int)entity] ??= SpokenForms.Fingerprint(Pii[(int)entity]);
    }

    /// <summary>A masked rendering safe for logs: initials and the last two characters of each value.</summary>
    public override string ToString() => $"customer#{Id} ({Locale}, {Tier}, {Mask(Value(PiiEntity.Person))}, {Mask(Value(PiiEntity.EmailAddress))})";

    /// <summary>Masks a PII value for logs: keeps the first character and the last two.</summary>
    public static string Mask(string value) => value.Length <= 3 ? "***" : value[0] + new string('*', value.Length - 3) + value[^2..];
}
