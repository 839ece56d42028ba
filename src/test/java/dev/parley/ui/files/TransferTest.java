package dev.parley.ui.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The transfer's states, speed and reasons, with work that needs no server: the FX hand-off is
/// direct, as in the view model tests.
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TransferTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Test
    void aTransferReportsProgressSpeedAndItsResult() {
        var clock = new AtomicLong();
        var transfer = new Transfer("a.bin", Transfer.Direction.DOWNLOAD, reporter -> {
            reporter.moved(0, 4_000_000);
            clock.set(1_000_000_000L);
            reporter.moved(2_000_000, 4_000_000);
            return Path.of("a.bin");
        }, Runnable::run, clock::get).start();

        await().atMost(WAIT).until(() -> transfer.stateProperty().get() == Transfer.State.DONE);
        assertThat(transfer.doneProperty().get()).isEqualTo(2_000_000);
        assertThat(transfer.totalProperty().get()).isEqualTo(4_000_000);
        assertThat(transfer.resultProperty().get()).isEqualTo(Path.of("a.bin"));
    }

    @Test
    void theSpeedIsWhatMovedOverTheLastSample() {
        var clock = new AtomicLong();
        var moved = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        var transfer = new Transfer("b.bin", Transfer.Direction.UPLOAD, reporter -> {
            clock.set(2_000_000_000L);
            reporter.moved(5_000_000, 10_000_000);
            moved.countDown();
            release.await();
            return null;
        }, Runnable::run, clock::get).start();

        await().atMost(WAIT).until(() -> moved.getCount() == 0);
        assertThat(transfer.speedProperty().get()).isEqualTo(2_500_000.0);
        release.countDown();
        await().atMost(WAIT).until(() -> transfer.stateProperty().get() == Transfer.State.DONE);
        assertThat(transfer.speedProperty().get()).isZero();
    }

    @Test
    void aFailureSaysWhyAndRetryRunsTheWorkAgain() {
        var tries = new AtomicInteger();
        var transfer = new Transfer("c.txt", Transfer.Direction.UPLOAD, reporter -> {
            if (tries.incrementAndGet() == 1) {
                throw new NoSuchFileException("/home/ann/c.txt");
            }
            return null;
        }, Runnable::run).start();

        await().atMost(WAIT).until(() -> transfer.stateProperty().get() == Transfer.State.FAILED);
        assertThat(transfer.failureProperty().get()).isEqualTo("no such file: /home/ann/c.txt");

        transfer.retry();

        await().atMost(WAIT).until(() -> transfer.stateProperty().get() == Transfer.State.DONE);
        assertThat(tries.get()).isEqualTo(2);
        assertThat(transfer.failureProperty().get()).isNull();
    }

    @Test
    void cancelInterruptsTheWorkAndNothingItReportsLaterCounts() throws Exception {
        var started = new CountDownLatch(1);
        var interrupted = new CountDownLatch(1);
        var transfer = new Transfer("d.bin", Transfer.Direction.DOWNLOAD, reporter -> {
            started.countDown();
            try {
                Thread.sleep(Duration.ofMinutes(1));
            } catch (InterruptedException expected) {
                interrupted.countDown();
                reporter.moved(99, 100); // too late: the transfer is cancelled
                throw expected;
            }
            return null;
        }, Runnable::run).start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        transfer.cancel();

        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(transfer.stateProperty().get()).isEqualTo(Transfer.State.CANCELLED);
        assertThat(transfer.doneProperty().get()).isZero();
    }

    @Test
    void aServerOutOfReachIsSaidInWords() {
        assertThat(Transfer.reason(new java.net.ConnectException("Connection refused")))
                .isEqualTo("the server cannot be reached");
    }
}
