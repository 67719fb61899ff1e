using System.Diagnostics;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Workspace.Web.Database;

namespace Workspace.Web.Collaboration;

/// <summary>Counts the open Blazor circuits of this node, for the memory benchmark.</summary>
public sealed class CircuitCounter : CircuitHandler
{
    private static int _open;

    public static int Open => Volatile.Read(ref _open);

    public override Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _open);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        Interlocked.Decrement(ref _open);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Development only: memory figures after a full, compacting garbage collection (bench/ measures circuits with it), and the
/// garbage collector's pauses and the thread pool's state, which explain a latency tail, and the database commands sent so far.
/// </summary>
public static class DiagnosticsEndpoints
{
    public static IEndpointRouteBuilder MapDevelopmentDiagnostics(this IEndpointRouteBuilder app, IWebHostEnvironment environment)
    {
        if (!environment.IsDevelopment())
        {
            return app;
        }
        app.MapGet("/dev/memory", (bool? collect, DbCommandCounter dbCommands) =>
        {
            if (collect != false)
            {
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
                GC.WaitForPendingFinalizers();
                GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            }
            using var process = Process.GetCurrentProcess();
            return Results.Json(new
            {
                gcHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                workingSetBytes = process.WorkingSet64,
                cpuMilliseconds = (long)process.TotalProcessorTime.TotalMilliseconds,
                circuits = CircuitCounter.Open,
                gcPauseMilliseconds = GC.GetTotalPauseDuration().TotalMilliseconds,
                gen0Collections = GC.CollectionCount(0),
                gen1Collections = GC.CollectionCount(1),
                gen2Collections = GC.CollectionCount(2),
                threadPoolThreads = ThreadPool.ThreadCount,
                dbCommands = dbCommands.Count,
            });
        }).AllowAnonymous();
        return app;
    }
}
