using AgentTrust.Domain.Judging;
using AgentTrust.Judges.Classification;
using AgentTrust.Judges.Llm;
using AgentTrust.Judges.Local;
using AgentTrust.Judges.Precedent;
using AgentTrust.Judges.Rules;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AgentTrust.Judges;

/// <summary>Registers the jury's judges as <see cref="IJudge"/> services, which the governed workflow's activities resolve by id.</summary>
public static class JudgeServiceCollectionExtensions
{
    /// <summary>
    /// Local judges (text classifier, precedent, rules) unless disabled, and one LLM judge per configured entry. An LLM
    /// judge uses a keyed <see cref="IChatClient"/> registered under its id when there is one (tests, custom clients),
    /// otherwise one built from its endpoint, model and key variable.
    /// </summary>
    public static IServiceCollection AddAgentTrustJudges(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(JudgesOptions.SectionName);
        services.AddOptions<JudgesOptions>().Bind(section);
        var judges = section.Get<JudgesOptions>() ?? new JudgesOptions();

        services.TryAddSingleton<LocalJudgeModels>();
        services.TryAddSingleton<JudgeResponseCache>();
        services.TryAddSingleton<IJudgeReliabilityStore, InMemoryJudgeReliabilityStore>();
        if (judges.EnableLocalJudges)
        {
            services.AddSingleton<IJudge, TicketClassifierJudge>();
            services.AddSingleton<IJudge, PrecedentJudge>();
            services.AddSingleton<IJudge, RulesJudge>();
        }

        foreach (var llm in judges.Llm)
        {
            if (string.IsNullOrWhiteSpace(llm.Id))
            {
                throw new InvalidOperationException($"every entry of {JudgesOptions.SectionName}:Llm needs an Id");
            }

            services.AddSingleton<IJudge>(sp => new LlmJudge(
                sp.GetKeyedService<IChatClient>(llm.Id) ?? LlmChatClients.Create(llm), llm, sp.GetRequiredService<JudgeResponseCache>()));
        }

        return services;
    }
}
