using System.Net;
using System.Net.Sockets;

namespace AgentSim.Host.Hosting;

/// <summary>Finds free TCP ports on the loopback interface (Orleans would silently share an already-used port).</summary>
public static class FreePorts
{
    /// <summary>The silo and gateway ports: each given one as is, a free port (distinct from the others) for each null or 0.</summary>
    public static (int SiloPort, int GatewayPort) ForSilo(int? siloPort, int? gatewayPort)
    {
        int[] given = [.. new[] { siloPort, gatewayPort }.Where(p => p is > 0).Select(p => p!.Value)];
        var free = new Queue<int>(Take(4).Where(p => !given.Contains(p)));
        return (siloPort is > 0 ? siloPort.Value : free.Dequeue(), gatewayPort is > 0 ? gatewayPort.Value : free.Dequeue());
    }

    /// <summary>Returns <paramref name="count"/> distinct ports that were free a moment ago.</summary>
    public static int[] Take(int count)
    {
        var listeners = new TcpListener[count];
        try
        {
            for (var i = 0; i < count; i++)
            {
                listeners[i] = new TcpListener(IPAddress.Loopback, 0);
                listeners[i].Start();
            }

            return [.. listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port)];
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener?.Stop();
            }
        }
    }
}
