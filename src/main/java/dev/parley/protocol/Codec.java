package dev.parley.protocol;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.parley.protocol.Message.ToClient;
import dev.parley.protocol.Message.ToServer;
import java.io.IOException;
import java.io.StringReader;

/// The one place where messages meet JSON. Encoding is [ProtocolWriter]'s; decoding is strict
/// for what a server receives ([#decodeToServer], validated against [Limits]) and lenient for
/// what a client receives ([#decodeToClient], which also accepts the seed's string payloads).
/// Nothing here throws on bad input: every problem is a [Checked.Refused] with its [ErrorCode].
public final class Codec {

    private final Limits limits;

    public Codec(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /// `{"type": …, "payload": …}` for any message.
    public static String encode(Message message) {
        return ProtocolWriter.write(message);
    }

    /// Decodes and validates a frame a client sent.
    public Checked<ToServer> decodeToServer(String json) {
        return envelope(json).flatMap(envelope -> {
            try {
                return new ServerBound(limits).decode(envelope.type(), envelope.payload());
            } catch (JsonFields.WrongType wrong) {
                return Checked.refused(ErrorCode.BAD_MESSAGE, wrong.getMessage(), envelope.type());
            }
        });
    }

    /// Decodes a frame a server sent: Parley's forms and the seed's (string `system`/`error`
    /// payloads, `chat` without `id`/`seq`/`room`).
    public static Checked<ToClient> decodeToClient(String json) {
        return envelope(json).flatMap(envelope -> {
            try {
                return ClientBound.decode(envelope.type(), envelope.payload());
            } catch (JsonFields.WrongType | IllegalStateException | UnsupportedOperationException wrong) {
                return Checked.refused(ErrorCode.BAD_MESSAGE, wrong.getMessage(), envelope.type());
            }
        });
    }

    /// The JSON object of a shared file alone (`{sha256, name, size, …}`): how a history store keeps it.
    public static String encodeFile(Message.FileInfo file) {
        var out = new java.io.StringWriter(160);
        try (var json = new com.google.gson.stream.JsonWriter(out)) {
            json.setHtmlSafe(false);
            FileFields.object(json, file);
        } catch (IOException impossible) {
            throw new java.io.UncheckedIOException(impossible);
        }
        return out.toString();
    }

    /// Reads what [#encodeFile] wrote; null for null or anything unreadable.
    public static Message.FileInfo decodeFile(String json) {
        if (json == null) {
            return null;
        }
        try {
            var element = JsonParser.parseString(json);
            return element.isJsonObject() ? FileFields.fromObject(element.getAsJsonObject()) : null;
        } catch (JsonParseException | JsonFields.WrongType unreadable) {
            return null;
        }
    }

    record Envelope(String type, JsonElement payload) {}

    private static Checked<Envelope> envelope(String json) {
        JsonElement root;
        try (var reader = new JsonReader(new StringReader(json))) {
            reader.setStrictness(Strictness.STRICT);
            if (json == null || json.isBlank()) {
                // Gson reads an empty document as JSON null; the seed calls it invalid JSON.
                return Checked.refused(ErrorCode.BAD_JSON, "message must be valid JSON");
            }
            root = JsonParser.parseReader(reader);
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return Checked.refused(ErrorCode.BAD_JSON, "message must be one valid JSON value");
            }
        } catch (JsonParseException | IOException | IllegalStateException | StackOverflowError bad) {
            return Checked.refused(ErrorCode.BAD_JSON, "message must be valid JSON");
        }
        if (!root.isJsonObject()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "message must be a JSON object {\"type\": …, \"payload\": …}");
        }
        JsonObject object = root.getAsJsonObject();
        var type = object.get("type");
        if (type == null || !type.isJsonPrimitive() || !type.getAsJsonPrimitive().isString()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "message needs a string 'type'");
        }
        return Checked.ok(new Envelope(type.getAsString(), object.get("payload")));
    }
}
