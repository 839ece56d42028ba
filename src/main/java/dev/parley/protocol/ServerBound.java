package dev.parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message.Join;
import dev.parley.protocol.Message.Leave;
import dev.parley.protocol.Message.Ping;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import dev.parley.protocol.Message.ToServer;
import dev.parley.protocol.Message.Typing;
import java.util.Set;
import java.util.function.Function;

/// Strict decoding and validation of client → server messages.
final class ServerBound {

    private static final Set<String> KNOWN_TYPES = Set.of("chat", "dm", "join", "leave", "typing", "history", "ping", "search", "status");

    private final Limits limits;

    ServerBound(Limits limits) {
        this.limits = limits;
    }

    Checked<ToServer> decode(String type, JsonElement payloadElement) {
        // Unknown types first: a huge `type` must never be echoed back in full.
        if (!KNOWN_TYPES.contains(type)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "unknown message type '" + clip(type) + "'", clip(type));
        }
        if (type.equals("ping") && (payloadElement == null || payloadElement.isJsonNull())) {
            // The payload of a ping is optional; `{"type":"ping"}` is fine.
            return Checked.ok(new Ping(null));
        }
        if (payloadElement == null || !payloadElement.isJsonObject()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'" + type + "' needs an object payload", type);
        }
        var payload = payloadElement.getAsJsonObject();
        return switch (type) {
            case "chat" -> withCidRef(payload, type, this::chat);
            case "dm" -> withCidRef(payload, type, this::dm);
            case "join" -> room(payload, type).map(Join::new);
            case "leave" -> room(payload, type).map(Leave::new);
            case "typing" -> room(payload, type).map(Typing::new);
            case "history" -> history(payload);
            case "ping" -> Checked.ok(new Ping(JsonFields.number(payload, "t")));
            case "search" -> SearchFields.search(payload);
            case "status" -> status(payload);
            // Unreachable while KNOWN_TYPES matches this switch; a refusal all the same, never a throw into Jetty.
            default -> Checked.refused(ErrorCode.BAD_MESSAGE, "unknown message type '" + type + "'", type);
        };
    }

    /// A wrong-typed field of a message that carries a `cid` is refused with that `cid` as `ref`,
    /// so the sender can tell which of its pending messages failed.
    private static Checked<ToServer> withCidRef(JsonObject payload, String type, Function<JsonObject, Checked<ToServer>> decoder) {
        try {
            return decoder.apply(payload);
        } catch (JsonFields.WrongType wrong) {
            var cid = payload.get("cid");
            var text = cid != null && cid.isJsonPrimitive() && cid.getAsJsonPrimitive().isString() ? cid.getAsString() : null;
            return Checked.refused(ErrorCode.BAD_MESSAGE, wrong.getMessage(), ref(text, type));
        }
    }

    private Checked<ToServer> chat(JsonObject payload) {
        var cid = JsonFields.string(payload, "cid");
        var ref = ref(cid, "chat");
        var cidProblem = checkCid(cid, ref);
        if (cidProblem != null) {
            return cidProblem;
        }
        var text = text(payload, ref);
        if (!(text instanceof Checked.Ok<String>(var value))) {
            return ((Checked.Refused<String>) text).cast();
        }
        var room = JsonFields.string(payload, "room");
        if (room != null) {
            var checked = Names.room(room);
            if (!(checked instanceof Checked.Ok<String>(var name))) {
                var refused = (Checked.Refused<String>) checked;
                return Checked.refused(refused.code(), refused.message(), ref);
            }
            room = name;
        }
        return Checked.ok(new SendChat(value, room, cid));
    }

    private Checked<ToServer> dm(JsonObject payload) {
        var cid = JsonFields.string(payload, "cid");
        var ref = ref(cid, "dm");
        var cidProblem = checkCid(cid, ref);
        if (cidProblem != null) {
            return cidProblem;
        }
        var to = JsonFields.string(payload, "to");
        if (to == null || to.isBlank()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'dm' needs 'to'", ref);
        }
        if (!Names.clientId(to).isOk()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'to' is not a valid name", ref);
        }
        var text = text(payload, ref);
        if (!(text instanceof Checked.Ok<String>(var value))) {
            return ((Checked.Refused<String>) text).cast();
        }
        return Checked.ok(new SendDm(to.strip(), value, cid));
    }

    private Checked<ToServer> history(JsonObject payload) {
        var room = room(payload, "history");
        if (!(room instanceof Checked.Ok<String>(var name))) {
            return ((Checked.Refused<String>) room).cast();
        }
        var after = JsonFields.whole(payload, "after");
        var before = JsonFields.whole(payload, "before");
        var limit = JsonFields.whole(payload, "limit");
        if ((after != null && after < 0) || (before != null && before < 0)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'after' and 'before' must not be negative", "history");
        }
        if (limit != null && (limit < 1 || limit > Limits.MAX_HISTORY_PAGE)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'limit' must be 1-" + Limits.MAX_HISTORY_PAGE, "history");
        }
        return Checked.ok(new HistoryRequest(name, after, before, limit == null ? null : limit.intValue()));
    }

    private static Checked<ToServer> status(JsonObject payload) {
        var status = JsonFields.string(payload, "status");
        if (status == null || !Message.Member.STATUSES.contains(status)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'status' must be online, away or dnd", "status");
        }
        return Checked.ok(new Message.SetStatus(status));
    }

    private static Checked<String> room(JsonObject payload, String type) {
        var checked = Names.room(JsonFields.string(payload, "room"));
        if (checked instanceof Checked.Refused<String>(var code, var message, var ignored)) {
            return Checked.refused(code, message, type);
        }
        return checked;
    }

    /// The seed trims text and refuses blank text; so do we. Length counts code points.
    private Checked<String> text(JsonObject payload, String ref) {
        var raw = JsonFields.string(payload, "text");
        if (raw == null) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'text' is missing", ref);
        }
        var text = raw.strip();
        if (Names.invisible(text)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'text' is blank", ref);
        }
        if (Names.hasLoneSurrogate(text)) {
            // "\ud800" is valid JSON but no valid UTF-8: it could be neither stored nor sent back intact.
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'text' is not valid Unicode", ref);
        }
        if (text.length() > limits.maxTextChars() && text.codePointCount(0, text.length()) > limits.maxTextChars()) {
            return Checked.refused(ErrorCode.TOO_LARGE, "text is longer than " + limits.maxTextChars() + " characters", ref);
        }
        return Checked.ok(text);
    }

    private static Checked<ToServer> checkCid(String cid, String ref) {
        if (cid != null && (cid.isEmpty() || cid.length() > Limits.MAX_CID_CHARS)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'cid' must be 1-" + Limits.MAX_CID_CHARS + " characters", ref);
        }
        return null;
    }

    private static String ref(String cid, String type) {
        return cid == null || cid.isEmpty() ? type : clip(cid);
    }

    private static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
