namespace AgentSim.Scenarios.Reading;

/// <summary>One open list or mapping while <see cref="DepthLimitedParser"/> reads: its path and where it is among its keys, values or items.</summary>
internal sealed class NestingFrame(string path, bool mapping)
{
    /// <summary>Path of the list or mapping (<c>providers[0]</c>; empty for the document root).</summary>
    public string Path { get; } = path;

    /// <summary>True for a mapping, false for a list.</summary>
    public bool Mapping { get; } = mapping;

    /// <summary>In a mapping: true when the next node is a key, false when it is that key's value.</summary>
    public bool ExpectKey { get; set; } = true;

    /// <summary>In a mapping: the last key read (<c>?</c> when it was not a plain scalar).</summary>
    public string Key { get; set; } = "?";

    /// <summary>In a list: the index of the next item.</summary>
    public int Index { get; set; }
}
