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

    /// One chat as it appears inside a `history` or `results` list.
    static String chat(Chat chat) {
        var out = new StringWriter(256);
        try (var json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            chat(json, chat);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /// A private message alone, as it stands in a conversation's `history`.
    static String dm(Message.Dm dm) {
        var out = new StringWriter(256);
        try (var json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            dm(json, dm);
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /// `history` or `results` (given with no messages) carrying `chats` encoded by [#chat(Chat)]
    /// or [#dm(Message.Dm)].
    static String withChats(Message.ToClient list, List<String> chats) {
        var out = new StringWriter(256);
        try (var json = new JsonWriter(out)) {
            json.setHtmlSafe(false);
            json.beginObject().name("type").value(list.type()).name("payload").beginObject();
            switch (list) {
                case Message.History history -> field(json, "room", history.room());
                case Message.ConversationHistory conversation -> field(json, "with", conversation.with());
                case Message.SearchResults results -> {
                    field(json, "query", results.query());
                    field(json, "room", results.room());
                }
                default -> throw new IllegalArgumentException("no list of chats in " + list.type());
            }
            json.name("messages").beginArray();
            for (var chat : chats) {
                json.jsonValue(chat);
            }
            json.endArray();
            if (list instanceof Message.History history) {
                json.name("complete").value(history.complete());
            } else if (list instanceof Message.ConversationHistory conversation) {
                json.name("complete").value(conversation.complete());
            }
            json.endObject().endObject();
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return out.toString();
    }

    private static void payload(JsonWriter json, Message message) throws IOException {
        switch (message) {
            case Message.SystemNotice(var text) -> json.value(text);
            case Message.SendChat(var text, var room, var cid, var file) -> {
                json.beginObject();
                field(json, "text", text);
                field(json, "room", room);
                field(json, "cid", cid);
                FileFields.write(json, file);
                json.endObject();
            }
            case Message.SendDm(var to, var text, var cid, var file) -> {
                json.beginObject();
                field(json, "to", to);
                field(json, "text", text);
                field(json, "cid", cid);
                FileFields.write(json, file);
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
            case Message.ConversationHistoryRequest(var with, var after, var before, var limit) -> {
                json.beginObject();
                field(json, "with", with);
                number(json, "after", after);
                number(json, "before", before);
                number(json, "limit", limit);
                json.endObject();
            }
            case Message.TypingTo(var to) -> {
                json.beginObject();
                field(json, "to", to);
                json.endObject();
            }
            case Message.ConversationTyping(var from, var to) -> two(json, "from", from, "to", to);
            case Message.ConversationHistory(var with, var messages, var complete) -> {
                json.beginObject();
                field(json, "with", with);
                json.name("messages").beginArray();
                for (var dm : messages) {
                    dm(json, dm);
                }
                json.endArray();
                json.name("complete").value(complete).endObject();
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
            case Message.Dm dm -> dm(json, dm);
            case Message.TypingNotice(var room, var from) -> two(json, "room", room, "from", from);
            case Message.Error(var code, var text, var ref, var room, var with) -> {
                json.beginObject();
                field(json, "code", code.wire());
                field(json, "message", text);
                field(json, "ref", ref);
                field(json, "room", room);
                field(json, "with", with);
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
        json.name("claimed").value(welcome.claimed());
        json.name("conversations").beginArray();
        for (var conversation : welcome.conversations()) {
            json.beginObject().name("with").value(conversation.with()).name("lastSeq").value(conversation.lastSeq()).endObject();
        }
        json.endArray();
        if (welcome.files() != null) {
            json.name("files").beginObject().name("maxBytes").value(welcome.files().maxBytes());
            field(json, "token", welcome.files().token());
            json.endObject();
        }
        json.endObject();
    }

    private static void dm(JsonWriter json, Message.Dm dm) throws IOException {
        json.beginObject();
        field(json, "id", dm.id());
        if (dm.seq() > 0) {
            json.name("seq").value(dm.seq());
        }
        field(json, "from", dm.from());
        field(json, "to", dm.to());
        field(json, "text", dm.text());
        field(json, "time", dm.time());
        field(json, "cid", dm.cid());
        FileFields.write(json, dm.file());
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
        FileFields.write(json, chat.file());
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

    private static void two(JsonWriter json, String name, String value, String otherName, String other) throws IOException {
        json.beginObject();
        field(json, name, value);
        field(json, otherName, other);
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
