using System.Net;
using AgentTrust.Functions.Http;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace AgentTrust.Tests.Functions;

public sealed class ApiFunctionsTests
{
    const string ValidAction = """
        {"agentId":"classifier-01","lane":"incident-classification",
         "ticket":{"system":"servicenow","id":"INC0000045"},
         "action":{"type":"classify","fields":{"priority":3,"category":"Category 55"}},
         "confidence":0.93,"idempotencyKey":"evt-1"}
        """;

    static Mock<DurableTaskClient> Client()
    {
        var client = new Mock<DurableTaskClient>("test") { CallBase = true };
        client.Setup(c => c.GetInstancesAsync(It.IsAny<string>(), It.IsAny<bool>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((OrchestrationMetadata?)null);
        client.Setup(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((TaskName _, object? _, StartOrchestrationOptions? options, CancellationToken _) => options!.InstanceId!);
        return client;
    }

    [Fact]
    public async Task ProposeAction_ValidAction_SchedulesGovernedWorkflowWithKeyDerivedId()
    {
        var (context, services) = FunctionsTestContext.Create();
        using var _ = services;
        var client = Client();
        var functions = new ApiFunctions(services.GetRequiredService<AgentTrustApi>());
        var request = new TestHttpRequestData(context.Object, "POST", "https://agenttrust.example/api/actions", ValidAction);

        var response = (TestHttpResponseData)await functions.ProposeAction(request, client.Object);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var expectedId = ActionIds.FromIdempotencyKey("classifier-01", "evt-1");
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(
            new TaskName(nameof(GovernAgentActionOrchestrator)),
            It.Is<object?>(input => ((GovernActionInput)input!).Action.Ticket.Id == "INC0000045"),
            It.Is<StartOrchestrationOptions?>(o => o!.InstanceId == expectedId && o.DedupeStatuses!.Count > 0),
            It.IsAny<CancellationToken>()), Times.Once);
        Assert.Contains(expectedId, response.BodyText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"agentId\":\"a\"}", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("not json", "application/json", HttpStatusCode.BadRequest)]
    [InlineData(ValidAction, "text/plain", HttpStatusCode.UnsupportedMediaType)]
    public async Task ProposeAction_BadRequest_ReturnsProblemAndStartsNothing(string body, string contentType, HttpStatusCode expected)
    {
        var (context, services) = FunctionsTestContext.Create();
        using var _ = services;
        var client = Client();
        var functions = new ApiFunctions(services.GetRequiredService<AgentTrustApi>());
        var request = new TestHttpRequestData(context.Object, "POST", "https://agenttrust.example/api/actions", body, contentType);

        var response = (TestHttpResponseData)await functions.ProposeAction(request, client.Object);

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains("application/problem+json", string.Join(",", response.Headers.GetValues("Content-Type")), StringComparison.Ordinal);
        client.Verify(c => c.ScheduleNewOrchestrationInstanceAsync(It.IsAny<TaskName>(), It.IsAny<object?>(), It.IsAny<StartOrchestrationOptions?>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task ProposeAction_BodyOverLimit_Returns413()
    {
        var (context, services) = FunctionsTestContext.Create();
        using var _ = services;
        var functions = new ApiFunctions(services.GetRequiredService<AgentTrustApi>());
        var huge = "{\"rationale\":\"" + new string('x', 70_000) + "\"}";
        var request = new TestHttpRequestData(context.Object, "POST", "https://agenttrust.example/api/actions", huge);

        var response = (TestHttpResponseData)await functions.ProposeAction(request, Client().Object);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task GetAction_UnknownId_Returns404Problem()
    {
        var (context, services) = FunctionsTestContext.Create();
        using var _ = services;
        var functions = new ApiFunctions(services.GetRequiredService<AgentTrustApi>());
        var id = ActionIds.FromIdempotencyKey("a", "b");
        var request = new TestHttpRequestData(context.Object, "GET", $"https://agenttrust.example/api/actions/{id}", contentType: null);

        var response = (TestHttpResponseData)await functions.GetAction(request, Client().Object, id);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"status\":404", response.BodyText, StringComparison.Ordinal);
    }
}
