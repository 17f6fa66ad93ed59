namespace AgentTrust.Orchestrations.Api;

/// <summary>Reads a request body up to a limit, so an oversized body is refused without being held in memory.</summary>
public static class RequestBody
{
    public static async Task<(byte[] Body, bool TooLarge)> ReadAsync(Stream stream, long? declaredLength, int limit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (declaredLength > limit)
        {
            return ([], true);
        }

        var buffer = new byte[Math.Min(limit + 1, (int)(declaredLength ?? 16 * 1024) + 1)];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length)
            {
                if (buffer.Length > limit)
                {
                    return ([], true);
                }

                Array.Resize(ref buffer, Math.Min(limit + 1, buffer.Length * 2));
            }

            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            if (length > limit)
            {
                return ([], true);
            }
        }

        return (buffer.AsSpan(0, length).ToArray(), false);
    }
}
