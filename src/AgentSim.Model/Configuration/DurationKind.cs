namespace AgentSim.Model.Configuration;

/// <summary>The family of a <see cref="DurationSpec"/>.</summary>
public enum DurationKind
{
    /// <summary>Exponential with mean <see cref="DurationSpec.MeanSeconds"/> (scenario form <c>{mean_seconds: X}</c>).</summary>
    Exponential = 0,

    /// <summary>Log-normal fitted to <see cref="DurationSpec.P50Ms"/> and <see cref="DurationSpec.P99Ms"/> (scenario form <c>{p50_ms, p99_ms}</c>).</summary>
    LogNormal = 1,
}
