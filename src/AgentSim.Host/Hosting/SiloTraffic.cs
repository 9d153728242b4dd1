using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;

namespace AgentSim.Host.Hosting;

/// <summary>Steady traffic a long-running silo generates by itself: a run on the Orleans engine, paced against the wall clock.</summary>
/// <param name="Request">The run (usually with an unbounded conversation count).</param>
/// <param name="World">The run's compiled world, handed to the silo so its grains do not compile it again.</param>
/// <param name="TimeScale">Simulated seconds per wall-clock second; 1 is real time.</param>
/// <param name="Progress">Receives the progress after every epoch; optional.</param>
public sealed record SiloTraffic(RunRequest Request, World World, double TimeScale, IProgress<RunProgress>? Progress = null);
