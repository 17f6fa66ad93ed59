namespace AgentTrust.Domain.Metrics.Import;

/// <summary>Reads one stream then another: puts back the bytes read to sniff the gzip magic number on a stream that cannot seek.</summary>
internal sealed class ConcatenatedStream(Stream first, Stream second) : Stream
{
    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count)
    {
        var read = first.Read(buffer, offset, count);
        return read > 0 ? read : second.Read(buffer, offset, count);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
