package dev.parley.server.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.parley.protocol.Limits;
import dev.parley.server.ServerConfig;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Sharing an uploaded file in a room or a private message, and fetching it by its url.
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class FileSharingTest {

    @Test
    void aSharedFileReachesTheRoomAndDownloadsByteForByte() {
        var content = Sharing.random(300_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice"); var bob = Sharing.join(server, "bob")) {
            assertThat(Sharing.put(server, sha, alice.token(), content).statusCode()).isEqualTo(201);
            var own = alice.share(sha, "report.pdf", "c1");
            assertThat(own.get("cid").getAsString()).isEqualTo("c1");
            var file = bob.ws().payload("chat").getAsJsonObject("file");
            assertThat(file.get("sha256").getAsString()).isEqualTo(sha);
            assertThat(file.get("name").getAsString()).isEqualTo("report.pdf");
            assertThat(file.get("size").getAsLong()).isEqualTo(300_000);
            assertThat(file.get("mime").getAsString()).isEqualTo("application/octet-stream");
            assertThat(file.has("thumb")).isFalse();
            var url = file.get("url").getAsString();
            assertThat(url).startsWith("/files/" + sha + "/").endsWith("/report.pdf");
            var download = Sharing.get(server, url);
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo(content);
            assertThat(download.headers().firstValue("Content-Disposition")).hasValueSatisfying(
                    value -> assertThat(value).startsWith("attachment").contains("report.pdf"));
        }
    }

    @Test
    void aFileSharedInARoomIsThereForWhoJoinsLater() {
        var content = Sharing.random(5_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            alice.share(sha, "notes.txt", "c1");
            var carol = dev.parley.server.WsClient.connect(server.localUri(), "clientId=carol", java.util.Map.of(), true);
            var history = carol.payload("history").getAsJsonArray("messages");
            assertThat(history).hasSize(1);
            var url = history.get(0).getAsJsonObject().getAsJsonObject("file").get("url").getAsString();
            assertThat(Sharing.get(server, url).body()).isEqualTo(content);
            carol.close();
        }
    }

    @Test
    void sharingAFileTheServerDoesNotHoldIsUnknownFile() {
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            alice.ws().send("{\"type\":\"chat\",\"payload\":{\"cid\":\"c9\",\"file\":{\"sha256\":\"" + "ab".repeat(32)
                    + "\",\"name\":\"x.png\"}}}");
            var error = alice.ws().payload("error");
            assertThat(error.get("code").getAsString()).isEqualTo("unknown_file");
            assertThat(error.get("ref").getAsString()).isEqualTo("c9");
            alice.ws().chat("still here");
            assertThat(alice.ws().payload("chat").get("text").getAsString()).isEqualTo("still here");
        }
    }

    @Test
    void aPrivateMessageSharesAFileToo() {
        var content = Sharing.random(1_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice"); var bob = Sharing.join(server, "bob")) {
            Sharing.put(server, sha, alice.token(), content);
            alice.ws().send("{\"type\":\"dm\",\"payload\":{\"to\":\"bob\",\"text\":\"for you\",\"cid\":\"d1\",\"file\":{\"sha256\":\""
                    + sha + "\",\"name\":\"secret.bin\"}}}");
            var file = bob.ws().payload("dm").getAsJsonObject("file");
            assertThat(Sharing.get(server, file.get("url").getAsString()).body()).isEqualTo(content);
        }
    }

    @Test
    void aRangeIs206() {
        var content = Sharing.random(10_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            var url = alice.share(sha, "data.bin", "c1").getAsJsonObject("file").get("url").getAsString();
            var middle = Sharing.get(server, url, "Range", "bytes=1000-1999");
            assertThat(middle.statusCode()).isEqualTo(206);
            assertThat(middle.headers().firstValue("Content-Range")).hasValue("bytes 1000-1999/10000");
            assertThat(middle.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 1000, 2000));
            var tail = Sharing.get(server, url, "Range", "bytes=-100");
            assertThat(tail.body()).isEqualTo(java.util.Arrays.copyOfRange(content, 9_900, 10_000));
            assertThat(Sharing.get(server, url, "Range", "bytes=20000-").statusCode()).isEqualTo(416);
        }
    }

    @Test
    void aDownloadContinuesAPartialFile(@org.junit.jupiter.api.io.TempDir java.nio.file.Path temp) throws Exception {
        var content = Sharing.random(500_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            var url = alice.share(sha, "part.bin", "c1").getAsJsonObject("file").get("url").getAsString();
            var target = java.nio.file.Files.write(temp.resolve("part.bin"), java.util.Arrays.copyOf(content, 200_000));
            var first = new java.util.concurrent.atomic.AtomicLong(-1);
            dev.parley.client.FileTransfers.forServer(server.localUri(), null).download(url, target,
                    (done, total) -> first.compareAndSet(-1, done));
            assertThat(java.nio.file.Files.readAllBytes(target)).isEqualTo(content);
            assertThat(first.get()).isGreaterThan(200_000);
        }
    }

    @Test
    void svgAndHtmlAreAttachmentsAndOnlyRasterImagesAreInline() throws IOException {
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8);
        var html = "<html><script>alert(document.cookie)</script></html>".getBytes(StandardCharsets.UTF_8);
        var png = png(40, 30);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            for (var hostile : new byte[][] {svg, html}) {
                var sha = Sharing.sha256(hostile);
                Sharing.put(server, sha, alice.token(), hostile);
                alice.ws().send("{\"type\":\"chat\",\"payload\":{\"cid\":\"" + sha + "\",\"file\":{\"sha256\":\"" + sha
                        + "\",\"name\":\"pic.svg\",\"mime\":\"image/svg+xml\"}}}");
                var url = alice.ws().payload("chat").getAsJsonObject("file").get("url").getAsString();
                var response = Sharing.get(server, url);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/octet-stream");
                assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment");
                assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
                assertThat(response.headers().firstValue("Content-Security-Policy").orElseThrow()).contains("sandbox")
                        .contains("default-src 'none'");
            }
            var sha = Sharing.sha256(png);
            Sharing.put(server, sha, alice.token(), png);
            // A client calling a PNG "text/html" changes nothing: the bytes say what it is.
            alice.ws().send("{\"type\":\"chat\",\"payload\":{\"cid\":\"p\",\"file\":{\"sha256\":\"" + sha
                    + "\",\"name\":\"shot.png\",\"mime\":\"text/html\"}}}");
            var file = alice.ws().payload("chat").getAsJsonObject("file");
            assertThat(file.get("mime").getAsString()).isEqualTo("image/png");
            assertThat(file.get("width").getAsInt()).isEqualTo(40);
            assertThat(file.get("height").getAsInt()).isEqualTo(30);
            var response = Sharing.get(server, file.get("url").getAsString());
            assertThat(response.headers().firstValue("Content-Type")).hasValue("image/png");
            assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        }
    }

    @Test
    void anImageGetsASmallThumbnail() throws IOException {
        var png = png(1600, 1200);
        var sha = Sharing.sha256(png);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), png);
            var file = alice.share(sha, "big.png", "c1").getAsJsonObject("file");
            var thumb = Sharing.get(server, file.get("thumb").getAsString());
            assertThat(thumb.statusCode()).isEqualTo(200);
            assertThat(thumb.headers().firstValue("Content-Type")).hasValue("image/png");
            var image = ImageIO.read(new ByteArrayInputStream(thumb.body()));
            assertThat(image.getWidth()).isEqualTo(Thumbnails.SIDE);
            assertThat(image.getHeight()).isEqualTo(240);
        }
    }

    @Test
    void aDecompressionBombGetsNoThumbnailButStillDownloads() throws IOException {
        var bomb = pngHeaderOnly(100_000, 100_000);
        var sha = Sharing.sha256(bomb);
        try (var server = Sharing.start(); var alice = Sharing.join(server, "alice")) {
            assertThat(Sharing.put(server, sha, alice.token(), bomb).statusCode()).isEqualTo(201);
            var file = alice.share(sha, "bomb.png", "c1").getAsJsonObject("file");
            assertThat(file.has("thumb")).isFalse();
            assertThat(file.get("mime").getAsString()).isEqualTo("image/png");
            var key = file.get("url").getAsString().split("/")[3];
            assertThat(Sharing.get(server, "/files/thumbs/" + sha + "/" + key).statusCode()).isEqualTo(404);
            assertThat(Sharing.get(server, file.get("url").getAsString()).body()).isEqualTo(bomb);
        }
    }

    @Test
    void withoutTheKeyOfTheMessageNothingIsReadableEvenWithThePassword() {
        var content = Sharing.random(1_000);
        var sha = Sharing.sha256(content);
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)).withPassword("s3cret");
        try (var server = Sharing.start(config, FileLimits.DEFAULTS)) {
            var ws = dev.parley.server.WsClient.connect(server.localUri(), "clientId=alice&token=s3cret", java.util.Map.of(), true);
            var token = ws.payload("welcome").getAsJsonObject("files").get("token").getAsString();
            ws.next("history");
            Sharing.put(server, sha, token, content);
            ws.send("{\"type\":\"chat\",\"payload\":{\"cid\":\"c\",\"file\":{\"sha256\":\"" + sha + "\",\"name\":\"a.bin\"}}}");
            var url = ws.payload("chat").getAsJsonObject("file").get("url").getAsString();
            assertThat(Sharing.get(server, url).body()).isEqualTo(content);
            var wrongKey = "/files/" + sha + "/" + "0".repeat(32) + "/a.bin";
            assertThat(Sharing.get(server, wrongKey).statusCode()).isEqualTo(404);
            assertThat(Sharing.get(server, "/files/" + sha + "/a.bin").statusCode()).isEqualTo(404);
            assertThat(Sharing.get(server, "/files/").statusCode()).isEqualTo(404);
            assertThat(Sharing.get(server, "/files/" + sha + "/status").statusCode()).isEqualTo(401);
            ws.close();
        }
    }

    @Test
    void aFileNoMessageSharesAnyMoreIsRemoved() {
        var content = Sharing.random(2_000);
        var sha = Sharing.sha256(content);
        var config = ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0).withHistoryRetention(1));
        try (var server = Sharing.start(config, new FileLimits(1_000_000, 10_000_000, Duration.ofSeconds(2)));
             var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            var url = alice.share(sha, "old.bin", "c1").getAsJsonObject("file").get("url").getAsString();
            assertThat(Sharing.get(server, url).statusCode()).isEqualTo(200);
            alice.ws().chat("pushes the file out of the history");
            alice.ws().payload("chat");
            await().atMost(Duration.ofSeconds(20)).until(() -> Sharing.get(server, url).statusCode() == 404);
            assertThat(Sharing.status(server, sha, alice.token())).isEqualTo("{\"received\":0,\"complete\":false}");
        }
    }

    @Test
    void aSharedFileIsNotRemovedWhileAMessageSharesIt() {
        var content = Sharing.random(2_000);
        var sha = Sharing.sha256(content);
        try (var server = Sharing.start(ServerConfig.forTests().withLimits(Limits.DEFAULTS.withRate(0, 0)),
                new FileLimits(1_000_000, 10_000_000, Duration.ofSeconds(2)));
             var alice = Sharing.join(server, "alice")) {
            Sharing.put(server, sha, alice.token(), content);
            var url = alice.share(sha, "kept.bin", "c1").getAsJsonObject("file").get("url").getAsString();
            // Several sweeps pass (one a second) and the file stays.
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                    .until(() -> Sharing.get(server, url).statusCode() == 200);
        }
    }

    static byte[] png(int width, int height) throws IOException {
        var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        var graphics = image.createGraphics();
        graphics.setColor(java.awt.Color.ORANGE);
        graphics.fillRect(0, 0, width / 2, height);
        graphics.dispose();
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /// A PNG signature and an IHDR chunk declaring `width` × `height`, and nothing else: what a
    /// decompression bomb looks like to a reader of headers.
    static byte[] pngHeaderOnly(int width, int height) {
        var ihdr = ByteBuffer.allocate(17).put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        var crc = new CRC32();
        crc.update(ihdr.array());
        return ByteBuffer.allocate(8 + 4 + 17 + 4).put(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A})
                .putInt(13).put(ihdr.array()).putInt((int) crc.getValue()).array();
    }
}
