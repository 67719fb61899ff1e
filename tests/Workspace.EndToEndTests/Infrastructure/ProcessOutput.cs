using System.Diagnostics;
using System.Text;

namespace Workspace.EndToEndTests.Infrastructure;

/// <summary>Collects a child process's stdout and stderr, interleaved in arrival order, safely across threads.</summary>
internal sealed class ProcessOutput
{
    private readonly StringBuilder _text = new();
    private readonly Lock _lock = new();

    public void Attach(Process process)
    {
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_lock)
        {
            _text.AppendLine(line);
        }
    }
}
