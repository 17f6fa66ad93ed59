using System.Globalization;
using System.Text.Json;
using AgentTrust.Domain.Decisions;
using AgentTrust.Domain.Evidence;
using AgentTrust.Domain.Hashing;
using AgentTrust.Orchestrations.Api;
using AgentTrust.Orchestrations.Storage;
using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;

namespace AgentTrust.Orchestrations.TrustConsole;

/// <summary>
/// The console's projection of decisions, written as evidence is recorded, so the console pages through 100,000
/// decisions by key ranges instead of querying every workflow. Three kinds of row in one table:
/// <list type="bullet">
/// <item><c>d{inverted day}</c> / <c>{inverted ticks}|{id}</c>: every decision, newest first across partitions (table
/// queries return partitions, then rows, in key order), one partition per day.</item>
/// <item><c>pending</c> / <c>{ticks}|{id}</c>: actions waiting for a person, oldest first; removed when answered.</item>
/// <item><c>action</c> / <c>{id}</c>: where an action's rows are, so the answer finds them.</item>
/// </list>
/// Every write goes to a deterministic key, and nothing projected again (a retried or redelivered activity, even after
/// the answer) undoes a later state: decisions are added, never replaced, and escalation never overwrites an answer.
/// </summary>
public sealed class TableActionFeed : Evidence.IEvidenceProjection
{
    const string PendingPartition = "pending";
    const string ActionPartition = "action";
    readonly TableClient table;
    readonly Lazy<Task> ensureTable;

    public TableActionFeed(StorageClients clients, IOptions<ConsoleOptions> options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        table = clients.Tables.GetTableClient(options.Value.ActionFeedTableName);
        ensureTable = new Lazy<Task>(() => table.CreateIfNotExistsAsync());
    }

    /// <summary>Projects one evidence record: decisions add a row, notices mark escalation, answers settle the row.</summary>
    public async Task ProjectAsync(EvidenceDraft draft, EvidenceReceipt receipt, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(receipt);
        switch (draft.Kind)
        {
            case EvidenceKinds.Decision:
                await ensureTable.Value.ConfigureAwait(false);
                await RecordDecisionAsync(draft, receipt, cancellationToken).ConfigureAwait(false);
                break;
            case EvidenceKinds.Notification when Record(draft).TryGetProperty("rung", out var rung) && rung.TryGetInt32(out var r) && r > 0:
                await ensureTable.Value.ConfigureAwait(false);
                await EscalateAsync(draft.ActionId, cancellationToken).ConfigureAwait(false);
                break;
            case EvidenceKinds.Approval:
                await ensureTable.Value.ConfigureAwait(false);
                var answer = Record(draft).Deserialize<ApprovalRecord>(JsonDefaults.Options)
                    ?? throw new InvalidDataException($"Approval record {receipt.Location} is empty.");
                await SettleAsync(
                    draft.ActionId,
                    new TableEntity
                    {
                        ["Status"] = ActionViews.Name(answer.Outcome),
                        ["Approver"] = answer.Approver,
                        ["Comment"] = answer.Comment,
                        ["AnsweredAt"] = answer.DecidedAt,
                    },
                    cancellationToken).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>Decisions newest first, or (<paramref name="pendingOnly"/>) the actions waiting for a person, oldest first.</summary>
    public async Task<ActionFeedPage> PageAsync(bool pendingOnly, string? status, int pageSize, string? continuationToken, CancellationToken cancellationToken = default)
    {
        await ensureTable.Value.ConfigureAwait(false);
        var filter = pendingOnly
            ? TableClient.CreateQueryFilter($"PartitionKey eq {PendingPartition}")
            : TableClient.CreateQueryFilter($"PartitionKey ge {"d"} and PartitionKey lt {"e"}");
        if (status is not null)
        {
            filter += " and " + TableClient.CreateQueryFilter($"Status eq {status}");
        }

        await foreach (var page in table.QueryAsync<TableEntity>(filter, maxPerPage: pageSize, cancellationToken: cancellationToken)
            .AsPages(continuationToken, pageSize).ConfigureAwait(false))
        {
            // One storage page is one console page: a filtered page may hold fewer rows (even none) and a next token.
            return new ActionFeedPage([.. page.Values.Select(Parse)], page.ContinuationToken);
        }

        return new ActionFeedPage([], null);
    }

    async Task RecordDecisionAsync(EvidenceDraft draft, EvidenceReceipt receipt, CancellationToken cancellationToken)
    {
        var decision = Record(draft).Deserialize<Decision>(JsonDefaults.Options)
            ?? throw new InvalidDataException($"Decision record {receipt.Location} is empty.");
        var status = decision.Kind switch
        {
            DecisionKind.AutoApply => ActionStatus.Applied,
            DecisionKind.Shadow => ActionStatus.Shadowed,
            DecisionKind.Block => ActionStatus.Blocked,
            _ => ActionStatus.AwaitingApproval,
        };
        var at = draft.OccurredAt.ToUniversalTime();
        var feedPartition = "d" + (99_999_999 - int.Parse(at.ToString("yyyyMMdd", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture)).ToString("D8", CultureInfo.InvariantCulture);
        var feedRow = (DateTimeOffset.MaxValue.UtcTicks - at.UtcTicks).ToString("D19", CultureInfo.InvariantCulture) + "|" + draft.ActionId;
        var pendingRow = status == ActionStatus.AwaitingApproval ? at.UtcTicks.ToString("D19", CultureInfo.InvariantCulture) + "|" + draft.ActionId : null;
        var entity = new TableEntity(feedPartition, feedRow)
        {
            ["Id"] = draft.ActionId,
            ["AgentId"] = draft.AgentId,
            ["Lane"] = draft.Lane,
            ["TicketSystem"] = draft.TicketSystem,
            ["TicketId"] = draft.TicketId,
            ["Status"] = ActionViews.Name(status),
            ["Decision"] = JsonSerializer.Serialize(decision.Kind, JsonDefaults.Options).Trim('"'),
            ["Reasons"] = JsonSerializer.Serialize(decision.Reasons, JsonDefaults.Options),
            ["DecidedAt"] = at,
            ["Evidence"] = receipt.Location,
        };

        // The locator first: an answer that finds it also finds the rows it names (every projection of the decision
        // record that stands writes the same keys).
        await table.UpsertEntityAsync(
            new TableEntity(ActionPartition, draft.ActionId) { ["FeedPartition"] = feedPartition, ["FeedRow"] = feedRow, ["PendingRow"] = pendingRow },
            TableUpdateMode.Replace,
            cancellationToken).ConfigureAwait(false);
        // Added, never replaced: the decision can be projected again after the answer (a redelivered activity message),
        // and must not turn an answered action back into a waiting one.
        await AddIfAbsentAsync(entity, cancellationToken).ConfigureAwait(false);
        if (pendingRow is not null)
        {
            await AddIfAbsentAsync(new TableEntity(entity) { PartitionKey = PendingPartition, RowKey = pendingRow }, cancellationToken).ConfigureAwait(false);
            // An answer settles the feed row before it removes the pending one, so looking after adding never leaves an
            // answered action in the queue, whichever ran first.
            var row = await table.GetEntityIfExistsAsync<TableEntity>(feedPartition, feedRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (row.HasValue && row.Value is { } settled && IsSettled(settled))
            {
                await table.DeleteEntityAsync(PendingPartition, pendingRow, ETag.All, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    async Task AddIfAbsentAsync(TableEntity entity, CancellationToken cancellationToken)
    {
        try
        {
            await table.AddEntityAsync(entity, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Projected before: what is there is this record's row, possibly settled since.
        }
    }

    /// <summary>Answered (or expired): no notice or decision projected again changes it.</summary>
    static bool IsSettled(TableEntity feedRow) =>
        feedRow.GetString("Status") is { } status
        && status != ActionViews.Name(ActionStatus.AwaitingApproval) && status != ActionViews.Name(ActionStatus.Escalated);

    /// <summary>Marks a waiting action escalated, unless it was answered meanwhile (a notice retried after the answer).</summary>
    async Task EscalateAsync(string actionId, CancellationToken cancellationToken)
    {
        var locator = await table.GetEntityIfExistsAsync<TableEntity>(ActionPartition, actionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!locator.HasValue || locator.Value is not { } rows)
        {
            return;
        }

        var changes = new TableEntity { ["Status"] = ActionViews.Name(ActionStatus.Escalated) };
        var (feedPartition, feedRow) = (rows.GetString("FeedPartition"), rows.GetString("FeedRow"));
        while (true)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(feedPartition, feedRow, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (!row.HasValue || row.Value is not { } current || IsSettled(current))
            {
                return;
            }

            try
            {
                // Under the row's ETag: an answer merged in between is never overwritten.
                await table.UpdateEntityAsync(new TableEntity(changes) { PartitionKey = feedPartition, RowKey = feedRow }, current.ETag, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }

        if (rows.GetString("PendingRow") is { Length: > 0 } pendingRow)
        {
            try
            {
                await table.UpdateEntityAsync(new TableEntity(changes) { PartitionKey = PendingPartition, RowKey = pendingRow }, ETag.All, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Answered meanwhile: it stays answered.
            }
        }
    }

    /// <summary>Settles an action with a person's answer: the feed row first, then the pending row goes.</summary>
    async Task SettleAsync(string actionId, TableEntity changes, CancellationToken cancellationToken)
    {
        var locator = await table.GetEntityIfExistsAsync<TableEntity>(ActionPartition, actionId, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (!locator.HasValue || locator.Value is not { } rows)
        {
            // Recorded before the console existed: nothing to settle.
            return;
        }

        var feed = new TableEntity(changes) { PartitionKey = rows.GetString("FeedPartition"), RowKey = rows.GetString("FeedRow") };
        await table.UpsertEntityAsync(feed, TableUpdateMode.Merge, cancellationToken).ConfigureAwait(false);
        if (rows.GetString("PendingRow") is { Length: > 0 } pendingRow)
        {
            await table.DeleteEntityAsync(PendingPartition, pendingRow, ETag.All, cancellationToken).ConfigureAwait(false);
        }
    }

    static JsonElement Record(EvidenceDraft draft) =>
        draft.Payload.ValueKind == JsonValueKind.Object && draft.Payload.TryGetProperty("record", out var record) ? record : draft.Payload;

    static ActionFeedEntry Parse(TableEntity e) => new(
        e.GetString("Id") ?? string.Empty,
        e.GetString("AgentId") ?? string.Empty,
        e.GetString("Lane") ?? string.Empty,
        e.GetString("TicketSystem") ?? string.Empty,
        e.GetString("TicketId") ?? string.Empty,
        e.GetString("Status") ?? string.Empty,
        e.GetString("Decision") ?? string.Empty,
        JsonSerializer.Deserialize<string[]>(e.GetString("Reasons") ?? "[]", JsonDefaults.Options) ?? [],
        e.GetDateTimeOffset("DecidedAt") ?? default,
        e.GetString("Approver"),
        e.GetString("Comment"),
        e.GetDateTimeOffset("AnsweredAt"),
        e.GetString("Evidence"));
}
