namespace AgentSim.Grains.Cluster;

/// <summary>
/// The cluster's real-time conversations as its ledger counts them: started, ended by outcome, still in flight
/// (started less ended: nothing disappears), late or repeated outcome writes the ledger ignored, and the takeovers of
/// lost silos' conversations.
/// </summary>
/// <param name="Shared">True when the ledger is in the cluster's Redis (every silo's conversations); false for a silo alone.</param>
/// <param name="Started">Conversations accepted.</param>
/// <param name="Outcomes">Conversations ended, by outcome wire name (every outcome present, 0 when none).</param>
/// <param name="InFlight">Started and not yet ended.</param>
/// <param name="Duplicates">Outcome writes for a conversation that had one already (ignored).</param>
/// <param name="Stale">Writes from a silo that no longer owns the conversation, e.g. one that woke after being declared dead (ignored).</param>
/// <param name="Takeovers">Takeovers and shutdowns so far, with the conversations resumed and failed.</param>
/// <param name="Recent">The last takeovers, newest first.</param>
public sealed record LedgerTotals(
    bool Shared,
    long Started,
    IReadOnlyDictionary<string, long> Outcomes,
    long InFlight,
    long Duplicates,
    long Stale,
    TakeoverTotals Takeovers,
    IReadOnlyList<TakeoverRecord> Recent);

/// <summary>Sum of every takeover: how many, and the conversations they resumed and failed.</summary>
/// <param name="Count">Takeovers (one per lost silo that had conversations, plus last-silo shutdowns).</param>
/// <param name="Resumed">Conversations resumed on a survivor with their context (re-queued ones included).</param>
/// <param name="Failed">Conversations ended with the explicit outcome <c>failed</c>.</param>
public sealed record TakeoverTotals(long Count, long Resumed, long Failed);

/// <summary>One takeover of a lost (or stopping) silo's conversations.</summary>
/// <param name="Silo">The silo whose conversations were taken over.</param>
/// <param name="By">The silo that took them (the silo itself for a shutdown with no survivor).</param>
/// <param name="Kind"><c>takeover</c> (a survivor, after the silo was declared dead) or <c>shutdown</c> (the last silo, ending its own).</param>
/// <param name="Resumed">Conversations resumed with their context (re-queued ones included).</param>
/// <param name="Requeued">Of those, conversations put back in a human queue.</param>
/// <param name="Failed">Conversations ended <c>failed</c>.</param>
/// <param name="Seconds">Wall seconds from seeing the silo dead (or stopping) until every conversation was resumed or ended.</param>
/// <param name="At">When it finished (UTC).</param>
/// <param name="FailedBecause">Why conversations were failed, by reason, with their counts.</param>
public sealed record TakeoverRecord(
    string Silo,
    string By,
    string Kind,
    int Resumed,
    int Requeued,
    int Failed,
    double Seconds,
    DateTimeOffset At,
    IReadOnlyDictionary<string, int> FailedBecause);

/// <summary>One conversation as the ledger knows it.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Silo">The silo that owns it now (or owned it last).</param>
/// <param name="Outcome">Its outcome's wire name, or null while in flight.</param>
/// <param name="Turns">Turns played at its last checkpoint.</param>
/// <param name="Channel">Its channel at its last checkpoint.</param>
/// <param name="Queue">The human queue it waits in (or waited in), or null.</param>
/// <param name="Resumed">True when a survivor resumed it after its first silo was lost.</param>
public sealed record LedgerEntry(long Id, string Silo, string? Outcome, int Turns, string? Channel, string? Queue, bool Resumed);

/// <summary>What became of a write to the ledger.</summary>
public enum LedgerWrite
{
    /// <summary>Written.</summary>
    Recorded,

    /// <summary>The conversation had an outcome already; ignored.</summary>
    Duplicate,

    /// <summary>The writer no longer owns the conversation (a survivor took it over); ignored.</summary>
    Stale,

    /// <summary>The ledger has no such conversation.</summary>
    Unknown,
}

/// <summary>A conversation a survivor has taken from a lost silo: its last checkpoint (empty when it had none yet) and where it stood.</summary>
/// <param name="Id">Conversation id.</param>
/// <param name="Checkpoint">Its last checkpoint's bytes; empty when its silo was lost before the first was written.</param>
/// <param name="Queue">The human queue it had been handed to, or null.</param>
public sealed record ClaimedConversation(long Id, byte[] Checkpoint, string? Queue);
