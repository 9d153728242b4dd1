using System.Net;

namespace AgentSim.Cli.Validation;

/// <summary>
/// Checks, just before the silo starts, that its given Orleans ports are free on 127.0.0.1: Orleans itself binds a port
/// another process already holds without any error, and clients would then reach that process instead.
/// </summary>
public static class SiloPorts
{
    /// <summary>Throws <see cref="CliInputException"/> naming each given port (flag or key) that cannot be listened on now; null or 0 is not checked (a free port is picked).</summary>
    public static void CheckFree(params (int? Port, string Label)[] ports)
    {
        var problems = new List<string>();
        foreach (var (port, label) in ports)
        {
            if (port is > 0 && PortProbe.Problem(IPAddress.Loopback, port.Value) is { } problem)
            {
                problems.Add($"{label}: cannot listen on 127.0.0.1 port {port}: {problem}");
            }
        }

        if (problems.Count > 0)
        {
            throw new CliInputException(problems);
        }
    }
}
