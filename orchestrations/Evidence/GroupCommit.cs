namespace AgentTrust.Orchestrations.Evidence;

/// <summary>
/// Group commit per key (an agent's batch blobs, an agent's log): items queued for one key are committed together, up
/// to <c>maxBatch</c> at a time and in arrival order, by at most one flusher per key, which runs while items keep
/// arriving and ends when the key's queue is empty. So a burst of writers costs one storage round trip per batch
/// instead of one per item. A commit that throws fails every item of its batch, and only those: callers wait on their
/// items' completions, and the flusher goes on with the next batch.
/// </summary>
/// <param name="maxBatch">The most items one commit takes.</param>
/// <param name="commit">Commits one batch of one key and completes its items.</param>
/// <param name="fail">Fails one item of a batch whose commit threw.</param>
internal sealed class GroupCommit<TItem>(int maxBatch, Func<string, List<TItem>, Task> commit, Action<TItem, Exception> fail)
{
    readonly Dictionary<string, Queue> queues = new(StringComparer.Ordinal);

    /// <summary>Queues the items for <paramref name="key"/>, starting its flusher when none runs.</summary>
    public void Enqueue(string key, IEnumerable<TItem> items)
    {
        bool startFlusher;
        Queue queue;
        lock (queues)
        {
            if (!queues.TryGetValue(key, out queue!))
            {
                queue = new Queue();
                queues[key] = queue;
            }

            queue.Items.AddRange(items);
            startFlusher = !queue.Flushing;
            queue.Flushing = true;
        }

        if (startFlusher)
        {
            _ = Task.Run(() => FlushAsync(key, queue), CancellationToken.None);
        }
    }

    async Task FlushAsync(string key, Queue queue)
    {
        while (true)
        {
            List<TItem> batch;
            lock (queues)
            {
                if (queue.Items.Count == 0)
                {
                    queue.Flushing = false;
                    queues.Remove(key);
                    return;
                }

                var take = Math.Min(maxBatch, queue.Items.Count);
                batch = queue.Items.GetRange(0, take);
                queue.Items.RemoveRange(0, take);
            }

            try
            {
                await commit(key, batch).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // The failure belongs to the callers waiting on these items, not to this loop.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                foreach (var item in batch)
                {
                    fail(item, ex);
                }
            }
        }
    }

    sealed class Queue
    {
        public List<TItem> Items { get; } = [];

        public bool Flushing { get; set; }
    }
}
