package dev.parley.client;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/// Tells a Parley server from the seed's: Parley greets every connection with `welcome` at
/// once; the seed's Bun server never does (its first frame is `system "NAME joined"`). After
/// that first frame, or [#WELCOME_WAIT] of silence, the server is taken for the seed's ([ClientEvent.SeedServerDetected], once per client) and chat goes on without
/// rooms, history or `cid`. Loop thread only.
final class Greeting {

    static final Duration WELCOME_WAIT = Duration.ofSeconds(1);

    private final ScheduledExecutorService loop;
    private final Consumer<ClientEvent> events;
    private final Runnable ready;
    private ScheduledFuture<?> timer;
    private boolean seed;
    private boolean announced;

    /// `ready` runs when the connection may be used: on `welcome`, or when the wait is over.
    Greeting(ScheduledExecutorService loop, Consumer<ClientEvent> events, Runnable ready) {
        this.loop = loop;
        this.events = events;
        this.ready = ready;
    }

    boolean seed() {
        return seed;
    }

    /// A connection opened: wait for its `welcome` (a known seed server is not waited for again).
    void opened() {
        cancel();
        if (seed) {
            ready.run();
        } else {
            timer = loop.schedule(this::silence, WELCOME_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /// The `welcome` came. Returns true when it came late, after the server was taken for the
    /// seed's: what only a Parley server does (rejoin, catch up) has still to be done.
    boolean welcomed() {
        cancel();
        boolean late = seed;
        seed = false;
        return late;
    }

    /// The server's first frame was the seed's `system` greeting: it is the seed's, no need to wait.
    void seedSpoke() {
        if (timer != null) {
            cancel();
            silence();
        }
    }

    /// The connection ended before (or after) its greeting.
    void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void silence() {
        timer = null;
        seed = true;
        if (!announced) {
            announced = true;
            events.accept(new ClientEvent.SeedServerDetected());
        }
        ready.run();
    }
}
