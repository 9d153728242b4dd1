namespace AgentSim.Scenarios.Reading;

/// <summary>A vocabulary of wire names: what it is called in messages, how to parse it, and the allowed names.</summary>
internal sealed record EnumNames<T>(string What, TryParseName<T> Parse, string Known);
