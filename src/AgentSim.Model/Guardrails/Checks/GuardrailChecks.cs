using System.Reflection;
using AgentSim.Model.Configuration;

namespace AgentSim.Model.Guardrails.Checks;

/// <summary>
/// Finds the check of each guardrail kind (the class marked <see cref="ChecksKindAttribute"/>, with a constructor
/// taking the layer's <see cref="GuardrailConfig"/>) and builds one per layer. A new kind needs no edit here.
/// </summary>
public static class GuardrailChecks
{
    private static readonly Dictionary<GuardrailKind, ConstructorInfo> Constructors = Find();

    /// <summary>The check for a layer's kind, built from its configuration.</summary>
    public static IGuardrailCheck Create(GuardrailConfig config) =>
        Constructors.TryGetValue(config.Kind, out var ctor)
            ? (IGuardrailCheck)ctor.Invoke([config])
            : throw new InvalidOperationException($"No check implements guardrail kind '{config.Kind.Name()}'.");

    /// <summary>The kinds that have a check (every kind, unless one was added without its check).</summary>
    public static IReadOnlyCollection<GuardrailKind> Implemented => Constructors.Keys;

    private static Dictionary<GuardrailKind, ConstructorInfo> Find()
    {
        var found = new Dictionary<GuardrailKind, ConstructorInfo>();
        foreach (var type in typeof(GuardrailChecks).Assembly.GetTypes())
        {
            if (type.GetCustomAttribute<ChecksKindAttribute>() is not { } mark)
            {
                continue;
            }

            var ctor = typeof(IGuardrailCheck).IsAssignableFrom(type) ? type.GetConstructor([typeof(GuardrailConfig)]) : null;
            if (ctor is null || !found.TryAdd(mark.Kind, ctor))
            {
                throw new InvalidOperationException($"{type.Name}: a check must implement IGuardrailCheck, take a GuardrailConfig, and be the only one for '{mark.Kind.Name()}'.");
            }
        }

        return found;
    }
}
