package dev.parley.ui;

import dev.parley.ui.common.Settings;
import dev.parley.ui.log.LogLine;
import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BooleanSupplier;
import javafx.stage.Stage;
import org.awaitility.Awaitility;
import org.testfx.util.WaitForAsyncUtils;

/// What the window tests share: a window on a temp data folder, reads on the FX thread, and
/// bounded waits.
public final class WindowFixture {

    public static final Duration WAIT = Duration.ofSeconds(15);

    private WindowFixture() {}

    public static ParleyWindow open(Stage stage, String name, int port) throws IOException {
        var data = Files.createTempDirectory("parley-ui-test");
        var settings = new Settings();
        settings.name(name);
        settings.port(port);
        settings.language("en");
        settings.size(1100, 720);
        var window = ParleyWindow.open(stage, settings, data);
        fullSize(stage);
        return window;
    }

    /// TestFX hands every test the same stage, and a stage already on screen keeps the size an
    /// earlier test's small scene gave it: controls outside it are "not visible" to the robot.
    public static void fullSize(Stage stage) {
        stage.setWidth(1100);
        stage.setHeight(720);
    }

    /// Reads something from the scene graph or a view model on the FX thread.
    public static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static void until(String what, BooleanSupplier condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> fx(condition::getAsBoolean));
    }

    public static int freePort() throws IOException {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /// A second person: the real client library, its events collected.
    public record Peer(ParleyClient client, BlockingQueue<ClientEvent> events) implements AutoCloseable {
        public static Peer join(URI server, String name) {
            var events = new LinkedBlockingQueue<ClientEvent>();
            var client = new ParleyClient(ClientConfig.of(server, name, "lobby", null), events::add);
            client.connect();
            return new Peer(client, events);
        }

        /// The next event of type `type` that `wanted` accepts (earlier ones are dropped); fails
        /// after [#WAIT] without one.
        public <E extends ClientEvent> E next(Class<E> type, java.util.function.Predicate<E> wanted) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                var got = events.poll(end - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
                if (type.isInstance(got) && wanted.test(type.cast(got))) {
                    return type.cast(got);
                }
            }
            throw new AssertionError("no " + type.getSimpleName() + " as wanted within " + WAIT);
        }

        @Override
        public void close() {
            client.close();
        }
    }

    public static List<String> logTexts(ParleyWindow window, String room) {
        return fx(() -> window.model().log().lines(room).stream().map(LogLine::text).toList());
    }

    public static void shutdown(ParleyWindow window) {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> { window.shutdown(); return null; });
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
