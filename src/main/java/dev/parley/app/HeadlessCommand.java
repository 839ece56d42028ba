package dev.parley.app;

import dev.parley.protocol.Names;
import dev.parley.server.DataFolder;
import dev.parley.server.HttpGuards;
import dev.parley.protocol.Invite;
import dev.parley.server.ParleyServer;
import dev.parley.server.files.FileLimits;
import dev.parley.server.PortInUseException;
import dev.parley.server.ServerAddresses;
import dev.parley.server.ServerConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

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

    @Option(names = "--password", paramLabel = "SECRET", description = "Password members must give (default: an open room). "
            + "Visible to other local users through ps: prefer --password-file or " + PASSWORD_VARIABLE + ".")
    String password;

    @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file.")
    Path passwordFile;

    @Option(names = "--data", paramLabel = "DIR", description = "Data folder for history (default: ${DEFAULT-VALUE}).")
    Path data = DataFolder.defaultFolder();

    @Option(names = "--in-memory", description = "Keep history in memory only: nothing is written to disk, and history ends with the server (benchmarks).")
    boolean inMemory;

    @Option(names = "--max-file-bytes", paramLabel = "BYTES", description = "Largest file a member may share (default: 1073741824, 1 GiB).")
    long maxFileBytes = FileLimits.DEFAULTS.maxFileBytes();

    @Option(names = "--max-files-bytes", paramLabel = "BYTES", description = "Space for all shared files together (default: 21474836480, 20 GiB).")
    long maxFilesBytes = FileLimits.DEFAULTS.maxFilesBytes();

    @Option(names = "--allow-origin", paramLabel = "ORIGIN", description = "Also accept browser pages from this origin (repeatable; * for any).")
    List<String> allowedOrigins = List.of();

    @Option(names = "--allow-host", paramLabel = "HOST", description = "Also serve browsers that reach this server by this name "
            + "(a DNS alias, a forwarded port; repeatable). Its own names and addresses always work.")
    List<String> allowedHosts = List.of();

    @Option(names = "--http-idle-timeout", paramLabel = "SECONDS", description = "Close a connection that has not become a WebSocket "
            + "after this many silent seconds (default: 10).")
    long httpIdleSeconds = HttpGuards.DEFAULTS.idleBeforeUpgrade().toSeconds();

    @Option(names = "--room", paramLabel = "ROOM", description = "Room members join first (default: ${DEFAULT-VALUE}).")
    String room = Names.DEFAULT_ROOM;

    @Option(names = "--name", paramLabel = "NAME", description = "Server name shown to members (default: ${DEFAULT-VALUE}).")
    String serverName = "Parley";

    @Option(names = "--tls", description = "Encrypt (wss:// and https://) with a self-signed certificate kept in the data folder; members compare its fingerprint.")
    boolean tls;

    @Option(names = "--no-announce", negatable = false,
            description = "Do not announce the room on the local network (announced by default, so others see it in their Join list).")
    boolean noAnnounce;

    @Option(names = "--name-claim-days", paramLabel = "DAYS",
            description = "Days a name stays its owner's (the device whose key claimed it) after it was last used (default: ${DEFAULT-VALUE}).")
    int nameClaimDays = 90;

    @Mixin
    LimitOptions limits = new LimitOptions();

    /// The environment variable that may hold the password (read when no flag gives one).
    static final String PASSWORD_VARIABLE = "PARLEY_PASSWORD";

    @Spec
    CommandSpec spec;

    private final PrintStream out;
    private final PrintStream err;
    private final Map<String, String> environment;
    private boolean passwordRequired;

    HeadlessCommand(PrintStream out, PrintStream err, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.environment = environment;
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
        return run(args, out, err, System.getenv());
    }

    /// As [#run(String\[\], PrintStream, PrintStream)] with the given environment (tests).
    static int run(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        var line = new CommandLine(new HeadlessCommand(out, err, environment));
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
        var secret = password();
        passwordRequired = secret != null;
        var http = HttpGuards.DEFAULTS.withAllowedHosts(allowedHosts);
        try {
            http = http.withIdleBeforeUpgrade(Duration.ofSeconds(httpIdleSeconds));
        } catch (IllegalArgumentException outOfRange) {
            throw new ParameterException(spec.commandLine(), "--http-idle-timeout must be at least 1 second");
        }
        var config = new ServerConfig(bind, port, secret, inMemory ? null : data, limits.toLimits(), allowedOrigins, room,
                serverName).withTls(tls).withHttp(http);
        if (nameClaimDays < 1) {
            err.println("--name-claim-days must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        if (maxFileBytes < 1 || maxFilesBytes < 1) {
            err.println("--max-file-bytes and --max-files-bytes must be at least 1");
            return CommandLine.ExitCode.USAGE;
        }
        ParleyServer server;
        try {
            server = ParleyServer.start(config.withNameClaimKeep(Duration.ofDays(nameClaimDays))
                    .withFileLimits(new FileLimits(maxFileBytes, maxFilesBytes)),
                    line -> out.println(LocalTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + line));
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

    /// The password from `--password`, `--password-file` (its first line) or [#PASSWORD_VARIABLE],
    /// in that order; null for an open room. Two flags at once, or a file that cannot be read or
    /// is empty, is a bad command line.
    String password() {
        if (password != null && passwordFile != null) {
            throw new ParameterException(spec.commandLine(), "give either --password or --password-file, not both");
        }
        if (passwordFile != null) {
            try (var lines = Files.lines(passwordFile)) {
                var first = lines.findFirst().orElse("");
                if (first.isEmpty()) {
                    throw new ParameterException(spec.commandLine(), "--password-file " + passwordFile + " is empty");
                }
                return first;
            } catch (IOException | java.io.UncheckedIOException unreadable) {
                throw new ParameterException(spec.commandLine(), "cannot read --password-file " + passwordFile + ": " + unreadable.getMessage());
            }
        }
        if (password != null) {
            return password;
        }
        var fromEnvironment = environment.get(PASSWORD_VARIABLE);
        return fromEnvironment == null || fromEnvironment.isEmpty() ? null : fromEnvironment;
    }

    /// True once [#call] found a password, from whichever source.
    boolean passwordRequired() {
        return passwordRequired;
    }

    private void printAddresses(ParleyServer server) {
        out.println("Parley is running" + (passwordRequired ? " (password required)" : "") + ". Join at:");
        var first = server.localUri();
        if (bind != null && !bind.isBlank() && !bind.equals("0.0.0.0") && !bind.equals("::")) {
            out.println("  " + server.localUri());
        } else {
            for (var joinable : ServerAddresses.forPort(server.port(), tls)) {
                out.println("  " + joinable.uri() + "   (" + joinable.interfaceName() + ")");
            }
            first = ServerAddresses.forPort(server.port(), tls).getFirst().uri();
        }
        var invite = new Invite(first.getHost().replace("[", "").replace("]", ""), server.port(), room, server.fingerprint());
        out.println("Invite: " + invite.browserUrl() + " in a browser (phones too), " + invite.appLink() + " in the app");
        out.println("Cannot join? Open " + invite.checkUrl()
                + " on their device: it shows which step fails.");
        if (server.fingerprint() != null) {
            out.println("Certificate fingerprint (SHA-256), for members to compare:");
            out.println("  " + server.fingerprint());
        }
        out.println("Press Ctrl+C to stop.");
        out.flush();
    }
}
