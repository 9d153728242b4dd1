namespace AgentSim.Model;

/// <summary>The wire name of any wire-named enum value, as an extension method.</summary>
public static class WireNames
{
    /// <summary>The wire name of <paramref name="value"/> (see <see cref="WireNameAttribute"/>).</summary>
    public static string Name<T>(this T value)
        where T : struct, Enum => Wire<T>.Name(value);
}
