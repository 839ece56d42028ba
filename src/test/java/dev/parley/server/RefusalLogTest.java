package dev.parley.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// Refusals cannot grow the log at will: one line per address and minute, then a summary.
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RefusalLogTest {

    private final List<String> lines = new CopyOnWriteArrayList<>();

    @Test
    void repeatedRefusedConnectionsLogOneLine() throws Exception {
        try (var server = ParleyServer.start(ServerConfig.forTests().withPassword("s3cret"), lines::add)) {
            for (int i = 0; i < 12; i++) {
                try (var refused = WsClient.connect(server, "clientId=x&token=guess" + i)) {
                    assertThat(refused.payload("error").get("code").getAsString()).isEqualTo("auth_failed");
                }
            }
        }
        assertThat(lines.stream().filter(line -> line.contains("refused"))).hasSize(1);
    }

    @Test
    void theRestOfTheMinuteIsSummarisedPerAddress() {
        var now = new AtomicLong();
        var log = new RefusalLog(lines::add, now::get);
        for (int i = 0; i < 5; i++) {
            log.refused("10.0.0.1", "auth_failed");
        }
        log.refused("10.0.0.2", "server_full");
        log.sweep();
        assertThat(lines).containsExactly("refused a connection from 10.0.0.1: auth_failed",
                "refused a connection from 10.0.0.2: server_full");

        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log.sweep();
        assertThat(lines).hasSize(3).last().isEqualTo("4 more refusals from 10.0.0.1 in the last minute (last: auth_failed)");
        log.refused("10.0.0.1", "auth_failed");
        assertThat(lines).hasSize(4).last().isEqualTo("refused a connection from 10.0.0.1: auth_failed");
    }

    @Test
    void manyAddressesShareOneCount() {
        var now = new AtomicLong();
        var log = new RefusalLog(lines::add, now::get);
        for (int i = 0; i < RefusalLog.MAX_ADDRESSES + 500; i++) {
            log.refused("fd00::" + Integer.toHexString(i), "server_full");
        }
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        log.sweep();
        assertThat(lines).hasSize(RefusalLog.MAX_ADDRESSES + 2)
                .last().isEqualTo("499 more refusals from other addresses in the last minute (last: server_full)");
    }
}
