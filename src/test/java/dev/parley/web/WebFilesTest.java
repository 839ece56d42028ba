package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// Files from the browser page in a real headless Chromium: attached with the file picker,
/// uploaded, shared, shown inline to another page and to the Java client, and downloaded.
@Timeout(value = 120, unit = SECONDS)
class WebFilesTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path temp;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (var closeable : open.reversed()) {
            closeable.close();
        }
    }

    private ParleyServer start() throws Exception {
        var server = ParleyServer.start(ServerConfig.forTests().withDataDir(temp.resolve("data")));
        open.add(server);
        return server;
    }

    private Browser join(ParleyServer server, String name) throws Exception {
        var browser = new Browser();
        open.add(browser);
        browser.open("http://127.0.0.1:" + server.port() + "/");
        browser.type("#name", name);
        browser.click("#join-button");
        browser.awaitText("#status", status -> status.startsWith("connected"), WAIT);
        Browser.waitUntil(WAIT, () -> browser.script("return !document.getElementById('attach').disabled").getAsBoolean());
        return browser;
    }

    @Test
    void anImageAttachedOnOnePageShowsInlineOnAnotherAndReachesTheJavaClient() throws Exception {
        var server = start();
        var ann = join(server, "ann");
        var ben = join(server, "ben");
        var events = new LinkedBlockingQueue<ClientEvent>();
        var carl = new ParleyClient(ClientConfig.of(server.localUri(), "carl", "lobby", null), events::add);
        open.add(carl);
        carl.connect();
        ann.awaitText("#members", members -> members.contains("carl"), WAIT);

        var picture = temp.resolve("screenshot.png");
        var image = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        image.getGraphics().fillRect(100, 100, 300, 200);
        ImageIO.write(image, "png", picture.toFile());
        ann.type("#attach-input", picture.toString());

        Browser.waitUntil(WAIT, () -> ben.script(
                "const img = document.querySelector('#log .file img'); return !!img && img.complete && img.naturalWidth > 0")
                .getAsBoolean());
        assertThat(ben.script("return document.querySelector('#log .file img').naturalWidth").getAsInt()).isEqualTo(320);
        assertThat(ben.text("#log")).contains("screenshot.png");
        // The sender's own line is settled (acknowledged), not pending.
        Browser.waitUntil(WAIT, () -> ann.script("return document.querySelectorAll('#log .pending').length === 0"
                + " && !!document.querySelector('#log .file img')").getAsBoolean());

        var deadline = System.nanoTime() + WAIT.toNanos();
        ClientEvent.ChatReceived shared = null;
        while (shared == null && System.nanoTime() < deadline) {
            if (events.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS) instanceof ClientEvent.ChatReceived received
                    && received.chat().file() != null) {
                shared = received;
            }
        }
        assertThat(shared).as("the Java client's chat with the file").isNotNull();
        assertThat(shared.chat().file().name()).isEqualTo("screenshot.png");
        assertThat(shared.chat().file().mime()).isEqualTo("image/png");
        assertThat(shared.chat().file().width()).isEqualTo(800);
        assertThat(shared.chat().file().thumb()).startsWith("/files/thumbs/");
    }

    @Test
    void aFileAttachedOnOnePageDownloadsByteForByteOnAnother() throws Exception {
        var server = start();
        var ann = join(server, "ann");
        var ben = join(server, "ben");
        var content = new byte[700_000];
        ThreadLocalRandom.current().nextBytes(content);
        var file = Files.write(temp.resolve("data set.bin"), content);
        var downloads = Files.createDirectories(temp.resolve("downloads"));
        ben.allowDownloads(downloads);

        ann.type("#attach-input", file.toString());
        ben.awaitText("#log", log -> log.contains("data set.bin"), WAIT);
        Browser.waitUntil(WAIT, () -> ben.script("return !!document.querySelector('#log .file a[download]')").getAsBoolean());
        ben.script("document.querySelector('#log .file a[download]').scrollIntoView({block: 'center'})");
        ben.click("#log .file a[download]");

        var saved = downloads.resolve("data set.bin");
        Browser.waitUntil(WAIT, () -> Files.isRegularFile(saved) && sizeOf(saved) == content.length);
        assertThat(Files.readAllBytes(saved)).isEqualTo(content);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException gone) {
            return -1;
        }
    }
}
