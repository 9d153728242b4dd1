using System.Reflection;
using System.Runtime.CompilerServices;

namespace AgentSim.Model;

/// <summary>
/// The wire names of an enum, read once from the <see cref="WireNameAttribute"/> on each of its values. The values must
/// be 0, 1, 2 … in order, so the count of names is also the size of every tally segment and label set indexed by the enum.
/// </summary>
/// <typeparam name="T">An enum whose every value carries a <see cref="WireNameAttribute"/>.</typeparam>
public static class Wire<T>
    where T : struct, Enum
{
    private static readonly string[] Names = Read();
    private static readonly T[] ValuesInOrder = Enum.GetValues<T>();

    /// <summary>How many values the enum has.</summary>
    public static int Count => Names.Length;

    /// <summary>The wire names in value order.</summary>
    public static IReadOnlyList<string> All => Names;

    /// <summary>The values in order.</summary>
    public static IReadOnlyList<T> Values => ValuesInOrder;

    /// <summary>The accepted names, comma-separated, for error messages.</summary>
    public static string Known { get; } = string.Join(", ", Names);

    /// <summary>The wire name of a value.</summary>
    public static string Name(T value) => Names[Index(value)];

    /// <summary>The position of a value (its integer value).</summary>
    public static int Index(T value) => Unsafe.As<T, int>(ref value);

    /// <summary>Parses a wire name; returns false for an unknown one.</summary>
    public static bool TryParse(string? name, out T value)
    {
        var index = Array.IndexOf(Names, name);
        value = index < 0 ? default : ValuesInOrder[index];
        return index >= 0;
    }

    private static string[] Read()
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
        {
            throw new InvalidOperationException($"{typeof(T).Name}: wire-named enums must be int-based.");
        }

        var fields = typeof(T).GetFields(BindingFlags.Public | BindingFlags.Static);
        var names = new string[fields.Length];
        foreach (var field in fields)
        {
            var index = (int)field.GetRawConstantValue()!;
            if (index < 0 || index >= names.Length || names[index] is not null)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{field.Name}: wire-named enums must number their values 0, 1, 2 … without gaps.");
            }

            names[index] = field.GetCustomAttribute<WireNameAttribute>()?.Name
                ?? throw new InvalidOperationException($"{typeof(T).Name}.{field.Name} has no [WireName].");
        }

        return names;
    }
}
