package dev.parley.server.files;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.regex.Pattern;
import org.eclipse.jetty.ee10.servlet.HttpOutput;

/// Sends a stored file, or one `Range` of it (206), from disk through a fixed buffer. Only a
/// raster image (by its own bytes) is shown inline; everything else (SVG, HTML, scripts…) is an
/// attachment of type `application/octet-stream`. Every answer forbids sniffing and runs any
/// document it might still be in a sandbox with nothing allowed.
final class Download {

    static final String SANDBOX = "sandbox; default-src 'none'";
    private static final int BUFFER = 1 << 20;
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

    private Download() {}

    /// The security headers of every answer of `/files`.
    static void protect(HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Security-Policy", SANDBOX);
        response.setHeader("X-Frame-Options", "DENY");
        // The url is the capability: never leak it to a site that a file might link to.
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    /// `mime` null sends `application/octet-stream` as an attachment named `name`.
    static void send(Path file, String mime, String name, String range, boolean body, HttpServletResponse response)
            throws IOException {
        long size = Files.size(file);
        long first = 0;
        long last = size - 1;
        if (range != null && !range.contains(",")) {
            var matcher = RANGE.matcher(range.strip());
            long[] bounds = matcher.matches() ? bounds(matcher.group(1), matcher.group(2), size) : null;
            if (bounds == null) {
                response.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                response.setHeader("Content-Range", "bytes */" + size);
                return;
            }
            first = bounds[0];
            last = bounds[1];
            response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
            response.setHeader("Content-Range", "bytes " + first + "-" + last + "/" + size);
        }
        response.setContentType(mime != null ? mime : "application/octet-stream");
        response.setHeader("Content-Disposition", (mime != null ? "inline" : "attachment") + disposition(name));
        response.setHeader("Accept-Ranges", "bytes");
        // Content-addressed: the bytes behind a url never change.
        response.setHeader("Cache-Control", "private, max-age=31536000, immutable");
        response.setContentLengthLong(last - first + 1);
        if (!body || size == 0) {
            return;
        }
        var out = response.getOutputStream();
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // A direct buffer goes to the socket as it is; a heap one would be copied once more.
            var direct = out instanceof HttpOutput;
            var buffer = direct ? ByteBuffer.allocateDirect((int) Math.min(BUFFER, last - first + 1))
                    : ByteBuffer.allocate((int) Math.min(BUFFER, last - first + 1));
            long at = first;
            while (at <= last) {
                buffer.clear().limit((int) Math.min(buffer.capacity(), last - at + 1));
                int read = channel.read(buffer, at);
                if (read < 0) {
                    break;
                }
                if (direct) {
                    ((HttpOutput) out).write(buffer.flip());
                } else {
                    out.write(buffer.array(), 0, read);
                }
                at += read;
            }
        }
    }

    /// `[first, last]` of `bytes=A-B`, `bytes=A-` or `bytes=-N` in a file of `size`; null when unsatisfiable.
    private static long[] bounds(String from, String to, long size) {
        if (from.isEmpty() && to.isEmpty()) {
            return null;
        }
        if (from.isEmpty()) {
            long suffix = Long.parseLong(to);
            return suffix == 0 || size == 0 ? null : new long[] {Math.max(0, size - suffix), size - 1};
        }
        long first = Long.parseLong(from);
        long last = to.isEmpty() ? size - 1 : Math.min(Long.parseLong(to), size - 1);
        return first >= size || last < first ? null : new long[] {first, last};
    }

    /// `; filename="ascii"; filename*=UTF-8''…` (RFC 6266): the ASCII form for old clients.
    private static String disposition(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        var ascii = name.replaceAll("[^\\x20-\\x7e]|[\"\\\\]", "_");
        return "; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
