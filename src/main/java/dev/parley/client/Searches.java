package dev.parley.client;

import dev.parley.client.ClientEvent.SearchFailed;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Message;
import java.util.ArrayDeque;
import java.util.function.Consumer;

/// The client's side of `search`: sends it, pairs each answer (`results` by its query, an
/// `error` with `ref` "search" with the oldest question) and reports it. A server without
/// search — the seed's, or a Parley server older than the addition — answers `error`; that
/// becomes [SearchFailed.Problem#UNSUPPORTED] instead of a refusal shown as chat. Loop thread only.
final class Searches {

    private static final String REF = "search";

    private final Conversation.Link link;
    private final Consumer<ClientEvent> emit;
    private final ArrayDeque<String> pending = new ArrayDeque<>();

    Searches(Conversation.Link link, Consumer<ClientEvent> emit) {
        this.link = link;
        this.emit = emit;
    }

    void search(String query, String room) {
        if (link.seed()) {
            // The seed would answer "非法消息格式"; no need to ask.
            emit.accept(new SearchFailed(query, SearchFailed.Problem.UNSUPPORTED, "this server cannot search"));
        } else if (link.send(new Message.Search(query, room, null))) {
            pending.add(query);
        } else {
            emit.accept(new SearchFailed(query, SearchFailed.Problem.NOT_CONNECTED, "not connected; search again when connected"));
        }
    }

    void results(Message.SearchResults results) {
        pending.remove(results.query());
        emit.accept(new ClientEvent.SearchResults(results.query(), results.messages()));
    }

    /// True when `error` answers a search (then nobody else should report it).
    boolean refused(Message.Error error) {
        boolean ours = REF.equals(error.ref()) || (error.ref() == null && link.seed());
        if (!ours || pending.isEmpty()) {
            return false;
        }
        var query = pending.poll();
        if (unsupported(error)) {
            emit.accept(new SearchFailed(query, SearchFailed.Problem.UNSUPPORTED, "this server cannot search"));
        } else {
            emit.accept(new SearchFailed(query, SearchFailed.Problem.REFUSED, error.message()));
        }
        return true;
    }

    /// The answer is lost with the connection: say so rather than wait for ever.
    void disconnected() {
        while (!pending.isEmpty()) {
            emit.accept(new SearchFailed(pending.poll(), SearchFailed.Problem.NOT_CONNECTED, "the connection was lost; search again"));
        }
    }

    private static boolean unsupported(Message.Error error) {
        return error.code() == ErrorCode.OTHER && error.ref() == null
                || error.code() == ErrorCode.BAD_MESSAGE && error.message().startsWith("unknown message type");
    }
}
