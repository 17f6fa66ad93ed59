using System.Diagnostics;
using System.Globalization;

namespace AgentTrust.Cli.Bench;

/// <summary>
/// Reads CPU time from Linux's <c>/proc</c> (this process, an optional Azurite process, the machine) at the start and
/// end of an interval. Where <c>/proc</c> is missing the machine and Azurite figures are absent, never guessed.
/// </summary>
public sealed class CpuMeter(int? azuritePid)
{
    const double TicksPerSecond = 100; // USER_HZ on Linux

    long started;
    TimeSpan ownStart;
    double? azuriteStart;
    (double Busy, double Total)? machineStart;

    public void Start()
    {
        started = Stopwatch.GetTimestamp();
        ownStart = Process.GetCurrentProcess().TotalProcessorTime;
        azuriteStart = ProcessSeconds(azuritePid);
        machineStart = Machine();
    }

    public CpuSample Stop()
    {
        var wall = Stopwatch.GetElapsedTime(started).TotalSeconds;
        var own = (Process.GetCurrentProcess().TotalProcessorTime - ownStart).TotalSeconds / wall * 100;
        double? azurite = ProcessSeconds(azuritePid) is { } end && azuriteStart is { } begin ? (end - begin) / wall * 100 : null;
        var machine = Machine() is { } m && machineStart is { } s && m.Total > s.Total ? (m.Busy - s.Busy) / (m.Total - s.Total) * 100 * Environment.ProcessorCount : double.NaN;
        var load = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
        return new CpuSample(own, azurite, machine, Environment.ProcessorCount, load);
    }

    static double? ProcessSeconds(int? pid)
    {
        var path = $"/proc/{pid}/stat";
        if (pid is null || !File.Exists(path))
        {
            return null;
        }

        // Fields after the command name (which may hold spaces, so split after its closing parenthesis): utime is 14th, stime 15th.
        var text = File.ReadAllText(path);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    static (double Busy, double Total)? Machine()
    {
        if (!File.Exists("/proc/stat"))
        {
            return null;
        }

        var cpu = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        var idle = cpu[3] + (cpu.Length > 4 ? cpu[4] : 0);
        var total = cpu.Take(8).Sum();
        return (total - idle, total);
    }
}
