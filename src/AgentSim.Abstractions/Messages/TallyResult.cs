namespace AgentSim.Abstractions.Messages;

/// <summary>A run's merged integer tally (the flat <c>RunTally.Values</c> vector) and how many epochs it took.</summary>
/// <param name="Values">The merged tally vector.</param>
/// <param name="Epochs">Epochs run.</param>
[GenerateSerializer, Immutable, Alias("AgentSim.TallyResult")]
public sealed record TallyResult([property: Id(0)] long[] Values, [property: Id(1)] int Epochs);
