using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace AgentSim.Scenarios.Reading;

/// <summary>
/// Passes a YAML parser's events through, counting how deep lists and mappings nest, and stops with
/// <see cref="NestingTooDeepException"/> before the depth passes <see cref="RunLimits.MaxNestingDepth"/> — so loading the
/// representation model (which recurses once per level) cannot overflow the stack.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    private readonly Stack<NestingFrame> _frames = new();

    /// <inheritdoc />
    public ParsingEvent? Current => inner.Current;

    /// <inheritdoc />
    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case YamlDotNet.Core.Events.Scalar scalar:
                Enter(scalar.Value);
                Leave();
                break;
            case AnchorAlias:
                Enter(null);
                Leave();
                break;
            case NodeEvent start and (SequenceStart or MappingStart):
                var path = Enter(null);
                if (_frames.Count >= RunLimits.MaxNestingDepth)
                {
                    throw new NestingTooDeepException(start.Start, Named(path));
                }

                _frames.Push(new NestingFrame(path, start is MappingStart));
                break;
            case SequenceEnd or MappingEnd:
                _frames.Pop();
                Leave();
                break;
        }

        return true;
    }

    /// <summary>The path up to its last named key: <c>junk[0][0]</c> → <c>junk</c>; <c>document</c> when no key names it.</summary>
    private static string Named(string path)
    {
        var end = path.Length;
        while (end > 0 && path[end - 1] == ']')
        {
            end = path.LastIndexOf('[', end - 1);
        }

        return end <= 0 ? "document" : path[..end];
    }

    // A node begins: returns its path and, for a mapping key that is a scalar, remembers the key's name.
    private string Enter(string? scalar)
    {
        if (_frames.Count == 0)
        {
            return "";
        }

        var parent = _frames.Peek();
        if (!parent.Mapping)
        {
            return $"{parent.Path}[{parent.Index}]";
        }

        if (parent.ExpectKey)
        {
            parent.Key = scalar ?? "?";
            return parent.Path;
        }

        return parent.Path.Length == 0 ? parent.Key : $"{parent.Path}.{parent.Key}";
    }

    // A node ends (a scalar at once, a list or mapping at its end event): the parent moves to its next key, value or item.
    private void Leave()
    {
        if (_frames.Count == 0)
        {
            return;
        }

        var parent = _frames.Peek();
        if (parent.Mapping)
        {
            parent.ExpectKey = !parent.ExpectKey;
        }
        else
        {
            parent.Index++;
        }
    }
}
