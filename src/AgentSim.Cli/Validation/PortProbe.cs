using System.Net;
using System.Net.Sockets;

namespace AgentSim.Cli.Validation;

/// <summary>Tells, before a server starts, whether it could listen on an address and port (a moment later it might still fail; the start reports that).</summary>
public static class PortProbe
{
    /// <summary>Why nothing can listen on <paramref name="address"/>:<paramref name="port"/> now (e.g. "port 9464 is already in use"), or null when it can; port 0 is always fine.</summary>
    public static string? Problem(IPAddress address, int port)
    {
        if (port == 0)
        {
            return null;
        }

        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            socket.Listen();
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return $"port {port} is already in use on {address}";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressNotAvailable)
        {
            return $"{address} is not an address of this machine";
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AccessDenied)
        {
            return $"no permission to listen on port {port}";
        }
        catch (SocketException ex)
        {
            return $"cannot listen on {address} port {port}: {ex.Message}";
        }
    }
}
