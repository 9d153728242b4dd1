using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AgentSim.Host.Hosting;

/// <summary>Readiness: healthy once the local silo's membership status is <see cref="SiloStatus.Active"/>.</summary>
internal sealed class SiloActiveHealthCheck(ISiloStatusOracle oracle) : IHealthCheck
{
    /// <inheritdoc />
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = oracle.CurrentStatus;
        return Task.FromResult(status == SiloStatus.Active
            ? HealthCheckResult.Healthy($"silo {oracle.SiloAddress} is active")
            : HealthCheckResult.Unhealthy($"silo {oracle.SiloAddress} is {status}"));
    }
}
