using Workspace.Web.Features.Access;

namespace Workspace.Web.Features.Attachments;

/// <summary>
/// The upload as the file store reads it: the leading bytes already read for the type check, then the rest of the
/// browser's stream, refused as too large the moment it passes the limit (whatever size the browser announced).
/// </summary>
internal sealed class UploadStream(ReadOnlyMemory<byte> header, Stream rest, long maxBytes) : Stream
{
    private int _headerPosition;

    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => BytesRead;
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        int read;
        if (_headerPosition < header.Length)
        {
            read = Math.Min(buffer.Length, header.Length - _headerPosition);
            header.Slice(_headerPosition, read).CopyTo(buffer);
            _headerPosition += read;
        }
        else
        {
            read = await rest.ReadAsync(buffer, cancellationToken);
        }
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count)
    {
        int read;
        if (_headerPosition < header.Length)
        {
            read = Math.Min(count, header.Length - _headerPosition);
            header.Span.Slice(_headerPosition, read).CopyTo(buffer.AsSpan(offset, read));
            _headerPosition += read;
        }
        else
        {
            read = rest.Read(buffer, offset, count);
        }
        return Count(read);
    }

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > maxBytes)
        {
            throw new InputValidationException([new FieldError(AttachmentService.FileField, AttachmentService.TooLargeKey)]);
        }
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
