using System.Diagnostics;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>
/// Runs the built app (Workspace.Web.dll) as a child process on a free loopback port with its own SQLite file,
/// the way it runs for real, so that a browser can drive it.
/// </summary>
public sealed class AppHost : IAsyncDisposable
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(150);

    private readonly Process _process;
    private readonly ProcessOutput _output;
    private readonly string _databaseFile;

    /// <summary>The app's SQLite file; a second node started with <c>Database__SqliteFile</c> set to it shares the data.</summary>
    public string DatabaseFile => _databaseFile;

    private AppHost(Process process, ProcessOutput output, string baseUrl, string databaseFile)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
        _databaseFile = databaseFile;
    }

    /// <summary>The app's root, e.g. <c>http://127.0.0.1:41234</c> (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Everything the app has written to stdout and stderr so far.</summary>
    public string Output => _output.ToString();

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts the app and waits until it answers HTTP. <paramref name="environmentVariables"/> are added to (and
    /// override) the defaults, e.g. <c>AzureAd__ClientId</c>; a null value removes a variable.
    /// </summary>
    public static async Task<AppHost> StartAsync(
        IReadOnlyDictionary<string, string?>? environmentVariables = null,
        string environment = "Development",
        CancellationToken cancellationToken = default)
    {
        var port = FreePort.Next();
        var baseUrl = $"http://127.0.0.1:{port}";
        var databaseFile = NewDatabaseFile();
        var (process, output) = Launch(baseUrl, databaseFile, environment, environmentVariables);
        var host = new AppHost(process, output, baseUrl, databaseFile);
        try
        {
            await host.WaitUntilAnsweringAsync(cancellationToken);
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Starts the app and waits for it to exit by itself (e.g. because its configuration is refused).
    /// Fails if it is still running after <paramref name="timeout"/> (default 60 s).
    /// </summary>
    public static async Task<AppExit> RunUntilExitAsync(
        IReadOnlyDictionary<string, string?>? environmentVariables = null,
        string environment = "Development",
        TimeSpan? timeout = null,
        CancellationToken cancellationToken = default)
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var databaseFile = NewDatabaseFile();
        var (process, output) = Launch(baseUrl, databaseFile, environment, environmentVariables);
        await using var host = new AppHost(process, output, baseUrl, databaseFile);
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout ?? StartupTimeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new InvalidOperationException(
                $"The app was expected to exit by itself but still runs after {timeout ?? StartupTimeout}. Output:\n{output}");
        }
        return new AppExit(process.ExitCode, output.ToString());
    }

    /// <summary>Kills the app (and any child it started) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            _process.Dispose();
            DeleteDatabase();
        }
    }

    private static (Process Process, ProcessOutput Output) Launch(
        string baseUrl,
        string databaseFile,
        string environment,
        IReadOnlyDictionary<string, string?>? environmentVariables)
    {
        if (!File.Exists(AppPaths.WebDll))
        {
            throw new InvalidOperationException(
                $"The app is not built: {AppPaths.WebDll} is missing. Build the test project (it builds the app first) in the same configuration.");
        }

        // The content root is the project folder, and the Development environment makes the app read the static web
        // assets manifest next to its dll, so CSS and scripts are served from their source and package locations.
        var startInfo = new ProcessStartInfo(DotnetExecutable(), [AppPaths.WebDll])
        {
            WorkingDirectory = AppPaths.WebProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var variables = startInfo.Environment;
        // Settings of the machine running the tests must not leak into the app under test.
        foreach (var key in variables.Keys.Where(IsAppSetting).ToList())
        {
            variables.Remove(key);
        }
        variables["ASPNETCORE_URLS"] = baseUrl;
        variables["ASPNETCORE_ENVIRONMENT"] = environment;
        variables["ASPNETCORE_CONTENTROOT"] = AppPaths.WebProjectDirectory;
        variables["Database__Provider"] = "Sqlite";
        variables["Database__SqliteFile"] = databaseFile;
        variables["Database__SeedDemoData"] = "true";
        variables["Storage__LocalPath"] = FilesFolderOf(databaseFile);
        variables["Logging__Console__FormatterName"] = "simple";
        foreach (var (key, value) in environmentVariables ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                variables.Remove(key);
            }
            else
            {
                variables[key] = value;
            }
        }

        var process = new Process { StartInfo = startInfo };
        var output = new ProcessOutput();
        process.Start();
        output.Attach(process);
        return (process, output);
    }

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false })
        {
            Timeout = TimeSpan.FromSeconds(5),
        };
        var deadline = DateTime.UtcNow + StartupTimeout;
        while (true)
        {
            if (_process.HasExited)
            {
                await _process.WaitForExitAsync(cancellationToken);
                throw new InvalidOperationException(
                    $"The app exited with code {_process.ExitCode} before it answered on {BaseUrl}. Output:\n{Output}");
            }
            try
            {
                // Any answer at all (a redirect to sign-in, a 404) means Kestrel is up and the database is ready,
                // because the app migrates and seeds before it starts listening.
                using var response = await client.GetAsync(BaseUrl + "/", cancellationToken);
                return;
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The app did not answer on {BaseUrl} within {StartupTimeout}. Output:\n{Output}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }

    /// <summary>The dotnet host that runs the tests (set by the SDK), else the one on PATH.</summary>
    private static string DotnetExecutable() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath)
            ? hostPath
            : "dotnet";

    private static bool IsAppSetting(string key) =>
        key.StartsWith("AzureAd__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("Storage__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
        || key.Equals("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase);

    private static string NewDatabaseFile()
    {
        var folder = Path.Combine(Path.GetTempPath(), "radsrum-e2e");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, $"{Guid.NewGuid():N}.db");
    }

    /// <summary>Attachments uploaded during the tests go next to the database and are deleted with it.</summary>
    private static string FilesFolderOf(string databaseFile) => Path.ChangeExtension(databaseFile, null) + "-files";

    private void DeleteDatabase()
    {
        try
        {
            if (Directory.Exists(FilesFolderOf(_databaseFile)))
            {
                Directory.Delete(FilesFolderOf(_databaseFile), recursive: true);
            }
        }
        catch (IOException)
        {
            // Like the database file: a leftover is harmless.
        }
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm", _databaseFile + "-journal" })
        {
            try
            {
                File.Delete(file);
            }
            catch (IOException)
            {
                // A leftover temp file is harmless; never fail a test over it.
            }
        }
    }
}
