package dev.parley.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/// The seed's own Bun server, unchanged: its ```ts block cut from
/// `shared/seed/bun-websocket-chat.md` at run time, only `port: 3001` replaced. Bun comes from
/// the npm registry (`npm install bun`, see .ci/run); `-Dparley.bun=PATH` overrides where.
final class SeedServer implements AutoCloseable {

    static final Path DEFAULT_BUN = Path.of("/tmp/parley-bun/node_modules/.bin/bun");

    private final Path script;
    private final Path log;
    private final int port;
    private Process process;

    private SeedServer(Path script, Path log, int port) {
        this.script = script;
        this.log = log;
        this.port = port;
    }

    /// Starts the seed server on a free loopback port.
    static SeedServer start(Path workDir) throws IOException, InterruptedException {
        return start(workDir, freePort());
    }

    static SeedServer start(Path workDir, int port) throws IOException, InterruptedException {
        var markdown = Files.readString(sharedDir().resolve("seed/bun-websocket-chat.md"));
        var matcher = Pattern.compile("```ts\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        if (!matcher.find()) {
            throw new IllegalStateException("no ```ts block in the seed tutorial");
        }
        var code = matcher.group(1);
        if (!code.contains("port: 3001")) {
            throw new IllegalStateException("the seed server no longer says 'port: 3001'");
        }
        var script = workDir.resolve("seed-server.ts");
        Files.writeString(script, code.replace("port: 3001", "port: " + port));
        var server = new SeedServer(script, workDir.resolve("seed-server.log"), port);
        server.restart();
        return server;
    }

    static Path bun() {
        var configured = System.getProperty("parley.bun");
        var bun = configured != null && !configured.isBlank() ? Path.of(configured) : DEFAULT_BUN;
        if (!Files.isExecutable(bun)) {
            // Never a silent skip: the seed interop is a requirement. CI installs Bun in .ci/run.
            throw new IllegalStateException("Bun is needed for the seed interop test but " + bun
                    + " is missing: run `mkdir -p /tmp/parley-bun && cd /tmp/parley-bun && npm install bun`"
                    + " or pass -Dparley.bun=/path/to/bun");
        }
        return bun;
    }

    static Path sharedDir() {
        var shared = System.getProperty("parley.shared");
        return Path.of(shared == null ? "../shared" : shared);
    }

    /// Starts (again, after [#stop]) on the same port.
    void restart() throws IOException, InterruptedException {
        process = new ProcessBuilder(bun().toString(), "run", script.toString())
                .directory(script.getParent().toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the seed server exited: " + Files.readString(log));
            }
            try (var socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the seed server did not listen on " + port + ": " + Files.readString(log));
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    int port() {
        return port;
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
