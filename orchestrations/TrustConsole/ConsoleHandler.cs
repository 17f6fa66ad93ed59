using System.Text.Json;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// The trust console: one page and its script and style, embedded in this assembly (nothing is fetched from elsewhere,
/// at build or run time), who is signed in, and the signed-in approver's answers. GETs change nothing. An answer is a
/// JSON POST that must carry the <c>X-AgentTrust-Console</c> header: a cross-site form cannot send JSON with a custom
/// header, and a cross-site script cannot either without a CORS preflight this API never grants; a browser's
/// <c>Sec-Fetch-Site</c> and <c>Origin</c>, when present, must also say same origin. The signed-in person must belong to
/// one of the groups the action has asked (<see cref="ApproverGroupCheck"/>); anyone else gets a 403 problem, nothing
/// changes, and the refusal is signed <c>approval-refusal</c> evidence.
/// </summary>
public sealed class ConsoleHandler(ConsoleSignIn signIn, IOptions<ApiOptions> apiOptions, IOptions<ApprovalOptions> approvalOptions, IServiceProvider services)
{
    public const string CsrfHeader = "X-AgentTrust-Console";
    const string ResourcePrefix = "AgentTrust.Console.";

    static readonly Dictionary<string, string> ContentTypes = new(StringComparer.Ordinal)
    {
        ["console.js"] = "text/javascript; charset=utf-8",
        ["console.css"] = "text/css; charset=utf-8",
        ["verify.js"] = "text/javascript; charset=utf-8",
        ["charts.js"] = "text/javascript; charset=utf-8",
    };

    /// <summary><c>GET /api/console</c>: the page.</summary>
    public Task<ApiResponse> ShowAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Task.FromResult(Asset("console.html", "text/html; charset=utf-8") ?? Problems.NotFound(request, "The console is not in this build."));
    }

    /// <summary><c>GET /api/console/assets/{asset}</c>: the page's script and style.</summary>
    public Task<ApiResponse> AssetAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var name = request.RouteValue("asset") ?? string.Empty;
        var response = ContentTypes.TryGetValue(name, out var type) ? Asset(name, type) : null;
        return Task.FromResult(response ?? Problems.NotFound(request, $"There is no console asset '{name}'."));
    }

    /// <summary><c>GET /api/console/session</c>: who is signed in, and whether they may answer approvals here.</summary>
    public Task<ApiResponse> SessionAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var user = signIn.Resolve(request);
        return Task.FromResult(ApiResponse.Json(200, new { approver = user.Name, signedIn = user.SignedIn, source = user.Source, csrfHeader = CsrfHeader }) with
        {
            Headers = new Dictionary<string, string> { ["Cache-Control"] = "no-store" },
        });
    }

    /// <summary><c>POST /api/console/approvals/{id}</c>: <c>{"approved": true|false, "comment": "..."}</c> as the signed-in approver.</summary>
    public async Task<ApiResponse> DecideAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (request.Header(CsrfHeader) != "1"
            || request.Header("Sec-Fetch-Site") is { } site && site is not ("same-origin" or "none")
            || request.Header("Origin") is { } origin && !SameOrigin(origin, request.Url))
        {
            return Problems.Create(request, 403, "cross-site-request", "Not sent by the console", $"Answers must come from the console page itself (a same-origin JSON request with the {CsrfHeader} header).");
        }

        if (JsonRequests.Refuse(request, apiOptions.Value.MaxBodyBytes) is { } refused)
        {
            return refused;
        }

        var user = signIn.Resolve(request);
        if (!user.SignedIn)
        {
            return Problems.Create(request, 401, "sign-in-required", "Sign in to answer approvals", "Nobody is signed in: on Azure sign in through App Service Authentication; locally set AgentTrust:Console:DevelopmentApprover.");
        }

        var id = request.RouteValue("id");
        if (!ActionIds.LooksValid(id))
        {
            return Problems.NotFound(request, $"There is no action '{id}'.");
        }

        var (answer, errors) = Read(request.Body);
        if (answer is null)
        {
            return Problems.Validation(request, "The answer has errors; nothing was recorded.", errors);
        }

        // Only a waiting action has approver groups to check; anything else is left to DecideAsync (404, 409).
        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var progress = metadata is { IsRunning: true, SerializedCustomStatus: not null } ? metadata.ReadCustomStatusAs<ActionProgress>() : null;
        if (progress?.AwaitsHuman == true && ApproverGroupCheck.MemberOf(user, progress.ApproverGroups, approvalOptions.Value.Groups) is null)
        {
            return await RefuseNonMemberAsync(request, id!, user, progress.ApproverGroups ?? [], metadata!, cancellationToken).ConfigureAwait(false);
        }

        return await SubmitApprovalHandler.DecideAsync(request, id!, new ApprovalDecision(answer.Value.Approved, user.Name!, answer.Value.Comment), client, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A signed-in person outside the asked groups: recorded as signed evidence, answered with a 403 problem.</summary>
    async Task<ApiResponse> RefuseNonMemberAsync(
        ApiRequest request, string id, ConsoleUser user, IReadOnlyList<string> asked, OrchestrationMetadata metadata, CancellationToken cancellationToken)
    {
        Telemetry.AgentTrustTelemetry.ApprovalTokensRefused.Add(1, new KeyValuePair<string, object?>("reason", "NotAnApprover"));
        if (services.GetService<Evidence.IEvidenceStore>() is { } evidence)
        {
            var action = metadata.SerializedInput is null ? null : metadata.ReadInputAs<GovernActionInput>()?.Action;
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var draft = ApprovalRefusalEvidence.Draft(
                id, "not-an-approver", tokenId: null, user.Name, 403, time.GetUtcNow(), Guid.NewGuid().ToString("N"),
                action, action is null ? null : GovernAgentActionOrchestrator.ActionDigestOf(action), asked);
            await evidence.AppendAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        return Problems.Create(
            request, 403, "not-an-approver", "You are not an approver of this action",
            $"'{user.Name}' is not in any group asked to approve action '{id}' ({string.Join(", ", asked)}). Nothing was recorded as your answer.");
    }

    static bool SameOrigin(string origin, Uri url) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var o)
        && string.Equals(o.Scheme, url.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(o.Host, url.Host, StringComparison.OrdinalIgnoreCase)
        && o.Port == url.Port;

    static ((bool Approved, string? Comment)? Answer, IReadOnlyList<FieldError> Errors) Read(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 4 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, [new FieldError("$", "the body must be a JSON object")]);
            }

            var errors = new List<FieldError>();
            foreach (var property in root.EnumerateObject())
            {
                if (property.Name is not ("approved" or "comment"))
                {
                    // The approver is whoever is signed in; a body naming someone else is refused, not ignored.
                    errors.Add(new FieldError(property.Name, "is not a known field"));
                }
            }

            bool? approved = root.TryGetProperty("approved", out var a) && a.ValueKind is JsonValueKind.True or JsonValueKind.False ? a.GetBoolean() : null;
            if (approved is null)
            {
                errors.Add(new FieldError("approved", "is required: true or false"));
            }

            string? comment = null;
            if (root.TryGetProperty("comment", out var c) && c.ValueKind != JsonValueKind.Null)
            {
                comment = c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                if (comment is null || comment.Length > 2000)
                {
                    errors.Add(new FieldError("comment", "must be a string of at most 2000 characters"));
                }
            }

            return errors.Count > 0 ? (null, errors) : ((approved!.Value, string.IsNullOrWhiteSpace(comment) ? null : comment), []);
        }
        catch (JsonException ex)
        {
            return (null, [new FieldError(ex.Path ?? "$", $"not valid JSON (line {ex.LineNumber + 1})")]);
        }
    }

    static ApiResponse? Asset(string name, string contentType)
    {
        using var stream = typeof(ConsoleHandler).Assembly.GetManifestResourceStream(ResourcePrefix + name);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return new ApiResponse(200, contentType, buffer.ToArray(), new Dictionary<string, string>
        {
            // Revalidated on every load, so a new build's console is used at once.
            ["Cache-Control"] = "no-cache",
            ["X-Content-Type-Options"] = "nosniff",
            ["Referrer-Policy"] = "no-referrer",
            ["X-Frame-Options"] = "DENY",
            // Only this origin's script, style and JSON: no inline script, nothing from elsewhere.
            ["Content-Security-Policy"] = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
        });
    }
}
