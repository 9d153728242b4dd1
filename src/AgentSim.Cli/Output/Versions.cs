using System.Reflection;
using System.Runtime.InteropServices;
using AgentSim.Model.Engine;

namespace AgentSim.Cli.Output;

/// <summary>Versions of AgentSim, Orleans and .NET, for run-info.json.</summary>
public static class Versions
{
    /// <summary>AgentSim's version (the Model assembly's informational version).</summary>
    public static string AgentSim => Of(typeof(World).Assembly);

    /// <summary>Orleans' version (without the commit note Orleans appends).</summary>
    public static string Orleans => Of(typeof(IGrainFactory).Assembly).Split(' ')[0].TrimEnd('.');

    /// <summary>The .NET runtime.</summary>
    public static string Dotnet => RuntimeInformation.FrameworkDescription;

    private static string Of(Assembly assembly) =>
        assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? assembly.GetName().Version?.ToString()
        ?? "unknown";
}
