using System.Text;

namespace AgentSim.Cli.Reports;

/// <summary>Renders summary tables as markdown (summary.md).</summary>
public static class MarkdownSummary
{
    /// <summary>The document: a heading, then one section per table.</summary>
    public static string Render(string heading, IReadOnlyList<SummaryTable> tables)
    {
        var md = new StringBuilder();
        md.Append("# ").Append(heading).Append('\n');
        foreach (var table in tables)
        {
            md.Append("\n## ").Append(table.Title).Append("\n\n");
            Row(md, table.Columns);
            Row(md, [.. table.Columns.Select(_ => "---")]);
            foreach (var row in table.Rows)
            {
                Row(md, row);
            }
        }

        return md.ToString();
    }

    private static void Row(StringBuilder md, IReadOnlyList<string> cells)
    {
        md.Append('|');
        foreach (var cell in cells)
        {
            md.Append(' ').Append(cell.Replace("|", "\\|", StringComparison.Ordinal)).Append(" |");
        }

        md.Append('\n');
    }
}
