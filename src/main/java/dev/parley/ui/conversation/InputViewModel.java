package dev.parley.ui.conversation;

import dev.parley.ui.common.Note;
import dev.parley.protocol.Limits;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/// The message being typed: refuses blank and too-long text, counts characters near the limit,
/// says why sending is off while disconnected, shows the server's last refusal. FX thread only.
public final class InputViewModel {

    /// The counter appears once the text uses this share of the limit.
    static final double COUNTER_FROM = 0.8;

    private final StringProperty text = new SimpleStringProperty("");
    private final IntegerProperty maxChars = new SimpleIntegerProperty(Limits.DEFAULTS.maxTextChars());
    private final BooleanProperty connected = new SimpleBooleanProperty();
    private final ObjectProperty<Note> disabledReason = new SimpleObjectProperty<>(Note.of("input.off.disconnected"));
    private final ObjectProperty<Note> error = new SimpleObjectProperty<>();
    private final BooleanBinding counterVisible;
    private Consumer<String> sender = text -> { };

    public InputViewModel() {
        counterVisible = Bindings.createBooleanBinding(
                () -> length() >= maxChars.get() * COUNTER_FROM, text, maxChars);
    }

    public StringProperty textProperty() { return text; }
    public IntegerProperty maxCharsProperty() { return maxChars; }
    public BooleanProperty connectedProperty() { return connected; }
    public ObjectProperty<Note> disabledReasonProperty() { return disabledReason; }
    public ObjectProperty<Note> errorProperty() { return error; }
    public BooleanBinding counterVisibleProperty() { return counterVisible; }

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
