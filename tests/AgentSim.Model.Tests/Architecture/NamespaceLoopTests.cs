using AgentSim.Model.Engine;

namespace AgentSim.Model.Tests.Architecture;

/// <summary>The Model's namespaces form layers: none uses another that uses it back, directly or through others.</summary>
public class NamespaceLoopTests
{
    [Fact]
    public void ModelAssembly_Namespaces_HaveNoLoops()
    {
        var edges = NamespaceGraph.Of(typeof(World).Assembly, "AgentSim.Model");
        var loops = NamespaceGraph.Loops(edges);
        Assert.True(loops.Count == 0, "namespace loops:" + Environment.NewLine + string.Join(Environment.NewLine, loops.Select(l =>
            string.Join(", ", l) + Environment.NewLine + string.Join(Environment.NewLine, l.Select(n => $"    {n} -> {string.Join(", ", edges[n].Where(l.Contains))}")))));
    }

    [Fact]
    public void NamespaceGraph_TwoNamespacesUsingEachOther_IsALoop()
    {
        var edges = new Dictionary<string, SortedSet<string>>
        {
            ["A"] = ["B"],
            ["B"] = ["C"],
            ["C"] = ["A"],
            ["D"] = ["A"],
        };
        Assert.Equal([["A", "B", "C"]], NamespaceGraph.Loops(edges));
    }
}
