package dev.parley.bench;

import java.io.File;
import java.net.Socket;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/// A server in its own process, started by a shell command (`exec`ed, so that its pid is the
/// server's) and stopped with SIGTERM, then SIGKILL after 10 s.
final class ProcessServer implements BigRoomServer {

    private static final long START_WAIT_MS = 60_000;

    private final String command;
    private final int port;
    private final File log;
    private Process process;

    ProcessServer(String command, int port, File log) {
        this.command = command;
        this.port = port;
        this.log = log;
    }

    @Override
    public void start() throws Exception {
        process = new ProcessBuilder("bash", "-c", "exec " + command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        long deadline = System.currentTimeMillis() + START_WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue() + "; see " + log);
            }
            try (var probe = new Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("nothing listens on port " + port + " after " + START_WAIT_MS + " ms");
    }

    @Override
    public void stop() throws Exception {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    @Override
    public URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    @Override
    public long pid() {
        return process == null ? -1 : process.pid();
    }
}
