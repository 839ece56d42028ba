package dev.parley.server;

/// Hears each [RefusedAttempt] as it happens, on a server thread: it must return quickly and
/// must not throw (hand the attempt to another thread to do more).
@FunctionalInterface
public interface RefusalListener {

    void refused(RefusedAttempt attempt);
}
