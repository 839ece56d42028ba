package dev.parley.web;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/// A real headless Chromium driven through Debian's `chromedriver` with the W3C WebDriver
/// protocol: a few HTTP calls, so the tests need no Selenium (whose manager would try to
/// download drivers). One instance is one browser with its own empty profile.
final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private final Process driver;
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI base;
    private final String session;
    private final Path profile;

    Browser() throws Exception {
        this(false);
    }

    /// `acceptSelfSigned`: what a user does once for an encrypted room's page (Chromium's
    /// --ignore-certificate-errors stands in for clicking through the warning).
    Browser(boolean acceptSelfSigned) throws Exception {
        this(acceptSelfSigned, "en-US");
    }

    /// `language`: the browser's language (what `navigator.languages` starts with), e.g. `zh-CN`.
    Browser(boolean acceptSelfSigned, String language) throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
            throw new IllegalStateException("browser tests need Debian's chromium and chromium-driver"
                    + " (apt-get install chromium chromium-driver; .ci/run installs them)");
        }
        int port;
        try (var socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        driver = new ProcessBuilder(CHROMEDRIVER.toString(), "--port=" + port, "--allowed-ips=127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        base = URI.create("http://127.0.0.1:" + port);
        waitUntil(Duration.ofSeconds(15), () -> statusReady());
        profile = Files.createTempDirectory("parley-chromium");
        var args = new JsonArray();
        // Flags that keep Chromium off the network: this machine reaches nothing but loopback.
        for (var flag : new String[] {"--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--disable-dev-shm-usage", "--user-data-dir=" + profile}) {
            args.add(flag);
        }
        if (acceptSelfSigned) {
            args.add("--ignore-certificate-errors");
        }
        args.add("--lang=" + language);
        var prefs = new JsonObject();
        prefs.addProperty("intl.accept_languages", language);
        var options = new JsonObject();
        options.addProperty("binary", CHROMIUM.toString());
        options.add("args", args);
        options.add("prefs", prefs);
        var always = new JsonObject();
        always.addProperty("browserName", "chrome");
        always.add("goog:chromeOptions", options);
        var capabilities = new JsonObject();
        capabilities.add("alwaysMatch", always);
        var body = new JsonObject();
        body.add("capabilities", capabilities);
        session = call("POST", "/session", body).getAsJsonObject().get("sessionId").getAsString();
    }

    void open(String url) {
        var body = new JsonObject();
        body.addProperty("url", url);
        call("POST", "/session/" + session + "/url", body);
    }

    /// Loads the current page again (what the reload button does).
    void reload() {
        call("POST", "/session/" + session + "/refresh", new JsonObject());
    }

    /// Runs a Chrome DevTools Protocol command (e.g. `Browser.grantPermissions`) and returns its result.
    JsonElement devTools(String command, JsonObject params) {
        var body = new JsonObject();
        body.addProperty("cmd", command);
        body.add("params", params);
        return call("POST", "/session/" + session + "/goog/cdp/execute", body);
    }

    /// Runs `script` in every page this browser loads from now on, before the page's own scripts.
    void beforeEachPage(String script) {
        var params = new JsonObject();
        params.addProperty("source", script);
        devTools("Page.addScriptToEvaluateOnNewDocument", params);
    }

    /// Types into the element found by a CSS selector.
    void type(String css, String text) {
        var body = new JsonObject();
        body.addProperty("text", text);
        call("POST", "/session/" + session + "/element/" + find(css) + "/value", body);
    }

    void clear(String css) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/clear", new JsonObject());
    }

    void click(String css) {
        call("POST", "/session/" + session + "/element/" + find(css) + "/click", new JsonObject());
    }

    String text(String css) {
        return call("GET", "/session/" + session + "/element/" + find(css) + "/text", null).getAsString();
    }

    /// Runs JavaScript in the page and returns its result as JSON.
    JsonElement script(String script) {
        var body = new JsonObject();
        body.addProperty("script", script);
        body.add("args", new JsonArray());
        return call("POST", "/session/" + session + "/execute/sync", body);
    }

    /// Waits until the text of `css` satisfies `condition`; fails with what was there.
    String awaitText(String css, Predicate<String> condition, Duration timeout) {
        var deadline = Instant.now().plus(timeout);
        String last = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                last = text(css);
                if (condition.test(last)) {
                    return last;
                }
            } catch (IllegalStateException notYet) {
                last = notYet.getMessage();
            }
            sleep(100);
        }
        throw new AssertionError("timed out waiting on " + css + "; it shows:\n" + last);
    }

    /// Lets the page save downloads into `folder` without asking (Chromium's DevTools command).
    void allowDownloads(Path folder) {
        var params = new JsonObject();
        params.addProperty("behavior", "allow");
        params.addProperty("downloadPath", folder.toAbsolutePath().toString());
        var body = new JsonObject();
        body.addProperty("cmd", "Browser.setDownloadBehavior");
        body.add("params", params);
        call("POST", "/session/" + session + "/goog/cdp/execute", body);
    }

    private String find(String css) {
        var body = new JsonObject();
        body.addProperty("using", "css selector");
        body.addProperty("value", css);
        // A W3C element reference is an object with one member, keyed by a fixed UUID-like name.
        var reference = call("POST", "/session/" + session + "/element", body).getAsJsonObject();
        return reference.entrySet().iterator().next().getValue().getAsString();
    }

    private JsonElement call(String method, String path, JsonObject body) {
        var request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body.toString()))
                .header("Content-Type", "application/json").build();
        try {
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            var json = JsonParser.parseString(response.body()).getAsJsonObject();
            var value = json.get("value");
            if (response.statusCode() != 200) {
                throw new IllegalStateException("webdriver " + method + " " + path + ": " + value);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("webdriver " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private boolean statusReady() {
        try {
            var response = http.send(HttpRequest.newBuilder(base.resolve("/status")).build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"ready\":true");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void waitUntil(Duration timeout, BooleanSupplier condition) {
        var deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout);
            }
            sleep(50);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        try {
            call("DELETE", "/session/" + session, null);
        } catch (RuntimeException ignored) {
            // the browser may be gone already; the driver is killed below either way
        }
        driver.destroy();
        try (var files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
