using System.Text;

namespace AgentTrust.Domain.Reports;

/// <summary>The weekly report's Markdown summary: the headline numbers and tables, charts linked as PNG files.</summary>
public static class MarkdownReport
{
    public static string Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var md = new StringBuilder();
        md.Append("# ").Append(ReportText.Title(report)).Append("\n\n");
        md.Append("Generated ").Append(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))
          .Append(" from signed evidence records and the stored weekly metrics. Trend window from ")
          .Append(report.TrendStart.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(".\n\n");
        Section(md, "Headline", ReportText.Headline(report));
        Section(md, "Trust at the end of the week", ReportText.Trust(report));
        Section(md, "Decisions by outcome", ReportText.Decisions(report));
        Section(md, "ITSM metrics trend", ReportText.Metrics(report));
        md.Append("## Charts\n\n");
        foreach (var (file, caption) in ReportCharts.All)
        {
            md.Append("- [").Append(caption).Append("](charts/").Append(file).Append(")\n");
        }

        return md.ToString();
    }

    static void Section(StringBuilder md, string title, (string[] Header, List<string[]> Rows) table)
    {
        md.Append("## ").Append(title).Append("\n\n");
        if (table.Rows.Count == 0)
        {
            md.Append("None in this period.\n\n");
            return;
        }

        md.Append("| ").AppendJoin(" | ", table.Header.Select(Escape)).Append(" |\n");
        md.Append('|').AppendJoin('|', table.Header.Select(_ => " --- ")).Append("|\n");
        foreach (var row in table.Rows)
        {
            md.Append("| ").AppendJoin(" | ", row.Select(Escape)).Append(" |\n");
        }

        md.Append('\n');
    }

    static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal);
}
