package dev.parley.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.parley.protocol.Message.AdvertisedLimits;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.Dm;
import dev.parley.protocol.Message.Error;
import dev.parley.protocol.Message.History;
import dev.parley.protocol.Message.Member;
import dev.parley.protocol.Message.Pong;
import dev.parley.protocol.Message.Presence;
import dev.parley.protocol.Message.ServerInfo;
import dev.parley.protocol.Message.SystemNotice;
import dev.parley.protocol.Message.ToClient;
import dev.parley.protocol.Message.TypingNotice;
import dev.parley.protocol.Message.Welcome;
import java.util.ArrayList;
import java.util.List;

/// Lenient decoding of server → client messages: Parley's forms and the seed's.
final class ClientBound {

    private ClientBound() {}

    static Checked<ToClient> decode(String type, JsonElement payload) {
        // The seed sends `system` and `error` with a plain string payload.
        if (payload != null && payload.isJsonPrimitive()) {
            var text = payload.getAsString();
            return switch (type) {
                case "system" -> Checked.ok(new SystemNotice(text));
                case "error" -> Checked.ok(new Error(ErrorCode.OTHER, text, null));
                default -> Checked.refused(ErrorCode.BAD_MESSAGE, "'" + type + "' with a string payload", type);
            };
        }
        var object = payload != null && payload.isJsonObject() ? payload.getAsJsonObject() : new JsonObject();
        return switch (type) {
            case "welcome" -> Checked.ok(welcome(object));
            case "system" -> Checked.ok(new SystemNotice(orEmpty(firstString(object, "text", "message"))));
            case "presence" -> Checked.ok(presence(object));
            case "history" -> object.has("with")
                    ? Checked.ok(new Message.ConversationHistory(JsonFields.string(object, "with"),
                            dms(object), JsonFields.bool(object, "complete", false)))
                    : Checked.ok(new History(JsonFields.string(object, "room"),
                            chats(object, "messages"), JsonFields.bool(object, "complete", false)));
            case "results" -> Checked.ok(new Message.SearchResults(orEmpty(JsonFields.string(object, "query")),
                    JsonFields.string(object, "room"), chats(object, "messages")));
            case "chat" -> chat(object).map(chat -> chat);
            case "dm" -> Checked.ok(dm(object));
            case "typing" -> object.has("to")
                    ? Checked.ok(new Message.ConversationTyping(JsonFields.string(object, "from"), JsonFields.string(object, "to")))
                    : Checked.ok(new TypingNotice(JsonFields.string(object, "room"), JsonFields.string(object, "from")));
            case "pong" -> Checked.ok(new Pong(JsonFields.number(object, "t")));
            case "error" -> Checked.ok(new Error(ErrorCode.fromWire(JsonFields.string(object, "code")),
                    orEmpty(firstString(object, "message", "text")), JsonFields.string(object, "ref"),
                    JsonFields.string(object, "room"), JsonFields.string(object, "with")));
            default -> Checked.refused(ErrorCode.BAD_MESSAGE, "unknown message type '" + type + "'", type);
        };
    }

    private static Welcome welcome(JsonObject object) {
        var server = JsonFields.object(object, "server");
        var limits = JsonFields.object(object, "limits");
        var rooms = new ArrayList<String>();
        var array = object.get("rooms");
        if (array != null && array.isJsonArray()) {
            array.getAsJsonArray().forEach(room -> rooms.add(room.getAsString()));
        }
        return new Welcome(JsonFields.string(object, "clientId"), JsonFields.string(object, "room"), List.copyOf(rooms),
                server == null ? null : new ServerInfo(JsonFields.string(server, "name"), JsonFields.string(server, "version")),
                limits == null ? null : new AdvertisedLimits(
                        intOr(JsonFields.whole(limits, "maxTextChars"), Limits.DEFAULTS.maxTextChars()),
                        intOr(JsonFields.whole(limits, "maxFrameBytes"), Limits.DEFAULTS.maxFrameBytes()),
                        doubleOr(JsonFields.number(limits, "messagesPerSecond"), Limits.DEFAULTS.messagesPerSecond())),
                JsonFields.string(object, "renamedFrom"), JsonFields.bool(object, "claimed", false), conversations(object),
                fileUploads(object));
    }

    private static List<Message.ConversationSummary> conversations(JsonObject object) {
        var result = new ArrayList<Message.ConversationSummary>();
        for (var element : array(object, "conversations")) {
            if (element.isJsonObject()) {
                var entry = element.getAsJsonObject();
                var with = JsonFields.string(entry, "with");
                var lastSeq = JsonFields.whole(entry, "lastSeq");
                if (with != null) {
                    result.add(new Message.ConversationSummary(with, lastSeq == null ? 0 : lastSeq));
                }
            }
        }
        return List.copyOf(result);
    }

    private static Dm dm(JsonObject object) {
        var seq = JsonFields.whole(object, "seq");
        return new Dm(JsonFields.string(object, "id"), seq == null ? 0 : seq, orEmpty(JsonFields.string(object, "from")),
                JsonFields.string(object, "to"), orEmpty(JsonFields.string(object, "text")),
                JsonFields.string(object, "time"), JsonFields.string(object, "cid"), FileFields.received(object));
    }

    private static List<Dm> dms(JsonObject object) {
        var result = new ArrayList<Dm>();
        for (var element : array(object, "messages")) {
            if (element.isJsonObject()) {
                result.add(dm(element.getAsJsonObject()));
            }
        }
        return List.copyOf(result);
    }

    private static Message.FileUploads fileUploads(JsonObject object) {
        var files = JsonFields.object(object, "files");
        var max = files == null ? null : JsonFields.whole(files, "maxBytes");
        return max == null ? null : new Message.FileUploads(max, JsonFields.string(files, "token"));
    }

    static Checked<Chat> chat(JsonObject object) {
        var text = JsonFields.string(object, "text");
        if (text == null) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'chat' without 'text'", "chat");
        }
        var seq = JsonFields.whole(object, "seq");
        return Checked.ok(new Chat(JsonFields.string(object, "id"), JsonFields.string(object, "room"),
                seq == null ? 0 : seq, orEmpty(JsonFields.string(object, "from")), text,
                JsonFields.string(object, "time"), JsonFields.string(object, "cid"), FileFields.received(object)));
    }

    private static List<Chat> chats(JsonObject object, String field) {
        var result = new ArrayList<Chat>();
        for (var element : array(object, field)) {
            if (element.isJsonObject() && chat(element.getAsJsonObject()) instanceof Checked.Ok<Chat>(var chat)) {
                result.add(chat);
            }
        }
        return List.copyOf(result);
    }

    /// `members` is a full list (v1's form, and a v2 joiner's first page); without it, a delta.
    private static ToClient presence(JsonObject object) {
        var room = JsonFields.string(object, "room");
        if (object.has("members") || !(object.has("joined") || object.has("left"))) {
            return new Presence(room, members(object, "members"));
        }
        var left = new ArrayList<String>();
        for (var element : array(object, "left")) {
            if (element.isJsonPrimitive()) {
                left.add(element.getAsString());
            }
        }
        return new Message.PresenceChange(room, members(object, "joined"), List.copyOf(left));
    }

    private static List<Member> members(JsonObject object, String field) {
        var result = new ArrayList<Member>();
        for (var element : array(object, field)) {
            if (element.isJsonObject()) {
                var member = element.getAsJsonObject();
                var status = JsonFields.string(member, "status");
                result.add(new Member(orEmpty(JsonFields.string(member, "clientId")),
                        JsonFields.string(member, "since"), JsonFields.string(member, "address"),
                        // A status this client does not know (a newer server's) reads as online.
                        status != null && Member.STATUSES.contains(status) ? status : Member.ONLINE));
            }
        }
        return List.copyOf(result);
    }

    private static JsonArray array(JsonObject object, String field) {
        var element = object.get(field);
        return element != null && element.isJsonArray() ? element.getAsJsonArray() : new JsonArray();
    }

    private static String firstString(JsonObject object, String... names) {
        for (var name : names) {
            var value = JsonFields.string(object, name);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    private static int intOr(Long value, int otherwise) {
        return value == null ? otherwise : (int) Math.min(Integer.MAX_VALUE, value);
    }

    private static double doubleOr(Double value, double otherwise) {
        return value == null ? otherwise : value;
    }
}
