namespace AgentSim.Cli.Reports;

/// <summary>One table of the run summary, independent of how it is rendered (Spectre on the console, markdown in summary.md).</summary>
/// <param name="Title">Table title.</param>
/// <param name="Columns">Column headers.</param>
/// <param name="Rows">Cells, already formatted.</param>
public sealed record SummaryTable(string Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
