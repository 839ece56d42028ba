package dev.parley.protocol;

import com.google.gson.stream.JsonWriter;
import dev.parley.protocol.Message.Chat;
import dev.parley.protocol.Message.Member;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/// Encodes messages with Gson's streaming writer: no reflection, absent (null) fields left out,
/// one exhaustive switch so that a new message type cannot be forgotten.
final class ProtocolWriter {

    private ProtocolWriter() {}

    static String write(Message message) {
        var out = new StringWriter(128);
        try (var json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject().name("type").value(message.type()).name("payload");
            payload(json, message);
            json.endObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static void payload(JsonWriter json, Message message) throws IOException {
        switch (message) {
            case Message.SystemNotice(var text) -> json.value(text);
            case Message.SendChat(var text, var room, var cid) -> {
                json.beginObject();
                field(json, "text", text);
                field(json, "room", room);
                field(json, "cid", cid);
                json.endObject();
            }
            case Message.SendDm(var to, var text, var cid) -> {
                json.beginObject();
                field(json, "to", to);
                field(json, "text", text);
                field(json, "cid", cid);
                json.endObject();
            }
            case Message.Join(var room) -> roomOnly(json, room);
            case Message.Leave(var room) -> roomOnly(json, room);
            case Message.Typing(var room) -> roomOnly(json, room);
            case Message.HistoryRequest(var room, var after, var before, var limit) -> {
                json.beginObject();
                field(json, "room", room);
                number(json, "after", after);
                number(json, "before", before);
                number(json, "limit", limit);
                json.endObject();
            }
            case Message.Ping(var t) -> stamp(json, t);
            case Message.Pong(var t) -> stamp(json, t);
            case Message.Welcome welcome -> welcome(json, welcome);
            case Message.Presence(var room, var members) -> {
                json.beginObject();
                field(json, "room", room);
                members(json, "members", members);
                json.endObject();
            }
            case Message.PresenceChange(var room, var joined, var left) -> {
                json.beginObject();
                field(json, "room", room);
                members(json, "joined", joined);
                json.name("left").beginArray();
                for (var clientId : left) {
                    json.value(clientId);
                }
                json.endArray().endObject();
            }
            case Message.SetStatus(var status) -> {
                json.beginObject();
                field(json, "status", status);
                json.endObject();
            }
            case Chat chat -> chat(json, chat);
            case Message.History(var room, var messages, var complete) -> {
                json.beginObject();
                field(json, "room", room);
                chats(json, messages);
                json.name("complete").value(complete).endObject();
            }
            case Message.Search(var query, var room, var limit) -> {
                json.beginObject();
                field(json, "query", query);
                field(json, "room", room);
                number(json, "limit", limit);
                json.endObject();
            }
            case Message.SearchResults(var query, var room, var messages) -> {
                json.beginObject();
                field(json, "query", query);
                field(json, "room", room);
                chats(json, messages);
                json.endObject();
            }
            case Message.Dm(var id, var from, var to, var text, var time, var cid) -> {
                json.beginObject();
                field(json, "id", id);
                field(json, "from", from);
                field(json, "to", to);
                field(json, "text", text);
                field(json, "time", time);
                field(json, "cid", cid);
                json.endObject();
            }
            case Message.TypingNotice(var room, var from) -> {
                json.beginObject();
                field(json, "room", room);
                field(json, "from", from);
                json.endObject();
            }
            case Message.Error(var code, var text, var ref) -> {
                json.beginObject();
                field(json, "code", code.wire());
                field(json, "message", text);
                field(json, "ref", ref);
                json.endObject();
            }
        }
    }

    private static void welcome(JsonWriter json, Message.Welcome welcome) throws IOException {
        json.beginObject();
        field(json, "clientId", welcome.clientId());
        field(json, "room", welcome.room());
        json.name("rooms").beginArray();
        for (var room : welcome.rooms()) {
            json.value(room);
        }
        json.endArray();
        if (welcome.server() != null) {
            json.name("server").beginObject();
            field(json, "name", welcome.server().name());
            field(json, "version", welcome.server().version());
            json.endObject();
        }
        if (welcome.limits() != null) {
            json.name("limits").beginObject()
                    .name("maxTextChars").value(welcome.limits().maxTextChars())
                    .name("maxFrameBytes").value(welcome.limits().maxFrameBytes())
                    .name("messagesPerSecond").value(welcome.limits().messagesPerSecond())
                    .endObject();
        }
        field(json, "renamedFrom", welcome.renamedFrom());
        json.endObject();
    }

    private static void members(JsonWriter json, String name, List<Member> members) throws IOException {
        json.name(name).beginArray();
        for (Member member : members) {
            json.beginObject();
            field(json, "clientId", member.clientId());
            field(json, "since", member.since());
            field(json, "address", member.address());
            field(json, "status", member.status());
            json.endObject();
        }
        json.endArray();
    }

    private static void chats(JsonWriter json, List<Chat> messages) throws IOException {
        json.name("messages").beginArray();
        for (var chat : messages) {
            chat(json, chat);
        }
        json.endArray();
    }

    private static void chat(JsonWriter json, Chat chat) throws IOException {
        json.beginObject();
        field(json, "id", chat.id());
        field(json, "room", chat.room());
        if (chat.seq() > 0) {
            json.name("seq").value(chat.seq());
        }
        field(json, "from", chat.from());
        field(json, "text", chat.text());
        field(json, "time", chat.time());
        field(json, "cid", chat.cid());
        json.endObject();
    }

    /// `{t}` of ping and pong; a whole number (`Date.now()`) is written without a fraction.
    private static void stamp(JsonWriter json, Double t) throws IOException {
        json.beginObject();
        if (t != null) {
            json.name("t");
            if (t == Math.rint(t) && Math.abs(t) < 0x1p53) {
                json.value(t.longValue());
            } else {
                json.value(t);
            }
        }
        json.endObject();
    }

    private static void roomOnly(JsonWriter json, String room) throws IOException {
        json.beginObject();
        field(json, "room", room);
        json.endObject();
    }

    private static void field(JsonWriter json, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }

    private static void number(JsonWriter json, String name, Number value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }
}
