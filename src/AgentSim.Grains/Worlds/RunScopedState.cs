using AgentSim.Abstractions.Messages;

namespace AgentSim.Grains.Worlds;

/// <summary>In-memory state of a run-scoped grain: the request it started with, the model object it wraps, and its last epoch answer.</summary>
/// <typeparam name="TModel">The Model object holding the entity's shared state.</typeparam>
/// <typeparam name="TAnswer">What the grain answers at the start of an epoch.</typeparam>
public sealed class RunScopedState<TModel, TAnswer>(RunRequest request, TModel model)
{
    private (long Start, TAnswer Answer)? _lastBegin;

    /// <summary>The run request the grain was started with.</summary>
    public RunRequest Request { get; } = request;

    /// <summary>The wrapped Model object.</summary>
    public TModel Model { get; } = model;

    /// <summary>Answers for the epoch starting at <paramref name="epochStart"/> once; a repeated call (a retry) gets the same answer, so no random draw is taken twice.</summary>
    public TAnswer BeginOnce(long epochStart, Func<TModel, TAnswer> answer)
    {
        if (_lastBegin is { } last && last.Start == epochStart)
        {
            return last.Answer;
        }

        var value = answer(Model);
        _lastBegin = (epochStart, value);
        return value;
    }
}
