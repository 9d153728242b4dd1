using AgentSim.Abstractions.Messages;
using AgentSim.Model.Engine;

namespace AgentSim.Grains.Worlds;

/// <summary>
/// In-memory state of a run-scoped grain: the request it started with, the model object it wraps, how many epochs it has
/// taken in, and its last epoch answers (a repeated call, a retry, gets the same answer, so no random draw is taken twice).
/// </summary>
/// <typeparam name="TModel">The Model object holding the entity's shared state.</typeparam>
/// <typeparam name="TAnswer">What the grain answers at the start of an epoch.</typeparam>
public sealed class RunScopedState<TModel, TAnswer>(RunRequest request, World world, TModel model)
{
    private (long Start, TAnswer Answer)? _lastBegin;
    private (int Epoch, object? Answer)? _lastClose;

    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The run's compiled world.</summary>
    public World World { get; } = world;

    /// <summary>The wrapped Model object.</summary>
    public TModel Model { get; } = model;

    /// <summary>Epochs whose every effect on the model has been taken in: the next epoch the grain expects.</summary>
    public int NextEpoch { get; private set; }

    /// <summary>
    /// True when the state can take epoch <paramref name="epoch"/>'s begin (or, with <paramref name="close"/>, its close):
    /// it is the next epoch, or a repeat of the last answered. Otherwise the grain is behind (it replaced a lost
    /// activation) or past it (a coordinator that lost its last checkpoint runs an epoch again), and is rebuilt.
    /// </summary>
    public bool CanTake(int epoch, bool close) =>
        NextEpoch == epoch || (close
            ? _lastClose is { } c && c.Epoch == epoch
            : _lastBegin is { } b && EpochAt(b.Start) == epoch);

    /// <summary>The number of the epoch starting at (or, with <paramref name="end"/>, ending at) <paramref name="micros"/>.</summary>
    public int EpochAt(long micros, bool end = false) => (int)(micros / World.EpochMicros) - (end ? 1 : 0);

    /// <summary>
    /// Answers for the epoch starting at <paramref name="epochStart"/> once; with <paramref name="completesEpoch"/> (a
    /// grain with nothing to close) the answer is all the epoch does to the model.
    /// </summary>
    public TAnswer BeginOnce(long epochStart, Func<TModel, TAnswer> answer, bool completesEpoch = false)
    {
        if (_lastBegin is { } last && last.Start == epochStart)
        {
            return last.Answer;
        }

        var value = answer(Model);
        _lastBegin = (epochStart, value);
        if (completesEpoch)
        {
            NextEpoch = EpochAt(epochStart) + 1;
        }

        return value;
    }

    /// <summary>Closes the epoch ending at <paramref name="epochEnd"/> once: a repeated close gets the first close's answer and changes nothing.</summary>
    public T CloseOnce<T>(long epochEnd, Func<TModel, T> close)
    {
        var epoch = EpochAt(epochEnd, end: true);
        if (_lastClose is { } last && last.Epoch == epoch)
        {
            return (T)last.Answer!;
        }

        var value = close(Model);
        _lastClose = (epoch, value);
        NextEpoch = epoch + 1;
        return value;
    }
}
