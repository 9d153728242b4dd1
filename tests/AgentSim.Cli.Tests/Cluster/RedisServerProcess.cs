using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AgentSim.Host.Hosting;

namespace AgentSim.Cli.Tests.Cluster;

/// <summary>
/// A <c>redis-server</c> of its own for a test: a free port on 127.0.0.1, its own temporary data directory, no snapshots
/// and no append-only file; ready once it answers PING; stopped by its process id (killed), its directory deleted.
/// test.sh installs Debian's redis-server when it is missing.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly System.Diagnostics.Process _process;
    private readonly string _directory;
    private readonly StringBuilder _output = new();

    private RedisServerProcess(System.Diagnostics.Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    /// <summary>The port it listens on (127.0.0.1).</summary>
    public int Port { get; }

    /// <summary><c>127.0.0.1:PORT</c>, the value of <c>--redis</c>.</summary>
    public string Address => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    /// <summary>Process id.</summary>
    public int Id => _process.Id;

    /// <summary>Starts the server and waits until it answers PING.</summary>
    public static async Task<RedisServerProcess> StartAsync(CancellationToken cancellation = default)
    {
        var port = FreePorts.Take(1)[0];
        var directory = Directory.CreateTempSubdirectory("agentsim-redis-").FullName;
        var start = new ProcessStartInfo("redis-server")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--dir", directory, "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        System.Diagnostics.Process process;
        try
        {
            process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            Directory.Delete(directory, recursive: true);
            throw new InvalidOperationException("redis-server is not on PATH; ./test.sh installs it (apt-get install redis-server)", ex);
        }

        var server = new RedisServerProcess(process, directory, port);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = Stopwatch.StartNew();
        while (!await server.PingAsync(cancellation))
        {
            if (process.HasExited || deadline.Elapsed > StartTimeout)
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server on port {port} did not answer PING within {StartTimeout}:{Environment.NewLine}{server.Output}");
            }

            await Task.Delay(50, cancellation);
        }

        return server;
    }

    /// <summary>Everything the server wrote.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>True when the server answers PING with PONG.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellation = default)
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, cancellation);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), cancellation);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, cancellation);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>Kills the server by its process id and deletes its data directory.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
        }
        finally
        {
            _process.Dispose();
            if (Directory.Exists(_directory))
            {
                Directory.Delete(_directory, recursive: true);
            }
        }
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
