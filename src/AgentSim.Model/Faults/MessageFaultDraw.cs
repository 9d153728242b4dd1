namespace AgentSim.Model.Faults;

/// <summary>What message faults did to one customer message.</summary>
/// <param name="Spoiled">The message arrived cut short or garbled.</param>
/// <param name="Duplicated">The message arrived twice.</param>
public readonly record struct MessageFaultDraw(bool Spoiled, bool Duplicated);
