using AgentTrust.Functions.Tasks;
using AgentTrust.Orchestrations;
using AgentTrust.Orchestrations.Telemetry;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = FunctionsApplication.CreateBuilder(args);
builder.Services.AddAgentTrustServices(builder.Configuration);
builder.Services.AddAgentTrustTelemetry(builder.Configuration, "agenttrust-functions");
builder.Services.AddSingleton<AgentTrustTaskCatalog>();
builder.Build().Run();
