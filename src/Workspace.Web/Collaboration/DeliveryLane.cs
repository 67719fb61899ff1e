namespace Workspace.Web.Collaboration;

/// <summary>
/// The changes of one meeting (or hearing), told to its subscribers on the thread pool one change after the other, in the
/// order they came, so that every subscriber is called with them in that order (a page applies them in the order its
/// handler is called). The publisher returns at once.
/// </summary>
/// <remarks>
/// Not on the publisher's thread: a page's handler goes through its circuit's <c>InvokeAsync</c>, and Blazor runs that
/// work at once on the calling thread when the circuit is idle, even past an <c>await Task.Yield()</c>. Told on the
/// publisher's thread, a hundred open pages read and rendered one after the other on the thread of the chair who pressed
/// "next", whose own page waited for all of them. One work item per change tells the subscribers in turn, rather than one
/// work item per subscriber: told all at once, a hundred pages render in the same moment and every one of them is late
/// (decision 011). The publisher's async-locals (its request's activity, its culture) do not flow to the subscribers.
/// </remarks>
internal sealed class DeliveryLane
{
    private readonly Lock _gate = new();
    private Task _told = Task.CompletedTask;

    public void Hand(Action tell)
    {
        var flow = ExecutionContext.IsFlowSuppressed() ? (AsyncFlowControl?)null : ExecutionContext.SuppressFlow();
        try
        {
            lock (_gate)
            {
                // First in, first out: the pool's global queue, not this thread's own.
                _told = _told.ContinueWith(static (_, tell) => ((Action)tell!)(), tell, CancellationToken.None,
                    TaskContinuationOptions.PreferFairness, TaskScheduler.Default);
            }
        }
        finally
        {
            flow?.Undo();
        }
    }
}
