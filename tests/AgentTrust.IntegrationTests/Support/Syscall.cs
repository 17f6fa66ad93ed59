using System.Runtime.InteropServices;

namespace AgentTrust.IntegrationTests.Support;

/// <summary>POSIX kill(2), to send SIGTERM (Process.Kill only sends SIGKILL).</summary>
internal static partial class Syscall
{
    public const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static partial int Kill(int pid, int signal);
}
