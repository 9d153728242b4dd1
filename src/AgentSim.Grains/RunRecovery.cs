using Orleans.Runtime.Messaging;

namespace AgentSim.Grains;

/// <summary>
/// How a client waits out the loss of a silo during a checkpointed run: it retries the call that failed every
/// <see cref="Delay"/> while the failure is one a lost silo causes, for at most <see cref="Budget"/> from the first failure
/// in a row (the membership protocol declares a killed silo dead within seconds; the run's grains then re-activate on the
/// survivors and catch up from the run's checkpoints).
/// </summary>
/// <param name="Time">The clock the waits are measured on.</param>
/// <param name="Retrying">Told of each retry: what was being done, the attempt and the failure (for the user).</param>
public sealed record RunRecovery(TimeProvider Time, Action<string, int, Exception>? Retrying = null)
{
    /// <summary>Default for <see cref="Budget"/>: several times the tuned time to declare a frozen silo dead.</summary>
    public static readonly TimeSpan DefaultBudget = TimeSpan.FromSeconds(90);

    /// <summary>How long failures in a row are retried before the run gives up.</summary>
    public TimeSpan Budget { get; init; } = DefaultBudget;

    /// <summary>
    /// Completes when the cluster next declares a silo dead: a call still waiting then is given up and retried (its silo
    /// may be the dead one, and an Orleans client would otherwise wait out the call's whole response timeout). A call given
    /// up that was in fact going on is harmless: the coordinator runs calls one at a time, and each step runs the next epoch.
    /// </summary>
    public Func<Task>? SiloLost { get; init; }

    /// <summary>Wait before each retry.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Calls <paramref name="call"/>; throws <see cref="SiloLostException"/> if <see cref="SiloLost"/> completes first.</summary>
    public async Task<T> WatchAsync<T>(Func<Task<T>> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        var lost = SiloLost?.Invoke();
        var task = call();
        if (lost is not null && await Task.WhenAny(task, lost) != task)
        {
            // Observed so that a late failure of the abandoned call is not reported as unobserved.
            _ = task.ContinueWith(static t => t.Exception, TaskScheduler.Default);
            throw new SiloLostException("the cluster declared a silo dead while the call was waiting for its answer");
        }

        return await task;
    }

    /// <summary>True when <paramref name="e"/> (or an exception inside it) is what a call meets when a silo it involved was lost.</summary>
    public static bool IsSiloLoss(Exception e)
    {
        for (var inner = e; inner is not null; inner = inner.InnerException)
        {
            if (inner is SiloLostException or SiloUnavailableException or OrleansMessageRejectionException or ConnectionFailedException or TimeoutException or GatewayTooBusyException)
            {
                return true;
            }

            if (inner is AggregateException aggregate && aggregate.InnerExceptions.Any(IsSiloLoss))
            {
                return true;
            }
        }

        return false;
    }
}

/// <summary>A call given up because the cluster declared a silo dead while it waited.</summary>
public sealed class SiloLostException(string message) : Exception(message);
