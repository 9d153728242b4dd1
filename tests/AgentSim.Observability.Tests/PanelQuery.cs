namespace AgentSim.Observability.Tests;

/// <summary>One PromQL query of one dashboard panel.</summary>
/// <param name="Dashboard">The dashboard file name, e.g. capacity.json.</param>
/// <param name="PanelTitle">The panel's title.</param>
/// <param name="RefId">The target's refId within the panel.</param>
/// <param name="RawExpr">The expression as Grafana stores it, with template variables.</param>
/// <param name="Expr">The expression with template variables substituted, ready for Prometheus.</param>
public sealed record PanelQuery(string Dashboard, string PanelTitle, string RefId, string RawExpr, string Expr)
{
    /// <inheritdoc />
    public override string ToString() => $"{Dashboard} / {PanelTitle} / {RefId}";
}
