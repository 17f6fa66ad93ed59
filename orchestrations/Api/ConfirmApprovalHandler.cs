using System.Net;
using System.Text;
using AgentTrust.Domain.Actions;
using AgentTrust.Domain.Decisions;
using AgentTrust.Orchestrations.Approvals;
using AgentTrust.Orchestrations.Governance;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AgentTrust.Orchestrations.Api;

/// <summary>
/// The approval links: <c>GET /api/approvals/{id}/confirm?token=</c> shows a small confirmation page and changes
/// nothing (so mail scanners and link previews that follow links cannot approve); <c>POST</c> of that page's form
/// raises the decision. The token authenticates: it is signed, expires with the approval deadline, is bound to the
/// action's id and digest and to one approver, and works once. Replayed (409), expired (410), tampered (401), foreign
/// (403) and malformed (400) tokens are refused and recorded in the token ledger and as signed <c>approval-refusal</c>
/// evidence; a browser (Accept: text/html) gets a small page saying why with the same status, other clients a problem.
/// </summary>
public sealed class ConfirmApprovalHandler(IServiceProvider services)
{
    const string FormType = "application/x-www-form-urlencoded";

    public async Task<ApiResponse> ShowAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (claims, refused) = await CheckAsync(request, request.Query("token"), client, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var (action, _) = claims!.Value;
        var verb = action.Claims.Approved ? "Approve" : "Reject";
        var body = $"""
            <h1>{verb} action {E(action.Claims.ActionId)}?</h1>
            <dl>
              <dt>Agent</dt><dd>{E(action.Input.Action.AgentId)}</dd>
              <dt>Lane</dt><dd>{E(action.Input.Action.Lane)}</dd>
              <dt>Ticket</dt><dd>{E(action.Input.Action.Ticket.System)} {E(action.Input.Action.Ticket.Id)}</dd>
              <dt>Action</dt><dd>{E(action.Input.Action.ActionType)}</dd>
              <dt>Why a human</dt><dd>{E(string.Join("; ", action.Progress.Decision?.Reasons ?? []))}</dd>
              <dt>Answering as</dt><dd>{E(action.Claims.Approver)}</dd>
              <dt>Answer by</dt><dd>{E(action.Claims.Expires.ToString("u", System.Globalization.CultureInfo.InvariantCulture))}</dd>
            </dl>
            <form method="post" action="/api/approvals/{E(action.Claims.ActionId)}/confirm">
              <input type="hidden" name="token" value="{E(request.Query("token")!)}">
              <p><label for="comment">Comment (optional)</label><br>
              <textarea id="comment" name="comment" rows="3" cols="60" maxlength="2000"></textarea></p>
              <p><button type="submit" id="confirm">{verb}</button></p>
            </form>
            <p>Nothing has been recorded yet: the decision is made only when you press {verb}.</p>
            """;
        return Page(200, $"{verb} action", body);
    }

    public async Task<ApiResponse> ConfirmAsync(ApiRequest request, DurableTaskClient client, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(client);
        if (request.BodyTooLarge)
        {
            return Problems.TooLarge(request, services.GetRequiredService<Microsoft.Extensions.Options.IOptions<ApiOptions>>().Value.MaxBodyBytes);
        }

        if (request.Header("Content-Type") is not { } type || !type.StartsWith(FormType, StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Create(request, 415, "unsupported-media-type", "Unsupported media type", $"Send the confirmation form as {FormType}.");
        }

        var form = ParseForm(Encoding.UTF8.GetString(request.Body.Span));
        var comment = form.GetValueOrDefault("comment") is { Length: > 0 } c ? c : null;
        if (comment is { Length: > 2000 })
        {
            return Problems.Validation(request, "The comment is too long; nothing was recorded.", [new FieldError("comment", "at most 2000 characters")]);
        }

        var (checkedToken, refused) = await CheckAsync(request, form.GetValueOrDefault("token"), client, cancellationToken).ConfigureAwait(false);
        if (refused is not null)
        {
            return refused;
        }

        var (action, id) = checkedToken!.Value;
        var ledger = services.GetRequiredService<IApprovalTokenLedger>();
        if (!await ledger.TryUseAsync(action.Claims, cancellationToken).ConfigureAwait(false))
        {
            return await RefuseAsync(request, id, ApprovalTokenRefusal.Replayed, action.Claims, client, cancellationToken).ConfigureAwait(false);
        }

        var decision = new ApprovalDecision(action.Claims.Approved, action.Claims.Approver, comment, action.Claims.Nonce);
        await client.RaiseEventAsync(id, ApprovalDecision.EventName, decision, cancellationToken).ConfigureAwait(false);
        Telemetry.AgentTrustTelemetry.ApprovalLatency.Record(
            (DateTimeOffset.UtcNow - (action.Progress.ApprovalRequestedAt ?? DateTimeOffset.UtcNow)).TotalSeconds,
            new KeyValuePair<string, object?>("approved", decision.Approved),
            new KeyValuePair<string, object?>("rung", action.Progress.ApprovalRung ?? 0));
        var verb = decision.Approved ? "approved" : "rejected";
        return Page(200, "Decision recorded", $"""
            <h1>Decision recorded</h1>
            <p role="status" id="result">You {verb} action {E(id)}. The decision is recorded as evidence; this link cannot be used again.</p>
            """);
    }

    sealed record CheckedAction(ApprovalTokenClaims Claims, GovernActionInput Input, ActionProgress Progress);

    /// <summary>Signature and expiry, then the running action: waiting for a human, same id, same content digest.</summary>
    async Task<((CheckedAction Action, string Id)? Checked, ApiResponse? Refused)> CheckAsync(
        ApiRequest request, string? token, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var id = request.RouteValue("id");
        if (!ActionIds.LooksValid(id))
        {
            return (null, Refuse(request, 404, "not-found", "No such action", $"There is no action '{id}'.", "Check that you opened the whole link from the message."));
        }

        var check = services.GetRequiredService<ApprovalTokens>().Check(token);
        if (!check.IsValid)
        {
            return (null, await RefuseAsync(request, id!, check.Refusal!.Value, check.Claims, client, cancellationToken).ConfigureAwait(false));
        }

        var claims = check.Claims!;
        if (!string.Equals(claims.ActionId, id, StringComparison.Ordinal))
        {
            return (null, await RefuseAsync(request, id!, ApprovalTokenRefusal.Foreign, claims, client, cancellationToken).ConfigureAwait(false));
        }

        var metadata = await client.GetInstanceAsync(id!, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        var input = metadata?.SerializedInput is null ? null : metadata.ReadInputAs<GovernActionInput>();
        if (metadata is null || input is null)
        {
            return (null, Refuse(request, 404, "not-found", "No such action", $"There is no action '{id}'.", "Check that you opened the whole link from the message."));
        }

        if (!string.Equals(GovernAgentActionOrchestrator.ActionDigestOf(input.Action), claims.ActionDigest, StringComparison.Ordinal))
        {
            return (null, await RefuseAsync(request, id!, ApprovalTokenRefusal.Foreign, claims, client, cancellationToken).ConfigureAwait(false));
        }

        var progress = metadata.IsRunning && metadata.SerializedCustomStatus is not null ? metadata.ReadCustomStatusAs<ActionProgress>() : null;
        if (progress?.AwaitsHuman != true)
        {
            var view = ActionViews.From(metadata, request.Url);
            return (null, Refuse(
                request, 409, "not-awaiting-approval", "The action is not waiting for approval", $"Action '{id}' is '{view.Status}'.",
                "Someone already answered, or the approval deadline passed; nothing more is needed from you."));
        }

        return ((new CheckedAction(claims, input, progress), id!), null);
    }

    /// <summary>
    /// Records the refusal three ways: the token ledger's table, a counter, and a signed <c>approval-refusal</c> evidence
    /// record (attributed to the link's action when it exists; never the token). Then answers the person: a page when
    /// their browser asked for HTML, a problem otherwise.
    /// </summary>
    async Task<ApiResponse> RefuseAsync(
        ApiRequest request, string id, ApprovalTokenRefusal reason, ApprovalTokenClaims? claims, DurableTaskClient client, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IApprovalTokenLedger>().RecordRefusalAsync(id, reason, claims?.Nonce, cancellationToken).ConfigureAwait(false);
        Telemetry.AgentTrustTelemetry.ApprovalTokensRefused.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
        var (status, kind, title, detail, next) = reason switch
        {
            ApprovalTokenRefusal.Malformed => (400, "approval-token-malformed", "The approval link is not valid", "The link's token is missing or malformed.",
                "Open the link again from the message, without changing it."),
            ApprovalTokenRefusal.Tampered => (401, "approval-token-tampered", "The approval link is not genuine", "The link's signature does not match; it was altered or not issued here.",
                "Use the link from the original message. If you did not change the link, report it to your administrator."),
            ApprovalTokenRefusal.Foreign => (403, "approval-token-foreign", "The approval link is for another action", "The link was issued for another action, or the action has changed since.",
                "Use the link from the message about this action."),
            ApprovalTokenRefusal.Replayed => (409, "approval-token-used", "The approval link was already used", "Each approval link works once.",
                "Your earlier answer stands; nothing more is needed from you."),
            _ => (410, "approval-token-expired", "The approval link has expired", "The approval deadline passed; the action was not applied.",
                "Nothing more is needed from you: without an answer in time, the action was not applied."),
        };
        if (services.GetService<Evidence.IEvidenceStore>() is { } evidence)
        {
            var metadata = await client.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
            var action = metadata?.SerializedInput is null ? null : metadata.ReadInputAs<GovernActionInput>()?.Action;
            var time = services.GetService<TimeProvider>() ?? TimeProvider.System;
            var draft = ApprovalRefusalEvidence.Draft(
                id, reason, claims?.Nonce, claims?.Approver, status, time.GetUtcNow(), Guid.NewGuid().ToString("N"),
                action, action is null ? null : GovernAgentActionOrchestrator.ActionDigestOf(action));
            await evidence.AppendAsync(draft, cancellationToken).ConfigureAwait(false);
        }

        return Refuse(request, status, kind, title, detail, next);
    }

    /// <summary>A refusal as a small page for a person's browser (it asked for <c>text/html</c>), else as an RFC 9457 problem.</summary>
    static ApiResponse Refuse(ApiRequest request, int status, string kind, string title, string detail, string next)
    {
        if (!WantsHtml(request))
        {
            return Problems.Create(request, status, kind, title, detail);
        }

        return Page(status, title, $"""
            <h1>{E(title)}</h1>
            <p role="alert" id="reason">{E(detail)}</p>
            <p>{E(next)}</p>
            <p>Nothing was recorded as your answer.</p>
            """);
    }

    /// <summary>True when the client lists <c>text/html</c> (browsers do on links and form posts; API clients do not).</summary>
    public static bool WantsHtml(ApiRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Header("Accept") is not { } accept)
        {
            return false;
        }

        foreach (var range in accept.Split(','))
        {
            var parameters = range.Split(';');
            var refused = parameters.Skip(1).Any(p => p.Replace(" ", string.Empty, StringComparison.Ordinal) is "q=0" or "q=0.0" or "q=0.00" or "q=0.000");
            if (parameters[0].Trim().Equals("text/html", StringComparison.OrdinalIgnoreCase) && !refused)
            {
                return true;
            }
        }

        return false;
    }

    static Dictionary<string, string> ParseForm(string body)
    {
        var form = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var pair in body.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=', StringComparison.Ordinal);
            var key = WebUtility.UrlDecode(eq < 0 ? pair : pair[..eq]);
            form.TryAdd(key, eq < 0 ? string.Empty : WebUtility.UrlDecode(pair[(eq + 1)..]));
        }

        return form;
    }

    static string E(string value) => WebUtility.HtmlEncode(value);

    /// <summary>
    /// A plain, accessible page (language, title, labelled fields, no script). The token is in the URL, so the page
    /// is never cached, never framed and sends no referrer.
    /// </summary>
    static ApiResponse Page(int status, string title, string body)
    {
        var html = $"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>{E(title)} - AgentTrust</title></head>
            <body><main>
            {body}
            </main></body>
            </html>
            """;
        return ApiResponse.Text(status, "text/html; charset=utf-8", html) with
        {
            Headers = new Dictionary<string, string>
            {
                ["Cache-Control"] = "no-store",
                ["Referrer-Policy"] = "no-referrer",
                ["X-Frame-Options"] = "DENY",
                ["Content-Security-Policy"] = "default-src 'none'; form-action 'self'; frame-ancestors 'none'",
            },
        };
    }
}
