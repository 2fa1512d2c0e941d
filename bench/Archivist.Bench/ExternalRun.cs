using System.Diagnostics;
using System.Globalization;

namespace Archivist.Bench;

/// <summary>Runs a command under GNU time to get wall-clock seconds and peak resident memory.</summary>
public static class ExternalRun
{
    public sealed record Measured(double Seconds, long PeakBytes, int ExitCode, string StdErr, double CpuSeconds = 0);

    public static Measured Time(string file, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? env = null)
    {
        var timeFile = Path.GetTempFileName();
        var psi = new ProcessStartInfo("/usr/bin/time") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory ?? BenchPaths.Root };
        psi.ArgumentList.Add("-f");
        psi.ArgumentList.Add("%e %M %U %S");
        psi.ArgumentList.Add("-o");
        psi.ArgumentList.Add(timeFile);
        psi.ArgumentList.Add(file);
        foreach (var a in args) psi.ArgumentList.Add(a);
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        var parts = File.ReadAllLines(timeFile).Last().Split(' ');
        File.Delete(timeFile);
        return new Measured(double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture) * 1024, p.ExitCode, stderr.Result + stdout.Result,
            double.Parse(parts[2], CultureInfo.InvariantCulture) + double.Parse(parts[3], CultureInfo.InvariantCulture));
    }

    public static string ArchivistDll => Path.Combine(AppContext.BaseDirectory, "archivist.dll");

    /// <summary>This benchmark runner itself, for bench-only drivers such as `index` run in a separate process.</summary>
    public static string BenchDll => Path.Combine(AppContext.BaseDirectory, "Archivist.Bench.dll");

    public static string Machine()
    {
        var cpu = File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim()
            : null;
        var memKb = File.Exists("/proc/meminfo")
            ? long.Parse(File.ReadLines("/proc/meminfo").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture)
            : 0;
        return $"{Environment.ProcessorCount} cores ({cpu ?? "unknown CPU"}), {memKb / 1024 / 1024} GiB RAM, {Environment.OSVersion}, .NET {Environment.Version}";
    }
}
