using Spectre.Console;

namespace AgentSim.Cli.Reports;

/// <summary>Renders summary tables as Spectre tables.</summary>
public static class ConsoleSummary
{
    /// <summary>Writes every table to the console.</summary>
    public static void Write(IAnsiConsole console, IReadOnlyList<SummaryTable> tables)
    {
        foreach (var summary in tables)
        {
            var table = new Table().Title(Markup.Escape(summary.Title)).Border(TableBorder.Rounded);
            for (var i = 0; i < summary.Columns.Count; i++)
            {
                var column = new TableColumn(new Text(summary.Columns[i]));
                table.AddColumn(IsNumeric(summary, i) ? column.RightAligned() : column);
            }

            foreach (var row in summary.Rows)
            {
                table.AddRow([.. row.Select(cell => new Text(cell))]);
            }

            console.Write(table);
        }
    }

    private static bool IsNumeric(SummaryTable table, int column) =>
        table.Rows.Count > 0 && table.Rows.All(row => column < row.Count && row[column].Length > 0 && char.IsAsciiDigit(row[column][0]));
}
