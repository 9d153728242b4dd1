namespace AgentSim.Scenarios.Reading;

/// <summary>Parses a wire name into an enum value (the shape of the Model's TryParse helpers).</summary>
internal delegate bool TryParseName<T>(string? name, out T value);
