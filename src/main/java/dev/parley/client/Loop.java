package dev.parley.client;

import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// Hands work to a client's loop thread from Jetty's threads. Jetty's callbacks may still come
/// after the client closed and shut its loop down: then they are dropped, nobody listens.
record Loop(ScheduledExecutorService executor) {

    void post(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException closed) {
            // the client is closed
        }
    }

    void later(Runnable task, long nanos) {
        try {
            executor.schedule(task, nanos, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closed) {
            // the client is closed
        }
    }
}
