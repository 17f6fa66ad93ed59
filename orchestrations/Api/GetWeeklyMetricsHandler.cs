using System.Globalization;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Metrics;
using AgentTrust.Orchestrations.Metrics;
using Microsoft.DurableTask.Client;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// <c>GET /api/metrics/weekly[?from=yyyy-MM-dd][&amp;to=yyyy-MM-dd][&amp;lane=L]</c>: the stored weekly ITSM metrics per
/// week, lane, agent and handler. Dates pick the weeks that hold them; the default is the last 12 weeks.
/// </summary>
public sealed class GetWeeklyMetricsHandler(TableWeeklyMetricsStore store, TimeProvider time)
{
    const int DefaultWeeks = 12;

    public async Task<ApiResponse> HandleAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var errors = new List<FieldError>();
        var to = ReadDate(request, "to", errors) ?? ItsmMetricsCalculator.WeekStart(time.GetUtcNow());
        var from = ReadDate(request, "from", errors) ?? to.AddDays(-7 * (DefaultWeeks - 1));
        var lane = request.Query("lane");
        if (lane is not null && !Domain.Lanes.Lanes.IsKnown(lane))
        {
            errors.Add(new FieldError("lane", $"'{lane}' is not a lane"));
        }

        from = Monday(from);
        to = Monday(to);
        if (errors.Count == 0 && from > to)
        {
            errors.Add(new FieldError("from", "must not be after 'to'"));
        }

        if (errors.Count > 0)
        {
            return Problems.Validation(request, "The metrics query is not valid.", errors);
        }

        var rows = await store.ListAsync(from, to, lane, cancellationToken).ConfigureAwait(false);
        return ApiResponse.Json(200, new { from, to, lane, weeks = rows });
    }

    static DateOnly Monday(DateOnly day) => ItsmMetricsCalculator.WeekStart(new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    static DateOnly? ReadDate(ApiRequest request, string name, List<FieldError> errors)
    {
        var text = request.Query(name);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        errors.Add(new FieldError(name, "must be a date, yyyy-MM-dd"));
        return null;
    }
}
