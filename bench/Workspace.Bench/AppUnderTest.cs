using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Workspace.Bench;

/// <summary>The Release build of the app on a loopback port, Development environment (demo data, development sign-in, /dev/memory).</summary>
public sealed partial class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _databaseFile;

    private AppUnderTest(Process process, string baseUrl, string databaseFile)
    {
        _process = process;
        BaseUrl = baseUrl;
        _databaseFile = databaseFile;
    }

    public string BaseUrl { get; }

    public int ProcessId => _process.Id;

    public static async Task<AppUnderTest> StartAsync(string repoRoot)
    {
        var dll = Path.Combine(repoRoot, "src", "Workspace.Web", "bin", "Release", "net10.0", "Workspace.Web.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing; bench/run.sh builds it.");
        }
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var databaseFile = Path.Combine(Path.GetTempPath(), $"radsrum-bench-{Guid.NewGuid():N}.db");
        var start = new ProcessStartInfo("dotnet", [dll])
        {
            WorkingDirectory = Path.Combine(repoRoot, "src", "Workspace.Web"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_URLS"] = baseUrl;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["Database__SqliteFile"] = databaseFile;
        start.Environment["Database__SeedDemoData"] = "true";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Storage__LocalPath"] = databaseFile + "-files";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { Console.Error.WriteLine("app: " + e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var app = new AppUnderTest(process, baseUrl, databaseFile);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                (await http.GetAsync(baseUrl + "/account/dev-signin")).EnsureSuccessStatusCode();
                return app;
            }
            catch (Exception) when (attempt < 240 && !process.HasExited)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>A cookie container signed in as a demo person through the development sign-in form.</summary>
    public async Task<CookieContainer> SignInAsync(string person)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var html = await http.GetStringAsync("/account/dev-signin");
        var form = FormElement().Matches(html).Select(m => m.Value)
            .First(f => WebUtility.HtmlDecode(Regex.Match(f, "data-person=\"([^\"]*)\"").Groups[1].Value) == person);
        string Input(string name) => WebUtility.HtmlDecode(Regex.Match(form, $"name=\"{Regex.Escape(name)}\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        using var response = await http.PostAsync("/account/dev-signin/submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = Input("personId"),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = Input("__RequestVerificationToken"),
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {person} answered {(int)response.StatusCode}.");
        }
        return cookies;
    }

    /// <summary>The app's SQLite file, for scenarios that seed what they need through the app's DbContext.</summary>
    public string DatabaseFile => _databaseFile;

    /// <summary>Signs in as a person by id (one the scenario seeded), with the sign-in page's antiforgery token.</summary>
    public async Task<CookieContainer> SignInAsync(Guid personId)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        var html = await http.GetStringAsync("/account/dev-signin");
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]*)\"").Groups[1].Value);
        using var response = await http.PostAsync("/account/dev-signin/submit", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["personId"] = personId.ToString(),
            ["returnUrl"] = "/",
            ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {personId} answered {(int)response.StatusCode}.");
        }
        return cookies;
    }

    public HttpClient Client(CookieContainer cookies) =>
        new(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = new Uri(BaseUrl) };

    public async Task<MemoryReading> MemoryAsync(bool collect)
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        return (await http.GetFromJsonAsync<MemoryReading>($"/dev/memory?collect={(collect ? "true" : "false")}"))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        foreach (var file in new[] { _databaseFile, _databaseFile + "-wal", _databaseFile + "-shm" })
        {
            File.Delete(file);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("""<form\b.*?</form>""", RegexOptions.Singleline)]
    private static partial Regex FormElement();
}

public sealed record MemoryReading(long GcHeapBytes, long WorkingSetBytes, long CpuMilliseconds, int Circuits,
    double GcPauseMilliseconds, int Gen0Collections, int Gen1Collections, int Gen2Collections, int ThreadPoolThreads, long DbCommands);
