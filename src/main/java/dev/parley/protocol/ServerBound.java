package dev.parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.protocol.Message.HistoryRequest;
import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Join;
import dev.parley.protocol.Message.Leave;
import dev.parley.protocol.Message.Ping;
import dev.parley.protocol.Message.SendChat;
import dev.parley.protocol.Message.SendDm;
import dev.parley.protocol.Message.ToServer;
import dev.parley.protocol.Message.Typing;
import java.util.function.Function;

/// Strict decoding and validation of client → server messages.
final class ServerBound {

    private final Limits limits;

    ServerBound(Limits limits) {
        this.limits = limits;
    }

    /// The wire types a client may send, each with the decoder of its object payload: the one
    /// table a new type is added to (its record and [ProtocolWriter] case aside); `null` for any
    /// other type.
    private Function<JsonObject, Checked<ToServer>> decoder(String type) {
        return switch (type) {
            case "chat" -> payload -> withCidRef(payload, type, this::chat);
            case "dm" -> payload -> withCidRef(payload, type, this::dm);
            case "join" -> payload -> room(payload, type).map(Join::new);
            case "leave" -> payload -> room(payload, type).map(Leave::new);
            case "typing" -> payload -> payload.has("to") ? recipient(payload, type).map(Message.TypingTo::new)
                    : room(payload, type).map(Typing::new);
            case "history" -> payload -> payload.has("with") ? conversationHistory(payload) : history(payload);
            case "ping" -> payload -> Checked.ok(new Ping(JsonFields.number(payload, "t")));
            case "search" -> SearchFields::search;
            case "status" -> ServerBound::status;
            default -> null;
        };
    }

    Checked<ToServer> decode(String type, JsonElement payloadElement) {
        var decoder = decoder(type);
        // Unknown types first: a huge `type` must never be echoed back in full.
        if (decoder == null) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "unknown message type '" + clip(type) + "'", clip(type));
        }
        if (type.equals("ping") && (payloadElement == null || payloadElement.isJsonNull())) {
            // The payload of a ping is optional; `{"type":"ping"}` is fine.
            return Checked.ok(new Ping(null));
        }
        if (payloadElement == null || !payloadElement.isJsonObject()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'" + type + "' needs an object payload", type);
        }
        return decoder.apply(payloadElement.getAsJsonObject());
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
        return FileFields.shared(payload, ref).flatMap(shared -> text(payload, ref, shared != null)
                .flatMap(text -> sendChat(payload, ref, text, cid, shared)));
    }

    private static Checked<ToServer> sendChat(JsonObject payload, String ref, String text, String cid, Message.FileInfo shared) {
        var room = JsonFields.string(payload, "room");
        if (room != null) {
            var checked = Names.room(room);
            if (!(checked instanceof Checked.Ok<String>(var name))) {
                var refused = (Checked.Refused<String>) checked;
                return Checked.refused(refused.code(), refused.message(), ref);
            }
            room = name;
        }
        return Checked.ok(new SendChat(text, room, cid, shared));
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
        return FileFields.shared(payload, ref).flatMap(shared -> text(payload, ref, shared != null)
                .map(text -> new SendDm(to.strip(), text, cid, shared)));
    }

    private Checked<ToServer> history(JsonObject payload) {
        return room(payload, "history").flatMap(name -> page(payload, (after, before, limit) -> new HistoryRequest(name, after, before, limit)));
    }

    /// `history {with, …}`: a page of the private conversation with `with`.
    private Checked<ToServer> conversationHistory(JsonObject payload) {
        return recipient(payload, "history").flatMap(name -> page(payload,
                (after, before, limit) -> new Message.ConversationHistoryRequest(name, after, before, limit)));
    }

    private interface PageRequest {
        ToServer of(Long after, Long before, Integer limit);
    }

    private static Checked<ToServer> page(JsonObject payload, PageRequest request) {
        var after = JsonFields.whole(payload, "after");
        var before = JsonFields.whole(payload, "before");
        var limit = JsonFields.whole(payload, "limit");
        if ((after != null && after < 0) || (before != null && before < 0)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'after' and 'before' must not be negative", "history");
        }
        if (limit != null && (limit < 1 || limit > Limits.MAX_HISTORY_PAGE)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'limit' must be 1-" + Limits.MAX_HISTORY_PAGE, "history");
        }
        return Checked.ok(request.of(after, before, limit == null ? null : limit.intValue()));
    }

    /// The other member of a private conversation (`to` of typing, `with` of history).
    private static Checked<String> recipient(JsonObject payload, String type) {
        var field = payload.has("with") ? "with" : "to";
        var checked = Names.clientId(JsonFields.string(payload, field));
        if (checked instanceof Checked.Refused<String>(var code, var message, var ignored)) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'" + field + "': " + message, type);
        }
        return checked;
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

    /// The seed trims text and refuses blank text; so do we, except for the caption of a shared
    /// file, which may be missing or empty. Length counts code points.
    private Checked<String> text(JsonObject payload, String ref, boolean caption) {
        var raw = JsonFields.string(payload, "text");
        if (raw == null && !caption) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'text' is missing", ref);
        }
        var text = raw == null ? "" : raw.strip();
        if (Names.invisible(text) && !(caption && text.isEmpty())) {
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
