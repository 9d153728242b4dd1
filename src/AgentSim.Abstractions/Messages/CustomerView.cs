namespace AgentSim.Abstractions.Messages;

/// <summary>A customer's profile as shown outside the simulation: traits plus PII masked for logs.</summary>
/// <param name="Id">Customer id.</param>
/// <param name="Locale">Bogus locale.</param>
/// <param name="Tier">Tier label.</param>
/// <param name="PreferredChannel">Channel name the customer starts on.</param>
/// <param name="SwitchPropensity">0..1 scale of the switch probability.</param>
/// <param name="Patience">Repeats tolerated before giving up.</param>
/// <param name="MaskedPii">Masked PII values by entity index.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.CustomerView")]
public sealed record CustomerView(
    [property: Id(0)] long Id,
    [property: Id(1)] string Locale,
    [property: Id(2)] string Tier,
    [property: Id(3)] string PreferredChannel,
    [property: Id(4)] double SwitchPropensity,
    [property: Id(5)] int Patience,
    [property: Id(6)] string[] MaskedPii);
