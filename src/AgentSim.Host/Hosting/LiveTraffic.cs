using AgentSim.Model.Engine;

namespace AgentSim.Host.Hosting;

/// <summary>
/// The real-time clock a silo runs: conversations of <paramref name="World"/> whose turns wait their latencies and think
/// times scaled by <paramref name="TimeScale"/>, started by the silo's own Poisson arrivals at <paramref name="RatePerSecond"/>
/// per simulated second (0: none, the ingress only) and by the ingress, at most <paramref name="MaxInFlight"/> at once.
/// </summary>
/// <param name="World">The compiled scenario.</param>
/// <param name="TimeScale">Simulated seconds per wall-clock second; 1 is real time.</param>
/// <param name="RatePerSecond">The silo's own arrivals per simulated second; 0 generates none.</param>
/// <param name="MaxInFlight">Admission limit: conversations in flight; past it arrivals are shed and the ingress answers 503.</param>
/// <param name="Retained">Ended conversations whose outcome the ingress can still report.</param>
public sealed record LiveTraffic(World World, double TimeScale, double RatePerSecond, int MaxInFlight, int Retained);
