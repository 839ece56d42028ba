package dev.parley.app;

import dev.parley.server.DataFolders;
import dev.parley.server.ParleyServer;
import dev.parley.server.files.FileLimits;
import dev.parley.server.PortInUseException;
import dev.parley.server.ServerAddresses;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/// `parley --headless`: the chat server without a window. Prints the addresses to join, logs
/// joins and leaves, stops cleanly on Ctrl+C / SIGTERM.
@Command(name = "parley", mixinStandardHelpOptions = true, versionProvider = HeadlessCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "Runs a Parley chat server without a window (the desktop app runs without --headless).")
final class HeadlessCommand implements Callable<Integer> {

    @Option(names = "--headless", required = true, description = "Run the server without a window.")
    boolean headless;

    @Option(names = "--port", paramLabel = "PORT", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = ServerConfig.DEFAULT_PORT;

    @Option(names = "--bind", paramLabel = "ADDRESS", description = "Listen on this address only (default: every interface).")
    String bind;

    @Option(names = "--password", paramLabel = "SECRET", description = "Password members must give (default: an open room).")
    String password;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder for history (default: ${DEFAULT-VALUE}).")
    Path data = DataFolders.defaultFolder();

    @Option(names = "--in-memory", description = "Keep history in memory only: nothing is written to disk, and history ends with the server (benchmarks).")
    boolean inMemory;

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", description = "Largest file a member may share (default: 1073741824, 1 GiB).")
    long maxFileBytes = FileLimits.DEFAULTS.maxFileBytes();

    @Option(names = "--max-files-bytes", paramLabel = "BYTES", description = "Space for all shared files together (default: 21474836480, 20 GiB).")
    long maxFilesBytes = FileLimits.DEFAULTS.maxFilesBytes();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Also accept browser pages from this origin (repeatable; * for any).")
    List<String> allowedOrigins = List.of();

    @Option(names = "--room", paramLabel = "ROOM", description = "Room members join first (default: ${DEFAULT-VALUE}).")
    String room = dev.parley.protocol.Names.DEFAULT_ROOM;

    @Option(names = "--name", paramLabel = "NAME", description = "Server name shown to members (default: ${DEFAULT-VALUE}).")
    String serverName = "Parley";

    @Option(names = "--tls", description = "Encrypt (wss:// and https://) with a self-signed certificate kept in the data folder; members compare its fingerprint.")
    boolean tls;

    @Option(names = "--no-announce", negatable = false,
            description = "Do not announce the room on the local network (announced by default, so others see it in their Join list).")
    boolean noAnnounce;

    @Mixin
    LimitOptions limits = new LimitOptions();

    private final PrintStream out;
    private final PrintStream err;

    HeadlessCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = HeadlessCommand.class.getPackage().getImplementationVersion();
            return new String[] {"Parley " + (version == null ? "(development)" : version)};
        }
    }

    /// Parses `args`, runs until stopped, and returns the exit code: 0 fine, 1 could not start,
    /// 2 bad command line.
    static int run(String[] args, PrintStream out, PrintStream err) {
        var line = new CommandLine(new HeadlessCommand(out, err));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        line.setParameterExceptionHandler((problem, ignored) -> {
            err.println(problem.getMessage());
            err.println("Run 'parley --headless --help' for every flag.");
            return CommandLine.ExitCode.USAGE;
        });
        return line.execute(args);
    }

    @Override
    public Integer call() {
        var config = new ServerConfig(bind, port, password, inMemory ? null : data, limits.toLimits(), allowedOrigins, room,
                serverName).withTls(tls);
        if (maxFileBytes < 1 || maxFilesBytes < 1) {
            err.println("--max-file-bytes and --max-files-bytes must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        ParleyServer server;
        try {
            server = ParleyServer.start(config, line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line),
                    new FileLimits(maxFileBytes, maxFilesBytes));
        } catch (PortInUseException taken) {
            err.println("port " + taken.port() + " is in use — choose another with --port");
            return 1;
        } catch (IOException | RuntimeException failure) {
            err.println("the server could not start: " + failure.getMessage());
            return 1;
        }
        var stopped = new CountDownLatch(1);
        var announcing = new HeadlessAnnouncing();
        var hook = Thread.ofPlatform().name("parley-shutdown").unstarted(() -> {
            announcing.withdraw();
            server.stop();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        printAddresses(server);
        announcing.start(server, this, out);
        try {
            stopped.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            announcing.withdraw();
            server.stop();
        }
        return 0;
    }

    private void printAddresses(ParleyServer server) {
        out.println("Parley is running" + (password == null ? "" : " (password required)") + ". Join at:");
        if (bind != null && !bind.isBlank() && !bind.equals("0.0.0.0") && !bind.equals("::")) {
            out.println("  " + server.localUri());
        } else {
            for (var joinable : ServerAddresses.forPort(server.port(), tls)) {
                out.println("  " + joinable.uri() + "   (" + joinable.interfaceName() + ")");
            }
        }
        if (server.fingerprint() != null) {
            out.println("Certificate fingerprint (SHA-256), for members to compare:");
            out.println("  " + server.fingerprint());
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
