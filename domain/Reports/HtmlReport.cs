using System.Net;
using System.Text;

namespace AgentTrust.Domain.Reports;

/// <summary>
/// The weekly report as one self-contained HTML page: inline CSS, charts embedded as PNG data URIs, no scripts and
/// no external assets, so it opens the same offline, in a mail client or in an auditor's archive years later.
/// </summary>
public static class HtmlReport
{
    const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:1100px;color:#1b1f24;padding:0 1rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #d0d7de;padding-bottom:.3rem}
        table{border-collapse:collapse;margin:.5rem 0 1rem}th,td{border:1px solid #d0d7de;padding:.25rem .6rem;text-align:left}
        th{background:#f6f8fa}td.n{text-align:right;font-variant-numeric:tabular-nums}
        figure{margin:1rem 0}figcaption{color:#57606a;font-size:.9rem}img{max-width:100%;height:auto;border:1px solid #eaeef2}
        .muted{color:#57606a}
        """;

    /// <param name="charts">PNG bytes by chart file name (<see cref="ReportCharts"/>); a missing chart is named as missing.</param>
    public static string Render(WeeklyReport report, IReadOnlyDictionary<string, byte[]> charts)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(charts);
        var title = WebUtility.HtmlEncode(ReportText.Title(report));
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(title).Append("</title>")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<style>").Append(Style).Append("</style></head><body>\n");
        html.Append("<h1>").Append(title).Append("</h1>\n<p class=\"muted\">Generated ")
            .Append(report.GeneratedAt.ToString("yyyy-MM-dd HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture))
            .Append(" from signed evidence records and the stored weekly metrics.</p>\n");
        Table(html, "Headline", ReportText.Headline(report));
        html.Append("<h2>Charts</h2>\n");
        foreach (var (file, caption) in ReportCharts.All)
        {
            html.Append("<figure id=\"").Append(file).Append("\">");
            if (charts.TryGetValue(file, out var png))
            {
                html.Append("<img alt=\"").Append(WebUtility.HtmlEncode(caption)).Append("\" src=\"data:image/png;base64,").Append(Convert.ToBase64String(png)).Append("\">");
            }
            else
            {
                html.Append("<p class=\"muted\">chart not rendered</p>");
            }

            html.Append("<figcaption>").Append(WebUtility.HtmlEncode(caption)).Append("</figcaption></figure>\n");
        }

        Table(html, "Trust at the end of the week", ReportText.Trust(report));
        Table(html, "Decisions by outcome", ReportText.Decisions(report));
        Table(html, "ITSM metrics trend", ReportText.Metrics(report));
        html.Append("</body></html>\n");
        return html.ToString();
    }

    static void Table(StringBuilder html, string title, (string[] Header, List<string[]> Rows) table)
    {
        html.Append("<h2>").Append(WebUtility.HtmlEncode(title)).Append("</h2>\n");
        if (table.Rows.Count == 0)
        {
            html.Append("<p class=\"muted\">None in this period.</p>\n");
            return;
        }

        html.Append("<table><thead><tr>");
        foreach (var cell in table.Header)
        {
            html.Append("<th>").Append(WebUtility.HtmlEncode(cell)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>\n");
        foreach (var row in table.Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                var numeric = cell.Length > 0 && (char.IsDigit(cell[0]) || cell == "-") && !cell.Contains('-', StringComparison.Ordinal) || cell == "-";
                html.Append(numeric ? "<td class=\"n\">" : "<td>").Append(WebUtility.HtmlEncode(cell)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        html.Append("</tbody></table>\n");
    }
}
