package dev.parley.ui.conversation;

import dev.parley.ui.common.Note;
import dev.parley.protocol.Limits;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import dev.parley.client.ClientEvent;
import dev.parley.ui.common.Session;
import java.util.function.LongSupplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The message being typed: refuses blank and too-long text, counts characters near the limit,
/// says why sending is off while disconnected, shows the server's last refusal. FX thread only.
public final class InputViewModel {

    /// The counter appears once the text uses this share of the limit.
    static final double COUNTER_FROM = 0.8;

    /// While typing goes on, the others are told at most this often.
    static final long TYPING_EVERY_NANOS = 3_000_000_000L;

    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyIntegerWrapper maxChars = new ReadOnlyIntegerWrapper(Limits.DEFAULTS.maxTextChars());
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Note> disabledReason = new ReadOnlyObjectWrapper<>(Note.of("input.off.disconnected"));
    private final ReadOnlyObjectWrapper<Note> error = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding counterVisible;
    private final LongSupplier nanos;
    private Consumer<String> sender = text -> { };
    private Runnable typing = () -> { };
    private long lastTyping;
    private boolean typedOnce;

    public InputViewModel() {
        this(System::nanoTime);
    }

    /// `nanos` is the clock that spaces the typing notices.
    public InputViewModel(LongSupplier nanos) {
        this.nanos = nanos;
        counterVisible = Bindings.createBooleanBinding(
                () -> length() >= maxChars.get() * COUNTER_FROM, text, maxChars);
        text.addListener((obs, old, now) -> typed(now));
    }

    public StringProperty textProperty() { return text; }
    public ReadOnlyIntegerProperty maxCharsProperty() { return maxChars.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty connectedProperty() { return connected.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Note> disabledReasonProperty() { return disabledReason.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Note> errorProperty() { return error.getReadOnlyProperty(); }
    public BooleanBinding counterVisibleProperty() { return counterVisible; }

    /// Follows the session: sending is on while connected (the client's outbox keeps messages
    /// while it reconnects), the server's limit, its refusals.
    public void listenTo(Session session) {
        session.listen(event -> {
            switch (event) {
                case ClientEvent.StateChanged changed -> connection(switch (changed.state()) {
                    case CONNECTED, RECONNECTING -> null;
                    case CONNECTING -> Note.of("input.off.connecting");
                    case DISCONNECTED -> Note.of("input.off.disconnected");
                });
                case ClientEvent.Welcomed(var welcome) -> {
                    if (welcome.limits() != null) {
                        maxChars(welcome.limits().maxTextChars());
                    }
                }
                case ClientEvent.Refused(var code, var message, var ref) -> refused(code.wire(), message);
                default -> { }
            }
        });
    }

    /// The most characters a message may have (the server's `welcome` says).
    public void maxChars(int most) {
        maxChars.set(most);
    }

    /// `notice` tells the others this window is typing; called as the user types, spaced out.
    public void typingWith(Runnable notice) {
        typing = notice;
    }

    private void typed(String now) {
        if (now == null || now.isEmpty() || !connected.get()) {
            return;
        }
        long at = nanos.getAsLong();
        if (!typedOnce || at - lastTyping >= TYPING_EVERY_NANOS) {
            typedOnce = true;
            lastTyping = at;
            typing.run();
        }
    }

    /// The conversation shown changed: the next keystroke tells its members at once.
    public void conversationChanged() {
        typedOnce = false;
    }

    /// Characters as the server counts them (code points, so one emoji is one).
    public int length() {
        var t = text.get();
        return t == null ? 0 : t.codePointCount(0, t.length());
    }

    public void sendTo(Consumer<String> sink) {
        sender = sink;
    }

    /// `reason` null means connected.
    public void connection(Note reason) {
        connected.set(reason == null);
        disabledReason.set(reason);
    }

    /// Sends the text and clears the field; refuses blank, too long or disconnected, keeping
    /// the text so nothing typed is lost.
    public boolean send() {
        var t = text.get() == null ? "" : text.get();
        if (!connected.get()) {
            error.set(disabledReason.get());
            return false;
        }
        if (t.isBlank()) {
            error.set(Note.of("input.blank"));
            return false;
        }
        if (length() > maxChars.get()) {
            error.set(Note.of("input.tooLong", length(), maxChars.get()));
            return false;
        }
        error.set(null);
        sender.accept(t.strip());
        text.set("");
        return true;
    }

    /// The server's `error` answer (rate limited, too long, …), shown beside the input.
    public void refused(String code, String message) {
        error.set(Note.of("input.refused", code, message));
    }
}
