using System.Globalization;

namespace AgentTrust.Cli.Replay;

/// <summary>
/// The replay's progress on the console: a bar redrawn in place on a terminal, a line every tenth of the way when the
/// output is redirected (logs and tests read whole lines).
/// </summary>
public sealed class ProgressBar(TextWriter output, int total, bool interactive)
{
    const int Width = 30;
    readonly DateTime started = DateTime.UtcNow;
    int lastDecile = -1;

    public void Update(int done, int actions, int outcomes, int humans)
    {
        var fraction = total == 0 ? 1 : (double)done / total;
        var seconds = Math.Max(0.001, (DateTime.UtcNow - started).TotalSeconds);
        var filled = (int)Math.Round(fraction * Width);
        var line = string.Create(CultureInfo.InvariantCulture,
            $"[{new string('#', filled)}{new string('.', Width - filled)}] {fraction,4:P0} {done}/{total} steps | {actions} actions ({actions / seconds:0.0}/s), {humans} to people, {outcomes} outcomes");
        if (interactive)
        {
            output.Write("\r" + line);
            if (done == total)
            {
                output.WriteLine();
            }
        }
        else if ((int)(fraction * 10) is var decile && decile != lastDecile)
        {
            lastDecile = decile;
            output.WriteLine(line);
        }
    }
}
