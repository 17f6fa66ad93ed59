using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Metrics;
using AgentTrust.Domain.Reports;
using ScottPlot;

namespace AgentTrust.Orchestrations.Reports;

/// <summary>
/// Draws a weekly report's charts as PNG with ScottPlot (SkiaSharp, rendered in-process: nothing downloaded, no
/// browser). Every chart is drawn even when it has no data, with a note saying so, so the page layout never moves.
/// </summary>
public static class ReportChartRenderer
{
    const int Width = 900;
    const int Height = 420;

    public static IReadOnlyDictionary<string, byte[]> Render(WeeklyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new Dictionary<string, byte[]>(StringComparer.Ordinal)
        {
            [ReportCharts.TrustConduct] = Trust(report, "Conduct trust", p => p.Conduct),
            [ReportCharts.TrustOutcome] = Trust(report, "Outcome trust", p => p.Outcome),
            [ReportCharts.MetricsMttr] = MetricLines(report, "MTTR (hours)", m => m.MttrHours),
            [ReportCharts.MetricsRates] = Rates(report),
            [ReportCharts.Decisions] = Decisions(report),
            [ReportCharts.ApprovalLatency] = Latency(report),
        };
    }

    static byte[] Trust(WeeklyReport report, string title, Func<TrustPoint, double> value)
    {
        var plot = new Plot();
        foreach (var series in report.Trust)
        {
            var line = plot.Add.Scatter(series.Points.Select(p => p.At.UtcDateTime).ToArray(), series.Points.Select(value).ToArray());
            line.LegendText = $"{series.AgentId} / {series.Lane}";
            line.MarkerSize = 3;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Axes.SetLimitsY(0, 1);
        MarkWeek(plot, report);
        return Finish(plot, $"{title} per agent and lane, {report.TrendStart:yyyy-MM-dd} to {report.Week.End:yyyy-MM-dd}", "score (mean)", report.Trust.Count == 0);
    }

    static byte[] MetricLines(WeeklyReport report, string label, Func<MetricsWeek, double?> value)
    {
        var plot = new Plot();
        var any = false;
        foreach (var handler in Enum.GetValues<WorkHandler>())
        {
            var weeks = report.Metrics.Where(m => m.Handler == handler && value(m) is not null).ToList();
            if (weeks.Count == 0)
            {
                continue;
            }

            any = true;
            var line = plot.Add.Scatter(weeks.Select(w => w.WeekStart.ToDateTime(TimeOnly.MinValue)).ToArray(), weeks.Select(w => value(w)!.Value).ToArray());
            line.LegendText = handler == WorkHandler.Agent ? "agents" : "humans";
        }

        plot.Axes.DateTimeTicksBottom();
        FromZero(plot, report.Metrics.Select(value));
        return Finish(plot, $"{label} per week", label, !any);
    }

    static byte[] Rates(WeeklyReport report)
    {
        var plot = new Plot();
        var any = false;
        foreach (var handler in Enum.GetValues<WorkHandler>())
        {
            foreach (var (name, rate) in new (string, Func<MetricsWeek, double?>)[] { ("reopen rate", m => m.ReopenRate), ("change failure rate", m => m.ChangeFailureRate) })
            {
                var weeks = report.Metrics.Where(m => m.Handler == handler && rate(m) is not null).ToList();
                if (weeks.Count == 0)
                {
                    continue;
                }

                any = true;
                var line = plot.Add.Scatter(weeks.Select(w => w.WeekStart.ToDateTime(TimeOnly.MinValue)).ToArray(), weeks.Select(w => rate(w)!.Value * 100).ToArray());
                line.LegendText = $"{name}, {(handler == WorkHandler.Agent ? "agents" : "humans")}";
            }
        }

        plot.Axes.DateTimeTicksBottom();
        FromZero(plot, report.Metrics.SelectMany(m => new[] { m.ReopenRate * 100, m.ChangeFailureRate * 100 }));
        return Finish(plot, "Reopen and change failure rates per week", "%", !any);
    }

    static byte[] Decisions(WeeklyReport report)
    {
        var plot = new Plot();
        var kinds = Enum.GetValues<DecisionKind>();
        var counts = kinds.Select(k => (double)report.Decisions.Where(d => d.Kind == k).Sum(d => d.Count)).ToArray();
        var bars = plot.Add.Bars(counts);
        foreach (var (bar, i) in bars.Bars.Select((b, i) => (b, i)))
        {
            bar.Label = counts[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        bars.ValueLabelStyle.FontSize = 14;
        plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, kinds.Length).Select(i => (double)i)], [.. kinds.Select(k => ReportText.Kebab(k.ToString()))]);
        plot.Axes.Margins(bottom: 0);
        return Finish(plot, $"Decisions in {report.Week}, by outcome ({report.DecisionTotal} in all)", "decisions", report.DecisionTotal == 0);
    }

    static byte[] Latency(WeeklyReport report)
    {
        var plot = new Plot();
        var answered = report.Approvals.Where(a => a.LatencySeconds is not null).ToList();
        var unit = "minutes";
        var divisor = 60.0;
        if (answered.Count > 0)
        {
            // One unit for the whole chart, picked by the slowest answer, so a one-minute approval is not 0.0.
            var slowest = answered.Max(a => a.LatencySeconds!.Value);
            (unit, divisor) = slowest < 120 ? ("seconds", 1.0) : slowest < 7200 ? ("minutes", 60.0) : ("hours", 3600.0);
            var bars = plot.Add.Bars(answered.Select(a => a.LatencySeconds!.Value / divisor).ToArray());
            plot.Axes.Bottom.SetTicks([.. Enumerable.Range(0, answered.Count).Select(i => (double)i)], [.. Enumerable.Range(1, answered.Count).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
            foreach (var (bar, a) in bars.Bars.Zip(answered))
            {
                bar.FillColor = a.Outcome == ActionStatus.Approved ? Colors.SeaGreen : a.Outcome == ActionStatus.Rejected ? Colors.IndianRed : Colors.SlateGray;
            }

            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "approved", FillColor = Colors.SeaGreen });
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = "rejected", FillColor = Colors.IndianRed });
            plot.Axes.Margins(bottom: 0);
        }

        var p50 = ReportText.Duration(report.LatencyQuantile(0.5));
        var p90 = ReportText.Duration(report.LatencyQuantile(0.9));
        plot.XLabel($"approval (in order answered); {report.Approvals.Count - answered.Count} expired unanswered");
        return Finish(plot, $"Approval latency in {report.Week}: p50 {p50}, p90 {p90}", unit, answered.Count == 0);
    }

    /// <summary>Counts and rates read wrong from a y axis that does not start at zero.</summary>
    static void FromZero(Plot plot, IEnumerable<double?> values)
    {
        var top = values.Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.15);
    }

    static void MarkWeek(Plot plot, WeeklyReport report)
    {
        var span = plot.Add.HorizontalSpan(report.Week.Start.UtcDateTime.ToOADate(), report.Week.End.UtcDateTime.ToOADate());
        span.FillStyle.Color = Colors.SteelBlue.WithAlpha(0.08);
        span.LineStyle.Width = 0;
    }

    static byte[] Finish(Plot plot, string title, string yLabel, bool empty)
    {
        plot.Title(title);
        plot.YLabel(yLabel);
        if (empty)
        {
            var note = plot.Add.Annotation("no data in this period");
            note.LabelFontSize = 16;
        }
        else
        {
            plot.ShowLegend(Alignment.LowerLeft);
        }

        return plot.GetImageBytes(Width, Height, ImageFormat.Png);
    }
}
