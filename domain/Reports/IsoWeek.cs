using System.Globalization;
using System.Text.RegularExpressions;

namespace AgentTrust.Domain.Reports;

/// <summary>An ISO-8601 week (<c>2026-W47</c>): Monday 00:00 UTC to the next Monday, the period of a weekly report.</summary>
public sealed partial record IsoWeek(int Year, int Week)
{
    public DateTimeOffset Start => new(ISOWeek.ToDateTime(Year, Week, DayOfWeek.Monday), TimeSpan.Zero);

    /// <summary>Exclusive: the next Monday 00:00 UTC.</summary>
    public DateTimeOffset End => Start.AddDays(7);

    public static IsoWeek Of(DateTimeOffset instant)
    {
        var day = instant.UtcDateTime;
        return new IsoWeek(ISOWeek.GetYear(day), ISOWeek.GetWeekOfYear(day));
    }

    /// <summary>Parses <c>yyyy-Www</c>; false for anything else, or a week the year does not have.</summary>
    public static bool TryParse(string? text, out IsoWeek week)
    {
        week = new IsoWeek(1, 1);
        var match = text is null ? null : Pattern().Match(text);
        if (match is null || !match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var number = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        if (year < 1 || year > 9998 || number < 1 || number > ISOWeek.GetWeeksInYear(year))
        {
            return false;
        }

        week = new IsoWeek(year, number);
        return true;
    }

    public IsoWeek AddWeeks(int weeks) => Of(Start.AddDays(7 * weeks));

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-W{Week:D2}");

    [GeneratedRegex(@"^(\d{4})-W(\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
