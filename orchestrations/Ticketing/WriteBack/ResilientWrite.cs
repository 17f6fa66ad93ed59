using System.Net;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace AgentTrust.Orchestrations.Ticketing.WriteBack;

/// <summary>
/// The check-then-write loop both clients use. The resilience pipeline retries only safe requests (a PATCH whose
/// response was lost may have landed); a failed write is retried here instead, after reading the ticket's marker
/// again, so a write that did land is seen and never applied twice.
/// </summary>
public static class ResilientWrite
{
    public static async Task<(WriteBackStatus Status, int Attempts, string? Detail)> RunAsync(
        int maxAttempts,
        Func<CancellationToken, Task<bool>> alreadyApplied,
        Func<CancellationToken, Task<HttpResponseMessage>> write,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alreadyApplied);
        ArgumentNullException.ThrowIfNull(write);
        string? lastFailure = null;
        var writes = 0;
        for (var attempt = 1; attempt <= Math.Max(1, maxAttempts); attempt++)
        {
            try
            {
                if (await alreadyApplied(cancellationToken).ConfigureAwait(false))
                {
                    return (writes == 0 ? WriteBackStatus.AlreadyApplied : WriteBackStatus.Applied, writes, lastFailure);
                }

                writes++;
                using var response = await write(cancellationToken).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return (WriteBackStatus.Applied, writes, null);
                }

                lastFailure = $"HTTP {(int)response.StatusCode}";
                if (!IsTransient(response.StatusCode))
                {
                    // 400/401/403/404: the ticket system refused the write; repeating it would not help.
                    return (WriteBackStatus.Failed, writes, lastFailure);
                }
            }
            catch (Exception ex) when (IsTransient(ex, cancellationToken))
            {
                lastFailure = ex.GetType().Name;
            }
        }

        return (WriteBackStatus.Failed, writes, lastFailure);
    }

    public static bool IsTransient(HttpStatusCode status) =>
        status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int)status >= 500;

    static bool IsTransient(Exception ex, CancellationToken cancellationToken) =>
        ex is HttpRequestException or TimeoutRejectedException or BrokenCircuitException
        || (ex is TaskCanceledException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        || (ex is TransientHttpException);
}
