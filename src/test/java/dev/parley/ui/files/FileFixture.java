package dev.parley.ui.files;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ConnectionState;
import dev.parley.client.Line;
import dev.parley.client.ParleyClient;
import dev.parley.protocol.Limits;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.awaitility.Awaitility;

/// A real server on a port of its own (so that it can be restarted on it) in a data folder,
/// and real clients whose lines are recorded, for the tests of shared files.
final class FileFixture implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /// A client and the lines it was told of, by conversation.
    record Member(ParleyClient client, Map<String, List<Line>> lines) implements AutoCloseable {

        /// Waits for a line of `conversation` with a shared file that `test` accepts.
        Line awaitFileLine(String conversation, Predicate<Line> test) {
            return Awaitility.await("a line with a file in " + conversation).atMost(WAIT).until(
                    () -> lines.getOrDefault(conversation, List.of()).stream()
                            .filter(l -> l.file() != null && test.test(l)).findFirst().orElse(null),
                    java.util.Objects::nonNull);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    private final Path data;
    private final int port;
    private final List<Member> members = new CopyOnWriteArrayList<>();
    private volatile ParleyServer server;

    FileFixture(Path data) throws IOException {
        this.data = data;
        try (var socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        start();
    }

    void start() throws IOException {
        server = ParleyServer.start(ServerConfig.forTests().withDataDir(data).withPort(port)
                .withLimits(Limits.DEFAULTS.withRate(0, 0)));
    }

    void stop() {
        server.stop();
    }

    URI uri() {
        return URI.create("ws://127.0.0.1:" + port + "/ws");
    }

    /// A client that is not connected yet.
    Member member(String name) {
        var lines = new ConcurrentHashMap<String, List<Line>>();
        var client = new ParleyClient(new ClientConfig(uri(), name, "lobby", null, Duration.ofMillis(50),
                Duration.ofMillis(300), null), event -> record(lines, event));
        var member = new Member(client, lines);
        members.add(member);
        return member;
    }

    Member connected(String name) {
        var member = member(name);
        member.client().connect();
        Awaitility.await(name + " connected").atMost(WAIT)
                .until(() -> member.client().state() == ConnectionState.CONNECTED && member.client().fileUploads() != null);
        return member;
    }

    private static void record(Map<String, List<Line>> lines, ClientEvent event) {
        switch (event) {
            case ClientEvent.LineAdded(var line) -> lines.computeIfAbsent(line.conversation(), c -> new CopyOnWriteArrayList<>()).add(line);
            case ClientEvent.LineChanged(var line) -> {
                var list = lines.computeIfAbsent(line.conversation(), c -> new CopyOnWriteArrayList<>());
                list.replaceAll(old -> old.cid() != null && old.cid().equals(line.cid()) ? line : old);
            }
            default -> { }
        }
    }

    /// JavaFX decodes pictures only once its toolkit runs.
    static void startFx() {
        try {
            javafx.application.Platform.startup(() -> {});
        } catch (IllegalStateException alreadyRunning) {
            // Started by an earlier test in this JVM.
        }
    }

    static Path randomFile(Path folder, String name, int size) throws IOException {
        var bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return Files.write(folder.resolve(name), bytes);
    }

    static Path png(Path folder, String name, int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                image.setRGB(x, y, (x * 255 / width) << 16 | (y * 255 / height) << 8 | 0x60);
            }
        }
        var file = folder.resolve(name);
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Override
    public void close() {
        members.forEach(Member::close);
        server.stop();
    }
}
