namespace Archivist.Build;

/// <summary>Where a build reports: log lines, and steps with (done, total, label) progress.</summary>
public interface IBuildObserver
{
    void Log(string line);

    T Step<T>(string title, Func<Action<int, int, string>, T> work);
}

/// <summary>Reports nothing (tests, benchmarks in process).</summary>
public sealed class SilentObserver : IBuildObserver
{
    public void Log(string line) { }

    public T Step<T>(string title, Func<Action<int, int, string>, T> work) => work((_, _, _) => { });
}
