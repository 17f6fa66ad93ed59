using AgentTrust.Domain.Judging;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Governance;

/// <summary>
/// Aggregates one clause's verdicts with the judges' reliability as it stands now (read from the store: I/O, hence an
/// activity). The rule itself is the pure <see cref="Jury.Aggregate"/>, and the weights used are kept in the result.
/// </summary>
public sealed class AggregateJuryActivity(IServiceProvider services) : TaskActivity<AggregateJuryRequest, JuryResult>
{
    public override async Task<JuryResult> RunAsync(TaskActivityContext context, AggregateJuryRequest input)
    {
        ArgumentNullException.ThrowIfNull(input);
        // Without a reliability store every judge weighs its unknown prior: the jury still works, just uncalibrated.
        var reliability = services.GetService<IJudgeReliabilityStore>();
        var book = reliability is null ? ReliabilityBook.Empty : await reliability.GetAsync().ConfigureAwait(false);
        return Jury.Aggregate(input.ClauseId, input.Verdicts, book, input.Policy);
    }
}
