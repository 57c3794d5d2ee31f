using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;
using PartnerHub.App.Persistence;

namespace PartnerHub.Tests.ScaleOut;

/// <summary>
/// A PostgreSQL cluster of the test's own (initdb into a temporary folder, its own port), so that a test can stop and
/// restart the server under running hosts without disturbing the shared test cluster. As root it runs as the
/// postgres system user, which PostgreSQL requires.
/// </summary>
public sealed class ThrowawayPostgres : IAsyncDisposable
{
    private readonly string _folder;
    private readonly string _bin;

    private ThrowawayPostgres(string folder, string bin, int port) => (_folder, _bin, Port) = (folder, bin, port);

    public int Port { get; }

    public DatabaseSettings Database => new(DatabaseProvider.Postgres,
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Timeout=3;Command Timeout=10");

    public static async Task<ThrowawayPostgres> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).Where(Directory.Exists)
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0).Last();
        var folder = Directory.CreateTempSubdirectory("partnerhub-fault-pg.").FullName;
        if (IsRoot) await RunAsync("chown", "postgres", folder);
        var cluster = new ThrowawayPostgres(folder, bin, FreePort());
        await cluster.AsOwnerAsync("initdb", "-D", cluster.Data, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C.UTF-8", "--no-sync");
        await cluster.StartServerAsync();
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    private static bool IsRoot => Environment.UserName == "root";

    /// <summary>
    /// Starts (or restarts) the server and waits until it accepts connections. Durable settings (fsync and synchronous
    /// commit on), unlike the shared test cluster: an immediate stop must not lose what was committed.
    /// </summary>
    public Task StartServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-l", Path.Combine(_folder, "log"), "-w", "-o",
        $"-p {Port} -k {_folder} -c listen_addresses=127.0.0.1", "start");

    /// <summary>Stops the server the hard way (what a crash or a failover looks like to the clients): every session is cut.</summary>
    public Task StopServerAsync() => AsOwnerAsync("pg_ctl", "-D", Data, "-m", "immediate", "-w", "stop");

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        try
        {
            await StopServerAsync();
        }
        catch (InvalidOperationException)
        {
            // already stopped
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task AsOwnerAsync(string tool, params string[] args) =>
        IsRoot ? RunAsync("runuser", ["-u", "postgres", "--", Path.Combine(_bin, tool), .. args]) : RunAsync(Path.Combine(_bin, tool), args);

    private static async Task RunAsync(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}: {await error}{await output}");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
