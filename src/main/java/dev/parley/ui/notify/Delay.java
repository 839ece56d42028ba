package dev.parley.ui.notify;

import java.time.Duration;

/// Runs something later on the caller's thread (the window: a JavaFX pause; tests: by hand).
@FunctionalInterface
public interface Delay {

    /// Runs `action` after `delay`; the returned `Runnable` cancels it if it has not run yet.
    Runnable after(Duration delay, Runnable action);
}
