using Workspace.Web.Features.Attachments;

namespace Workspace.UnitTests.Attachments;

public sealed class LocalFolderFileStoreTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"radsrum-store-{Guid.NewGuid():N}");
    private readonly LocalFolderFileStore _store;

    public LocalFolderFileStoreTests() => _store = new LocalFolderFileStore(Path.Combine(_root, "files"));

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saved_content_reads_back_and_is_gone_after_delete()
    {
        // Arrange
        var bytes = Enumerable.Range(0, 200_000).Select(i => (byte)(i % 251)).ToArray();

        // Act
        var key = await _store.SaveAsync(new MemoryStream(bytes), Ct);
        byte[] read;
        await using (var stream = await _store.OpenReadAsync(key, Ct))
        {
            Assert.NotNull(stream);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            read = copy.ToArray();
        }
        await _store.DeleteAsync(key, Ct);

        // Assert
        Assert.Equal(bytes, read);
        Assert.Null(await _store.OpenReadAsync(key, Ct));
    }

    [Fact]
    public async Task Key_is_random_and_never_the_file_name()
    {
        // Act
        var first = await _store.SaveAsync(new MemoryStream([1, 2, 3]), Ct);
        var second = await _store.SaveAsync(new MemoryStream([1, 2, 3]), Ct);

        // Assert
        Assert.NotEqual(first, second);
        Assert.Matches("^[0-9a-f]{32}$", first);
        var stored = Directory.GetFiles(_store.Folder).Select(Path.GetFileName).Order(StringComparer.Ordinal);
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), stored);
    }

    [Theory]
    [InlineData("../secret.txt")]
    [InlineData("..")]
    [InlineData("/etc/passwd")]
    [InlineData(@"..\..\web.config")]
    [InlineData("0123456789abcdef0123456789abcdef/../../x")]
    [InlineData("")]
    public async Task Key_that_is_not_the_stores_own_is_refused(string key)
    {
        // Arrange: a file next to the store's folder that a traversal would reach.
        Directory.CreateDirectory(_root);
        await File.WriteAllTextAsync(Path.Combine(_root, "secret.txt"), "hemmeligt", Ct);

        // Act and Assert
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key, Ct));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key, Ct));
        Assert.True(File.Exists(Path.Combine(_root, "secret.txt")));
    }

    [Fact]
    public async Task Failed_save_leaves_no_file_behind()
    {
        // Act
        await Assert.ThrowsAsync<IOException>(() => _store.SaveAsync(new FailingStream(), Ct));

        // Assert
        Assert.Empty(Directory.GetFiles(_store.Folder));
    }

    /// <summary>Gives some bytes, then breaks like a dropped upload.</summary>
    private sealed class FailingStream : MemoryStream
    {
        private int _reads;

        public FailingStream()
            : base(new byte[100_000])
        {
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            ++_reads > 1 ? throw new IOException("The connection was lost.") : base.ReadAsync(buffer, cancellationToken);
    }
}
