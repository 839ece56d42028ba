package dev.parley.ui.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;

/// The person's own availability: away after a while without input, back on the next input;
/// or what they chose ("Away", "Do not disturb"), which input does not undo. Driven by the
/// window's once-a-second [#tick] and by [#input] on key presses and mouse moves, so it needs
/// no timer of its own; the caller says what "now" is through the clock. FX thread only.
public final class AwayTimer {

    public static final Duration DEFAULT_IDLE = Duration.ofMinutes(10);

    private final Clock clock;
    private final Duration idle;
    private final Consumer<Availability> changed;
    private Instant lastInput;
    private Availability chosen = Availability.ONLINE;
    private Availability shown = Availability.ONLINE;

    /// `changed` hears every change of what others should see (to send as `presence` status).
    public AwayTimer(Clock clock, Duration idle, Consumer<Availability> changed) {
        this.clock = clock;
        this.idle = idle;
        this.changed = changed;
        this.lastInput = clock.instant();
    }

    /// A key press or mouse move in the window.
    public void input() {
        lastInput = clock.instant();
        update();
    }

    /// Checks the idle time; call it periodically (the window's tick).
    public void tick() {
        update();
    }

    /// The person chose a status; `ONLINE` returns to automatic away.
    public void choose(Availability status) {
        chosen = status;
        lastInput = clock.instant();
        update();
    }

    public Availability shown() {
        return shown;
    }

    private void update() {
        var now = chosen != Availability.ONLINE ? chosen
                : Duration.between(lastInput, clock.instant()).compareTo(idle) >= 0 ? Availability.AWAY
                : Availability.ONLINE;
        if (now != shown) {
            shown = now;
            changed.accept(now);
        }
    }
}
