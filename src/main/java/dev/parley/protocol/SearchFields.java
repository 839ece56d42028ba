package dev.parley.protocol;

import com.google.gson.JsonObject;
import dev.parley.protocol.Message.Search;
import dev.parley.protocol.Message.ToServer;

/// Validation of `search {query, room?, limit?}`: a query of 1–[Limits#MAX_SEARCH_CHARS]
/// visible characters, a valid room name if any, a limit of 1–[Limits#MAX_SEARCH_RESULTS].
/// Every refusal has `ref` "search", so a client can tell it from its other pending requests.
final class SearchFields {

    private static final String REF = "search";

    private SearchFields() {}

    static Checked<ToServer> search(JsonObject payload) {
        var raw = JsonFields.string(payload, "query");
        if (raw == null) {
            return refused("'query' is missing");
        }
        var query = raw.strip();
        if (Names.invisible(query)) {
            return refused("'query' is blank");
        }
        if (Names.hasLoneSurrogate(query)) {
            return refused("'query' is not valid Unicode");
        }
        if (query.codePointCount(0, query.length()) > Limits.MAX_SEARCH_CHARS) {
            return refused("'query' must be 1-" + Limits.MAX_SEARCH_CHARS + " characters");
        }
        var room = JsonFields.string(payload, "room");
        if (room != null) {
            if (!(Names.room(room) instanceof Checked.Ok<String>(var name))) {
                return refused("'room' is not a valid room name");
            }
            room = name;
        }
        var limit = JsonFields.whole(payload, "limit");
        if (limit != null && (limit < 1 || limit > Limits.MAX_SEARCH_RESULTS)) {
            return refused("'limit' must be 1-" + Limits.MAX_SEARCH_RESULTS);
        }
        return Checked.ok(new Search(query, room, limit == null ? null : limit.intValue()));
    }

    private static Checked<ToServer> refused(String message) {
        return Checked.refused(ErrorCode.BAD_MESSAGE, message, REF);
    }
}
