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

/// Strict decoding and validation of client → server messages.
final class ServerBound {

    private final Limits limits;

    ServerBound(Limits limits) {
        this.limits = limits;
    }

    Checked<ToServer> decode(String type, JsonElement payloadElement) {
        if (type.equals("ping")) {
            // The payload of a ping is optional; `{"type":"ping"}` is fine.
            var payload = payloadElement != null && payloadElement.isJsonObject() ? payloadElement.getAsJsonObject() : new JsonObject();
            return Checked.ok(new Ping(JsonFields.number(payload, "t")));
        }
        if (payloadElement == null || !payloadElement.isJsonObject()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'" + type + "' needs an object payload", type);
        }
        var payload = payloadElement.getAsJsonObject();
        return switch (type) {
            case "chat" -> chat(payload);
            case "dm" -> dm(payload);
            case "join" -> room(payload, type).map(Join::new);
            case "leave" -> room(payload, type).map(Leave::new);
            case "typing" -> room(payload, type).map(Typing::new);
            case "history" -> history(payload);
            default -> Checked.refused(ErrorCode.BAD_MESSAGE, "unknown message type '" + clip(type) + "'", clip(type));
        };
    }

    private Checked<ToServer> chat(JsonObject payload) {
        var cid = JsonFields.string(payload, "cid");
        var ref = cid != null ? clip(cid) : "chat";
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
        var ref = cid != null ? clip(cid) : "dm";
        var cidProblem = checkCid(cid, ref);
        if (cidProblem != null) {
            return cidProblem;
        }
        var to = JsonFields.string(payload, "to");
        if (to == null || to.isBlank()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'dm' needs 'to'", ref);
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
        if (text.isEmpty()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'text' is blank", ref);
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

    private static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
