package dev.parley.web;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.parley.client.ClientConfig;
import dev.parley.client.ClientEvent;
import dev.parley.client.ParleyClient;
import dev.parley.server.ParleyServer;
import dev.parley.server.PortInUseException;
import dev.parley.server.ServerConfig;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The seed's demo page, byte for byte as the tutorial has it, against Parley's server. The page
/// hard-codes `ws://localhost:3001/ws`, so this test needs port 3001 free on loopback. It is
/// served from another origin, so the server lets it in only when that origin is allowed.
@Timeout(value = 90, unit = SECONDS)
class SeedDemoPageTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int SEED_PORT = 3001;

    private HttpServer pageServer;
    private String pageOrigin;

    @BeforeEach
    void serveTheDemoPage() throws Exception {
        var page = demoPage().getBytes(StandardCharsets.UTF_8);
        pageServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        pageServer.createContext("/", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            try (var body = exchange.getResponseBody()) {
                body.write(page);
            }
        });
        pageServer.start();
        pageOrigin = "http://127.0.0.1:" + pageServer.getAddress().getPort();
    }

    @AfterEach
    void stopThePageServer() {
        pageServer.stop(0);
    }

    /// The ```html block of the seed's "代码演示" section, unchanged.
    static String demoPage() throws Exception {
        var seed = Path.of(System.getProperty("parley.shared", "../shared"), "seed", "bun-websocket-chat.md");
        var markdown = Files.readString(seed);
        int start = markdown.indexOf("```html\n");
        int end = markdown.indexOf("```", start + 8);
        assertThat(start).as("the seed has its demo page").isPositive();
        return markdown.substring(start + 8, end);
    }

    private ParleyServer startOnTheSeedPort(List<String> allowedOrigins) throws Exception {
        try {
            return ParleyServer.start(ServerConfig.forTests().withPort(SEED_PORT).withAllowedOrigins(allowedOrigins));
        } catch (PortInUseException e) {
            throw new AssertionError("the seed's demo page hard-codes port 3001, which another program holds", e);
        }
    }

    @Test
    void theUnchangedDemoPageChatsThroughParleyWhenItsOriginIsAllowed() throws Exception {
        try (var server = startOnTheSeedPort(List.of(pageOrigin));
             var browser = new Browser()) {
            var events = new LinkedBlockingQueue<ClientEvent>();
            try (var javaPeer = new ParleyClient(ClientConfig.of(server.localUri(), "java", "lobby", null), events::add)) {
                javaPeer.connect();
                browser.open(pageOrigin + "/");
                browser.awaitText("#log", log -> log.contains("[open] connected"), WAIT);
                browser.awaitText("#log", log -> log.contains("\"type\":\"system\",\"payload\":\"browser-demo joined\""), WAIT);

                browser.type("#msg", "你好 from the seed page");
                browser.click("#send");
                browser.awaitText("#log", log -> log.contains("\"type\":\"chat\"") && log.contains("你好 from the seed page")
                        && log.contains("\"from\":\"browser-demo\""), WAIT);

                var deadline = System.nanoTime() + WAIT.toNanos();
                ClientEvent.ChatReceived seen = null;
                while (seen == null && System.nanoTime() < deadline) {
                    if (events.poll(100, TimeUnit.MILLISECONDS) instanceof ClientEvent.ChatReceived chat) {
                        seen = chat;
                    }
                }
                assertThat(seen).as("the Java client got the page's chat").isNotNull();
                assertThat(seen.chat().from()).isEqualTo("browser-demo");
                assertThat(seen.chat().text()).isEqualTo("你好 from the seed page");
            }
        }
    }

    @Test
    void aForeignOriginIsTurnedAwayByDefault() throws Exception {
        try (var server = startOnTheSeedPort(List.of());
             var browser = new Browser()) {
            browser.open(pageOrigin + "/");
            browser.awaitText("#log", log -> log.startsWith("连接中"), WAIT);
            Browser.sleep(3_000);
            assertThat(browser.text("#log")).doesNotContain("[open]").doesNotContain("[message]");
            assertThat(server.stats().connections()).isZero();
        }
    }
}
