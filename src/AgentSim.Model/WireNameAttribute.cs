namespace AgentSim.Model;

/// <summary>The name an enum value has on the wire: in scenario files, results.json and metric labels.</summary>
/// <param name="name">The wire name.</param>
[AttributeUsage(AttributeTargets.Field, AllowMultiple = false)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}
