using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Governance;
using AgentTrust.Orchestrations.Outcomes;
using AgentTrust.Orchestrations.Ticketing.Webhooks;
using AgentTrust.Orchestrations.Ticketing.WriteBack;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace AgentTrust.Orchestrations.Ticketing;

/// <summary>
/// Registers the ticketing integrations: webhook intake (authentication, replay store, mapping), the outcome store,
/// and typed ServiceNow and Jira clients behind the standard resilience pipeline (retries with jitter that honour
/// Retry-After, a circuit breaker, per-attempt and total timeouts). A writer is registered only for a system whose
/// <c>BaseUrl</c> is configured.
/// </summary>
public static class TicketingServices
{
    public const string ClientsSection = "AgentTrust:Ticketing";

    public static IServiceCollection AddAgentTrustTicketing(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.SectionName));
        services.AddOptions<OutcomeStoreOptions>().Bind(configuration.GetSection(OutcomeStoreOptions.SectionName));
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.TryAddSingleton<IWebhookLedger, TableWebhookLedger>();
        services.TryAddSingleton<IOutcomeStore, TableOutcomeStore>();
        services.TryAddSingleton<GovernedActionStarter>();
        services.TryAddSingleton<WebhookAuthenticator>();
        services.TryAddSingleton<WebhookIntake>();
        services.TryAddSingleton<ServiceNowWebhookHandler>();
        services.TryAddSingleton<JiraWebhookHandler>();

        AddClient<ServiceNowTicketClient>(services, configuration, ServiceNowTicketClient.OptionsName);
        AddClient<JiraTicketClient>(services, configuration, JiraTicketClient.OptionsName);
        return services;
    }

    static void AddClient<TClient>(IServiceCollection services, IConfiguration configuration, string name)
        where TClient : class, ITicketWriteBack
    {
        var section = configuration.GetSection($"{ClientsSection}:{name}");
        services.AddOptions<TicketingClientOptions>(name).Bind(section);
        var settings = section.Get<TicketingClientOptions>() ?? new TicketingClientOptions();
        if (settings.BaseUrl is null)
        {
            return;
        }

        services.AddHttpClient<TClient>(http =>
            {
                // Relative paths resolve under the base URL only when it ends with a slash.
                var baseUrl = settings.BaseUrl.ToString();
                http.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
                http.Timeout = Timeout.InfiniteTimeSpan; // the pipeline's timeouts govern
                http.DefaultRequestHeaders.Accept.ParseAdd("application/json");
                if (!string.IsNullOrEmpty(settings.BearerToken))
                {
                    http.DefaultRequestHeaders.Authorization = new("Bearer", settings.BearerToken);
                }
                else if (!string.IsNullOrEmpty(settings.UserName))
                {
                    var basic = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{settings.UserName}:{settings.Password}"));
                    http.DefaultRequestHeaders.Authorization = new("Basic", basic);
                }
            })
            // The Authorization header carries the API password or token: never log any header's value.
            .RedactLoggedHeaders(_ => true)
            .AddStandardResilienceHandler(pipeline => Configure(pipeline, settings));
        services.AddTransient<ITicketWriteBack>(sp => sp.GetRequiredService<TClient>());
    }

    static void Configure(HttpStandardResilienceOptions pipeline, TicketingClientOptions settings)
    {
        var attempt = TimeSpan.FromSeconds(settings.AttemptTimeoutSeconds);
        pipeline.AttemptTimeout.Timeout = attempt;
        pipeline.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(Math.Max(settings.TotalTimeoutSeconds, (settings.AttemptTimeoutSeconds * 2) + 1));
        pipeline.Retry.MaxRetryAttempts = Math.Max(1, settings.MaxRetries);
        pipeline.Retry.Delay = TimeSpan.FromSeconds(settings.RetryBaseDelaySeconds);
        pipeline.Retry.BackoffType = DelayBackoffType.Exponential;
        pipeline.Retry.UseJitter = true;
        pipeline.Retry.ShouldRetryAfterHeader = true;
        // A PATCH/PUT/POST whose answer was lost may have landed: the write loop re-reads the marker instead.
        pipeline.Retry.DisableForUnsafeHttpMethods();
        pipeline.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(Math.Max(30, settings.AttemptTimeoutSeconds * 2));
        pipeline.CircuitBreaker.MinimumThroughput = 5;
        pipeline.CircuitBreaker.FailureRatio = 0.5;
        pipeline.CircuitBreaker.BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, settings.BreakSeconds));
    }
}
