package dev.parley.protocol;

import com.google.gson.JsonObject;
import com.google.gson.stream.JsonWriter;
import dev.parley.protocol.Message.FileInfo;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Pattern;

/// The `file` object of `chat` and `dm` (v2): strict for what a client shares
/// (`{sha256, name, mime?}`), lenient for what a server sends, and its JSON form.
final class FileFields {

    /// Longest file name kept, in code points; a longer one is cut (its extension kept).
    static final int MAX_NAME_CHARS = 200;

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MIME = Pattern.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}");

    private FileFields() {}

    /// The shared file of a client's message, null when there is none; refusals carry `ref`.
    static Checked<FileInfo> shared(JsonObject payload, String ref) {
        var file = JsonFields.object(payload, "file");
        if (file == null) {
            return Checked.ok(null);
        }
        var sha = JsonFields.string(file, "sha256");
        if (sha == null || !SHA256.matcher(sha.toLowerCase(Locale.ROOT)).matches()) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'file.sha256' must be 64 hexadecimal digits", ref);
        }
        var name = name(JsonFields.string(file, "name"));
        if (name == null) {
            return Checked.refused(ErrorCode.BAD_MESSAGE, "'file.name' must be a visible file name", ref);
        }
        return Checked.ok(new FileInfo(sha.toLowerCase(Locale.ROOT), name, null, mime(JsonFields.string(file, "mime")),
                null, null, null, null));
    }

    /// The last segment of a name a client sent, without control characters, at most
    /// [#MAX_NAME_CHARS]; null when nothing visible is left. A name is shown and offered as a
    /// download name, never used as a path on the host.
    static String name(String raw) {
        if (raw == null) {
            return null;
        }
        var name = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
                .replaceAll("\\p{Cntrl}", "").strip();
        if (Names.invisible(name) || Names.hasLoneSurrogate(name) || name.equals(".") || name.equals("..")) {
            return null;
        }
        if (name.codePointCount(0, name.length()) > MAX_NAME_CHARS) {
            int dot = name.lastIndexOf('.');
            var extension = dot > 0 && name.length() - dot <= 16 ? name.substring(dot) : "";
            name = name.substring(0, name.offsetByCodePoints(0, MAX_NAME_CHARS - extension.length())) + extension;
        }
        return name;
    }

    /// A plausible `type/subtype`, lower-cased; anything else is dropped (the server sniffs anyway).
    static String mime(String raw) {
        if (raw == null) {
            return null;
        }
        var mime = raw.strip().toLowerCase(Locale.ROOT);
        return MIME.matcher(mime).matches() ? mime : null;
    }

    /// Whatever a server sent; null when it is not an object with a sha256.
    static FileInfo received(JsonObject payload) {
        var element = payload.get("file");
        return element == null || !element.isJsonObject() ? null : fromObject(element.getAsJsonObject());
    }

    static FileInfo fromObject(JsonObject file) {
        var sha = JsonFields.string(file, "sha256");
        if (sha == null) {
            return null;
        }
        var size = JsonFields.whole(file, "size");
        var width = JsonFields.whole(file, "width");
        var height = JsonFields.whole(file, "height");
        return new FileInfo(sha, JsonFields.string(file, "name"), size, JsonFields.string(file, "mime"),
                JsonFields.string(file, "url"), JsonFields.string(file, "thumb"),
                width == null ? null : width.intValue(), height == null ? null : height.intValue());
    }

    static void write(JsonWriter json, FileInfo file) throws IOException {
        if (file == null) {
            return;
        }
        object(json.name("file"), file);
    }

    static void object(JsonWriter json, FileInfo file) throws IOException {
        json.beginObject();
        field(json, "sha256", file.sha256());
        field(json, "name", file.name());
        if (file.size() != null) {
            json.name("size").value(file.size());
        }
        field(json, "mime", file.mime());
        field(json, "url", file.url());
        field(json, "thumb", file.thumb());
        if (file.width() != null) {
            json.name("width").value(file.width());
        }
        if (file.height() != null) {
            json.name("height").value(file.height());
        }
        json.endObject();
    }

    private static void field(JsonWriter json, String name, String value) throws IOException {
        if (value != null) {
            json.name(name).value(value);
        }
    }
}
