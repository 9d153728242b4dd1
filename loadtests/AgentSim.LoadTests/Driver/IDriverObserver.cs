namespace AgentSim.LoadTests.Driver;

/// <summary>
/// Sees every arrival of an <see cref="LoadDriver"/> as it happens (e.g. to export the driver's own metrics). Calls
/// come from the schedule's thread and from completions concurrently; implementations must be thread-safe and cheap.
/// <c>measured</c> is false for arrivals scheduled during the warm-up (the report does not count those).
/// </summary>
public interface IDriverObserver
{
    /// <summary>A run (or a capacity-search step) starts at <paramref name="rate"/> arrivals a second.</summary>
    void Started(double rate);

    /// <summary>An arrival was sent.</summary>
    void Sent(bool measured);

    /// <summary>An arrival was dropped at the in-flight cap.</summary>
    void Dropped(bool measured);

    /// <summary>A sent request ended, <paramref name="ok"/> or not, after <paramref name="responseSeconds"/> from its scheduled start and <paramref name="serviceSeconds"/> from its send.</summary>
    void Completed(bool measured, bool ok, double responseSeconds, double serviceSeconds);

    /// <summary>The run's arrivals have stopped and its requests are drained.</summary>
    void Stopped();
}

/// <summary>The observer new drivers get by default (<see cref="LoadDriver.Observer"/>): set for the rest of an async flow, so capacity-search steps inherit it too.</summary>
public static class DriverObserver
{
    private static readonly AsyncLocal<IDriverObserver?> Ambient = new();

    /// <summary>The observer of drivers created in this async flow, or null.</summary>
    public static IDriverObserver? Current
    {
        get => Ambient.Value;
        set => Ambient.Value = value;
    }
}
