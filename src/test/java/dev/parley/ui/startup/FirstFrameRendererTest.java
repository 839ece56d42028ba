package dev.parley.ui.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/// The window's build waits for the renderer to finish the outline's frame: posted once the
/// render thread has run and is waiting again, never before, and not waiting longer than the
/// limit for a renderer that does not run or is not there. The "renderer" here is a thread that
/// waits for a job, works for a while and waits again, as Quantum's does.
@Timeout(30)
class FirstFrameRendererTest {

    private static final long SECOND = 1_000_000_000L;

    /// Waits for a job (`jobs`), then keeps a core busy for `workMillis` and records when it
    /// stopped in `done`, then waits again until interrupted.
    private static Thread renderer(CountDownLatch jobs, long workMillis, AtomicLong done) {
        var thread = new Thread(() -> {
            try {
                jobs.await();
                var end = System.nanoTime() + workMillis * 1_000_000;
                while (System.nanoTime() < end) {
                    Thread.onSpinWait();
                }
                done.set(System.nanoTime());
                new CountDownLatch(1).await();
            } catch (InterruptedException stopped) {
                // the test is over
            }
        }, "QuantumRenderer-test");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void waitUntilWaiting(Thread thread) {
        while (thread.getState() != Thread.State.WAITING) {
            Thread.onSpinWait();
        }
    }

    @Test
    void postsOnlyOnceTheRendererHasDrawnAndIsWaitingAgain() throws Exception {
        var jobs = new CountDownLatch(1);
        var done = new AtomicLong();
        var renderer = renderer(jobs, 200, done);
        waitUntilWaiting(renderer);
        var posted = new CompletableFuture<Long>();
        FirstFrame.afterRenderer(renderer, 5 * SECOND, () -> {}, then -> posted.complete(System.nanoTime()));
        // Idle before its job: that is not a drawn frame.
        Thread.sleep(100);
        assertThat(posted).isNotDone();
        jobs.countDown();
        long at = posted.get(10, TimeUnit.SECONDS);
        assertThat(done.get()).isPositive();
        assertThat(at).isGreaterThanOrEqualTo(done.get());
        assertThat(at - done.get()).isLessThan(SECOND / 5);
        renderer.interrupt();
    }

    @Test
    void aRendererThatNeverRunsDelaysTheBuildOnlyUpToTheLimit() throws Exception {
        var renderer = renderer(new CountDownLatch(1), 0, new AtomicLong());
        waitUntilWaiting(renderer);
        var start = System.nanoTime();
        var posted = new CompletableFuture<Long>();
        FirstFrame.afterRenderer(renderer, SECOND / 4, () -> {}, then -> posted.complete(System.nanoTime()));
        long at = posted.get(10, TimeUnit.SECONDS);
        assertThat(at - start).isBetween(SECOND / 4, 3 * SECOND);
        renderer.interrupt();
    }

    @Test
    void withoutARendererThreadTheBuildIsPostedAtOnce() {
        var posted = new CompletableFuture<Runnable>();
        Runnable build = () -> {};
        FirstFrame.afterRenderer(null, 5 * SECOND, build, posted::complete);
        assertThat(posted).isCompletedWithValue(build);
    }
}
