package dev.parley.ui.search;

import dev.parley.ui.common.Note;
import dev.parley.client.ClientEvent;
import dev.parley.protocol.Limits;
import dev.parley.protocol.Message.Chat;
import java.util.function.Consumer;
import dev.parley.ui.common.Session;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/// The search field and its results: the stored messages of the joined rooms that contain the
/// query, newest first. Asks through a searcher (the client), takes the session's answers and ignores answers to queries typed over since. FX thread only.
public final class SearchViewModel {

    private final StringProperty query = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper asked = new ReadOnlyStringWrapper();
    private final ObservableList<Chat> results = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Note> status = new ReadOnlyObjectWrapper<>();
    private Consumer<String> searcher = q -> failed(new ClientEvent.SearchFailed(q, ClientEvent.SearchFailed.Problem.NOT_CONNECTED, null));
    private Consumer<Chat> opener = chat -> { };

    public StringProperty queryProperty() { return query; }
    /// The query whose results are shown (or awaited); the cells highlight it.
    public ReadOnlyStringProperty askedProperty() { return asked.getReadOnlyProperty(); }
    public ObservableList<Chat> results() { return FXCollections.unmodifiableObservableList(results); }
    public ReadOnlyObjectProperty<Note> statusProperty() { return status.getReadOnlyProperty(); }

    /// Searches through the session and takes its answers; a new connection clears the results.
    /// `newOpener` shows a chosen result (its conversation, scrolled to the line).
    public void listenTo(Session session, Consumer<Chat> newOpener) {
        connectTo(session::search, newOpener);
        session.attemptProperty().addListener((obs, old, attempt) -> reset());
        session.listen(event -> {
            switch (event) {
                case ClientEvent.SearchResults answer -> results(answer);
                case ClientEvent.SearchFailed failure -> failed(failure);
                default -> { }
            }
        });
    }

    /// `searcher` sends a query (may answer at once through [#failed]); `opener` shows a result.
    public void connectTo(Consumer<String> newSearcher, Consumer<Chat> newOpener) {
        this.searcher = newSearcher;
        this.opener = newOpener;
    }

    /// Esc: the query and its results go.
    public void close() {
        query.set("");
        reset();
    }

    /// Searches for the current query; a blank one clears the results.
    public void search() {
        var text = query.get() == null ? "" : query.get().strip();
        if (text.isEmpty()) {
            asked.set(null);
            results.clear();
            status.set(null);
            return;
        }
        if (text.codePointCount(0, text.length()) > Limits.MAX_SEARCH_CHARS) {
            status.set(Note.of("search.tooLong", Limits.MAX_SEARCH_CHARS));
            return;
        }
        if (text.equals(asked.get())) {
            return; // the field's text changed and changed back: the shown answer still holds
        }
        asked.set(text);
        status.set(Note.of("search.searching"));
        searcher.accept(text);
    }

    public void results(ClientEvent.SearchResults answer) {
        if (!answer.query().equals(asked.get())) {
            return;
        }
        results.setAll(answer.messages());
        status.set(answer.messages().isEmpty() ? Note.of("search.none", answer.query()) : Note.of("search.count", answer.messages().size()));
    }

    public void failed(ClientEvent.SearchFailed failure) {
        if (!failure.query().equals(asked.get())) {
            return;
        }
        asked.set(null); // the same query may be asked again, e.g. once connected
        results.clear();
        status.set(switch (failure.problem()) {
            case UNSUPPORTED -> Note.of("search.unsupported");
            case NOT_CONNECTED -> Note.of("search.offline");
            case REFUSED -> Note.of("search.refused", failure.detail());
        });
    }

    /// A result was chosen: show its line in its conversation.
    public void open(Chat chat) {
        if (chat != null && chat.room() != null) {
            opener.accept(chat);
        }
    }

    /// A new connection: old results belong to another server.
    public void reset() {
        asked.set(null);
        results.clear();
        status.set(null);
    }
}
