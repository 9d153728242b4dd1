using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AgentSim.Tests.Shared;

/// <summary>
/// A real headless Chromium (the Debian package <c>chromium</c>) driven over its DevTools protocol: no browser download,
/// no node driver, only a WebSocket. <see cref="OpenAsync"/> loads a local HTML file and reports what a reader would
/// see go wrong: console errors and warnings, uncaught page errors, requests for anything but the file itself, and
/// every inline SVG chart's laid-out size, its heading and how many drawn marks it has; it can also save a full-page
/// screenshot. Compiled into each test project that uses it (linked from tests/Shared), so it stays internal.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    public const string DebianBinary = "/usr/bin/chromium";

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(30);

    // Runs in the page after the load event and one painted frame. Returns, for every <svg> in document order, the
    // nearest heading before it (a previous sibling, or one before an ancestor, with no other chart in between), its
    // layout box and its drawn marks: a polyline or polygon with at least two points or a path with a length, whose
    // bounding box is not empty, or a rect or circle with an area (outside a legend, class "legend"); plus every
    // polyline/polygon/path left empty.
    private const string ChartProbe = """
        (async () => {
          await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
          const isSvg = e => e.tagName === 'svg' || e.tagName === 'SVG' || !!e.querySelector('svg');
          const headingBefore = el => {
            for (let at = el; at && at !== document.body; at = at.parentElement) {
              for (let e = at.previousElementSibling; e; e = e.previousElementSibling) {
                if (/^H[1-6]$/.test(e.tagName)) return e.textContent.trim();
                if (isSvg(e)) return null;
              }
            }
            return null;
          };
          const pointCount = m => m.points ? m.points.numberOfItems : (m.getTotalLength() > 0 ? 2 : 0);
          const charts = [...document.querySelectorAll('svg')].filter(s => !s.parentElement.closest('svg')).map(svg => {
            const box = svg.getBoundingClientRect();
            const shapes = [...svg.querySelectorAll('polyline, polygon, path')];
            const drawnShapes = shapes.filter(m => {
              if (pointCount(m) < 2) return false;
              const b = m.getBBox();
              return b.width > 0 || b.height > 0;
            });
            const drawnAreas = [...svg.querySelectorAll('rect, circle')].filter(m => {
              if (m.closest('.legend')) return false;
              const b = m.getBBox();
              return b.width > 0 && b.height > 0;
            });
            return {
              heading: headingBefore(svg),
              width: box.width,
              height: box.height,
              drawnMarks: drawnShapes.length + drawnAreas.length,
              emptyMarks: shapes.length - shapes.filter(m => pointCount(m) > 0).length,
            };
          });
          const headings = [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')].map(h => h.textContent.trim());
          return { charts, headings };
        })()
        """;

    private readonly Process _process;
    private readonly DirectoryInfo _userDataDir;
    private readonly ClientWebSocket _socket = new();
    private readonly ConcurrentDictionary<int, TaskCompletionSource<JsonObject>> _pending = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly SemaphoreSlim _pageLock = new(1, 1);
    private Action<string, JsonObject, string?>? _onEvent;
    private Task _receiveLoop = Task.CompletedTask;
    private int _nextId;

    private HeadlessChromium(Process process, DirectoryInfo userDataDir)
    {
        _process = process;
        _userDataDir = userDataDir;
    }

    /// <summary>The chromium binary: the Debian package's, else the first <c>chromium</c> on PATH, else null.</summary>
    public static string? FindExecutable() =>
        File.Exists(DebianBinary)
            ? DebianBinary
            : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
                .Select(d => Path.Combine(d, "chromium")).FirstOrDefault(File.Exists);

    /// <summary>Starts headless Chromium with a throw-away profile; fails the test, saying how to get it, when it is missing.</summary>
    public static async Task<HeadlessChromium> LaunchAsync(CancellationToken cancellationToken)
    {
        var executable = FindExecutable();
        if (executable is null)
        {
            Assert.Fail($"chromium is not installed ({DebianBinary} is missing and no chromium is on PATH); the HTML report " +
                "is checked in a real headless browser. Run the tests with ./test.sh from the repository root: it installs " +
                "it (apt-get install -y --no-install-recommends chromium, as root or with sudo).");
        }

        var userDataDir = Directory.CreateTempSubdirectory("agentsim-chromium-");
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // --no-sandbox: the page is a file this test wrote, and Chromium's sandbox cannot start as root or in a
        // container without user namespaces (CI is both). The rest keep a fresh profile quiet and off the network.
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-default-apps", "--mute-audio",
            "--remote-debugging-port=0", "--user-data-dir=" + userDataDir.FullName, "about:blank",
        })
        {
            start.ArgumentList.Add(arg);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stderr = new ConcurrentQueue<string>();
        var endpoint = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                endpoint.TrySetException(new InvalidOperationException("chromium closed its stderr before printing its DevTools address"));
                return;
            }

            stderr.Enqueue(e.Data);
            while (stderr.Count > 40 && stderr.TryDequeue(out string? _))
            {
            }

            const string Marker = "DevTools listening on ";
            var at = e.Data.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                endpoint.TrySetResult(e.Data[(at + Marker.Length)..].Trim());
            }
        };
        process.OutputDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();

        var browser = new HeadlessChromium(process, userDataDir);
        try
        {
            string url;
            try
            {
                url = await endpoint.Task.WaitAsync(StepTimeout, cancellationToken);
            }
            catch (Exception e) when (e is TimeoutException or InvalidOperationException)
            {
                throw new InvalidOperationException(
                    $"{executable} did not start its DevTools endpoint ({e.Message}); its stderr ended with:\n{string.Join('\n', stderr)}", e);
            }

            await browser._socket.ConnectAsync(new Uri(url), cancellationToken);
            browser._receiveLoop = Task.Run(browser.ReceiveAsync, CancellationToken.None);
            return browser;
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
    }

    /// <summary>Width of the window pages are laid out in, CSS pixels (a projector's 1280×800).</summary>
    public const int ViewportWidth = 1280;

    /// <summary>Height of that window.</summary>
    public const int ViewportHeight = 800;

    /// <summary>Environment variable naming the directory screenshots go to, instead of <see cref="ScreenshotPath"/>'s default.</summary>
    public const string ScreenshotDirectoryVariable = "AGENTSIM_SCREENSHOT_DIR";

    /// <summary>
    /// Where a test's screenshot named <paramref name="name"/> goes: <c>NAME.png</c> in the directory
    /// <see cref="ScreenshotDirectoryVariable"/> names, else in <c>TestResults/screenshots/</c> under the test assembly's directory
    /// (created if missing).
    /// </summary>
    public static string ScreenshotPath(string name)
    {
        var directory = Environment.GetEnvironmentVariable(ScreenshotDirectoryVariable) is { Length: > 0 } configured
            ? configured
            : Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, name + ".png");
    }

    /// <summary>Opens <paramref name="htmlFile"/> in a new tab, waits for its load event and a painted frame, and reports what it saw.</summary>
    public Task<PageCheck> OpenAsync(string htmlFile, CancellationToken cancellationToken) => OpenAsync(htmlFile, null, cancellationToken);

    /// <summary>
    /// As <see cref="OpenAsync(string, CancellationToken)"/>, and when <paramref name="screenshotPath"/> is given, saves a
    /// PNG of the whole page (laid out <see cref="ViewportWidth"/> CSS pixels wide) there, creating its directory.
    /// </summary>
    public async Task<PageCheck> OpenAsync(string htmlFile, string? screenshotPath, CancellationToken cancellationToken)
    {
        await _pageLock.WaitAsync(cancellationToken);
        try
        {
            return await OpenOneAsync(new Uri(Path.GetFullPath(htmlFile)).AbsoluteUri, screenshotPath, cancellationToken);
        }
        finally
        {
            _pageLock.Release();
        }
    }

    private async Task<PageCheck> OpenOneAsync(string url, string? screenshotPath, CancellationToken cancellationToken)
    {
        var target = (string)(await SendAsync("Target.createTarget", new JsonObject { ["url"] = "about:blank" }, null, cancellationToken))["targetId"]!;
        var session = (string)(await SendAsync("Target.attachToTarget", new JsonObject { ["targetId"] = target, ["flatten"] = true }, null, cancellationToken))["sessionId"]!;
        var console = new ConcurrentQueue<string>();
        var pageErrors = new ConcurrentQueue<string>();
        var requests = new ConcurrentQueue<string>();
        var loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _onEvent = (method, p, from) =>
        {
            if (from != session)
            {
                return;
            }

            switch (method)
            {
                case "Runtime.consoleAPICalled" when Text(p, "type") is "error" or "warning" or "assert":
                    var args = (p["args"] as JsonArray ?? []).Select(a => Text(a, "description") ?? Text(a, "value"));
                    console.Enqueue($"console.{Text(p, "type")}: {string.Join(' ', args)}");
                    break;
                case "Log.entryAdded" when Text(p, "entry", "level") is "error" or "warning":
                    console.Enqueue($"{Text(p, "entry", "level")} ({Text(p, "entry", "source")}): {Text(p, "entry", "text")} {Text(p, "entry", "url")}".TrimEnd());
                    break;
                case "Runtime.exceptionThrown":
                    pageErrors.Enqueue(Text(p, "exceptionDetails", "exception", "description") ?? Text(p, "exceptionDetails", "text") ?? p.ToJsonString());
                    break;
                case "Network.requestWillBeSent":
                    requests.Enqueue(Text(p, "request", "url") ?? p.ToJsonString());
                    break;
                case "Network.loadingFailed":
                    console.Enqueue($"request failed: {Text(p, "errorText")}");
                    break;
                case "Page.loadEventFired":
                    loaded.TrySetResult();
                    break;
                default:
                    break;
            }
        };

        try
        {
            foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
            {
                await SendAsync(domain + ".enable", [], session, cancellationToken);
            }

            await SendAsync(
                "Emulation.setDeviceMetricsOverride",
                new JsonObject { ["width"] = ViewportWidth, ["height"] = ViewportHeight, ["deviceScaleFactor"] = 1, ["mobile"] = false },
                session,
                cancellationToken);
            // No scrollbar: a tall page is laid out (and screenshot) the full width of the window.
            await SendAsync("Emulation.setScrollbarsHidden", new JsonObject { ["hidden"] = true }, session, cancellationToken);
            var navigation = await SendAsync("Page.navigate", new JsonObject { ["url"] = url }, session, cancellationToken);
            if (navigation["errorText"] is { } navigationError)
            {
                throw new InvalidOperationException($"chromium could not open {url}: {navigationError}");
            }

            await loaded.Task.WaitAsync(StepTimeout, cancellationToken);
            var evaluation = await SendAsync(
                "Runtime.evaluate",
                new JsonObject { ["expression"] = ChartProbe, ["awaitPromise"] = true, ["returnByValue"] = true },
                session,
                cancellationToken);
            if (evaluation["exceptionDetails"] is { } probeError)
            {
                throw new InvalidOperationException($"the chart probe threw in {url}: {probeError.ToJsonString()}");
            }

            var value = evaluation["result"]!["value"]!;
            var charts = value["charts"]!.AsArray().Select(c => new ChartCheck(
                (string?)c!["heading"], (double)c["width"]!, (double)c["height"]!, (int)c["drawnMarks"]!, (int)c["emptyMarks"]!)).ToArray();
            var headings = value["headings"]!.AsArray().Select(h => (string)h!).ToArray();
            if (screenshotPath is not null)
            {
                await SaveScreenshotAsync(session, screenshotPath, cancellationToken);
            }

            return new PageCheck(url, [.. console], [.. pageErrors], [.. requests], charts, headings);
        }
        finally
        {
            _onEvent = null;
            await SendAsync("Target.closeTarget", new JsonObject { ["targetId"] = target }, null, cancellationToken);
        }
    }

    // A PNG of the whole page, not only the window: the clip is the laid-out content's size.
    private async Task SaveScreenshotAsync(string session, string path, CancellationToken cancellationToken)
    {
        var metrics = await SendAsync("Page.getLayoutMetrics", [], session, cancellationToken);
        var content = metrics["cssContentSize"] ?? metrics["contentSize"]!;
        var width = Math.Max(1, Math.Ceiling((double)content["width"]!));
        var height = Math.Max(1, Math.Ceiling((double)content["height"]!));
        var shot = await SendAsync(
            "Page.captureScreenshot",
            new JsonObject
            {
                ["format"] = "png",
                ["captureBeyondViewport"] = true,
                ["clip"] = new JsonObject { ["x"] = 0, ["y"] = 0, ["width"] = width, ["height"] = height, ["scale"] = 1 },
            },
            session,
            cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        await File.WriteAllBytesAsync(path, Convert.FromBase64String((string)shot["data"]!), cancellationToken);
    }

    // The string (or, for any other value, the JSON) at a path of property names; null when a step is missing.
    private static string? Text(JsonNode? node, params string[] path)
    {
        foreach (var name in path)
        {
            node = node is JsonObject o ? o[name] : null;
        }

        return node is null ? null : node.GetValueKind() == JsonValueKind.String ? node.GetValue<string>() : node.ToJsonString();
    }

    private async Task<JsonObject> SendAsync(string method, JsonObject parameters, string? session, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextId);
        var reply = new TaskCompletionSource<JsonObject>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        if (session is not null)
        {
            message["sessionId"] = session;
        }

        await _sendLock.WaitAsync(cancellationToken);
        try
        {
            await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, true, cancellationToken);
        }
        finally
        {
            _sendLock.Release();
        }

        try
        {
            return await reply.Task.WaitAsync(StepTimeout, cancellationToken);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"chromium did not answer {method} within {StepTimeout.TotalSeconds:0} s", e);
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    private async Task ReceiveAsync()
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        try
        {
            while (_socket.State == WebSocketState.Open)
            {
                var part = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (part.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                message.Write(buffer, 0, part.Count);
                if (!part.EndOfMessage)
                {
                    continue;
                }

                var json = JsonNode.Parse(message.GetBuffer().AsSpan(0, (int)message.Length))!.AsObject();
                message.SetLength(0);
                if (json["id"] is { } id)
                {
                    if (_pending.TryGetValue((int)id, out var reply))
                    {
                        if (json["error"] is { } error)
                        {
                            reply.TrySetException(new InvalidOperationException($"chromium refused a DevTools command: {error.ToJsonString()}"));
                        }
                        else
                        {
                            reply.TrySetResult(json["result"]?.AsObject() ?? []);
                        }
                    }
                }
                else if (json["method"] is { } method)
                {
                    _onEvent?.Invoke((string)method!, json["params"]?.AsObject() ?? [], (string?)json["sessionId"]);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException or JsonException)
        {
            foreach (var reply in _pending.Values)
            {
                reply.TrySetException(new InvalidOperationException("the DevTools connection to chromium closed", e));
            }
        }
    }

    /// <summary>Closes the browser (politely, then by its pid with its process tree) and deletes its profile.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await SendAsync("Browser.close", [], null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or TimeoutException or InvalidOperationException or WebSocketException)
            {
            }
        }

        try
        {
            using var exited = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(exited.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync(CancellationToken.None);
        }

        await _stop.CancelAsync();
        await _receiveLoop;
        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
        _pageLock.Dispose();
        _process.Dispose();
        for (var attempt = 0; attempt < 5 && _userDataDir.Exists; attempt++)
        {
            try
            {
                _userDataDir.Delete(recursive: true);
            }
            catch (IOException)
            {
                await Task.Delay(200);
                _userDataDir.Refresh();
            }
        }
    }
}

/// <summary>One inline SVG chart as laid out: the heading before it, its size in CSS pixels and its drawn and empty marks.</summary>
internal sealed record ChartCheck(string? Heading, double Width, double Height, int DrawnMarks, int EmptyMarks);

/// <summary>What headless Chromium saw when it opened a page.</summary>
internal sealed record PageCheck(
    string Url,
    IReadOnlyList<string> ConsoleProblems,
    IReadOnlyList<string> PageErrors,
    IReadOnlyList<string> Requests,
    IReadOnlyList<ChartCheck> Charts,
    IReadOnlyList<string> Headings)
{
    /// <summary>Everything that keeps the page from being a self-contained report whose charts all render; empty when it is.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        problems.AddRange(ConsoleProblems.Select(m => "console: " + m));
        problems.AddRange(PageErrors.Select(m => "page error: " + m));
        problems.AddRange(Requests.Where(r => r != Url).Distinct().Select(r => "request outside the file: " + r));
        if (Charts.Count == 0)
        {
            problems.Add("no <svg> chart on the page");
        }

        for (var i = 0; i < Charts.Count; i++)
        {
            var c = Charts[i];
            var name = $"chart {i + 1} ({c.Heading ?? "no heading"})";
            if (c.Heading is null or "")
            {
                problems.Add($"{name}: no heading before it");
            }

            if (!(c.Width > 0 && c.Height > 0))
            {
                problems.Add($"{name}: laid out {c.Width}x{c.Height} px");
            }

            if (c.DrawnMarks == 0)
            {
                problems.Add($"{name}: draws no marks (no polyline, polygon or path with points, no rect or circle with an area)");
            }

            if (c.EmptyMarks > 0)
            {
                problems.Add($"{name}: {c.EmptyMarks} polyline/polygon/path with no points");
            }
        }

        return problems;
    }
}
