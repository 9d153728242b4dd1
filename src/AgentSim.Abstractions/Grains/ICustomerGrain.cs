using AgentSim.Abstractions.Messages;

namespace AgentSim.Abstractions.Grains;

/// <summary>A synthetic customer: masked profile and a short history of outcomes. Key: customer id.</summary>
[Alias("AgentSim.ICustomerGrain")]
public interface ICustomerGrain : IGrainWithIntegerKey
{
    /// <summary>The customer's profile in the run's population, PII masked.</summary>
    [Alias("GetProfile")]
    Task<CustomerView> GetProfileAsync(RunRequest request);

    /// <summary>Records a conversation outcome; only the most recent few are kept.</summary>
    [Alias("RecordOutcome")]
    Task RecordOutcomeAsync(CustomerOutcomeEntry entry);

    /// <summary>The recorded outcomes, oldest first.</summary>
    [Alias("GetHistory")]
    Task<CustomerOutcomeEntry[]> GetHistoryAsync();
}
