package dev.parley.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/// A transfer whose server goes silent (stops reading an upload, stops sending a download) is
/// given up once no byte moved for the stall limit, instead of waiting for ever.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TransferStallTest {

    private static final Duration STALL = Duration.ofSeconds(2);

    @TempDir
    Path folder;

    private final CountDownLatch released = new CountDownLatch(1);
    private Server jetty;
    private URI endpoint;

    @BeforeEach
    void silentServer() throws Exception {
        jetty = new Server();
        var connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                try (OutputStream out = Content.Sink.asOutputStream(response)) {
                    if (request.getHttpURI().getPath().endsWith("/status")) {
                        out.write("{\"received\":0}".getBytes(StandardCharsets.UTF_8));
                    } else {
                        // An upload's body is never read; a download sends a first part, then nothing.
                        if (request.getMethod().equals("GET")) {
                            response.getHeaders().put("Content-Length", 1_000_000L);
                            out.write(new byte[64 * 1024]);
                            out.flush();
                        }
                        released.await();
                    }
                }
                callback.succeeded();
                return true;
            }
        });
        jetty.start();
        endpoint = URI.create("ws://127.0.0.1:" + connector.getLocalPort() + "/ws");
    }

    @AfterEach
    void stop() throws Exception {
        released.countDown();
        jetty.stop();
    }

    @Test
    void anUploadTheServerStopsReadingIsGivenUp() throws Exception {
        var file = folder.resolve("big.bin");
        Files.write(file, new byte[32 << 20]);
        var transfers = FileTransfers.forServer(endpoint, null, STALL);

        assertThatThrownBy(() -> transfers.upload(file, null, "token", FileTransfers.Progress.NONE))
                .isInstanceOf(HttpTimeoutException.class).hasMessageContaining("no byte moved");
    }

    @Test
    void aDownloadTheServerStopsSendingIsGivenUpKeepingWhatArrived() throws Exception {
        var target = folder.resolve("part.bin");
        var transfers = FileTransfers.forServer(endpoint, null, STALL);

        assertThatThrownBy(() -> transfers.download("/files/abc", target, FileTransfers.Progress.NONE))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(Files.size(target)).isEqualTo(64 * 1024);
    }
}
