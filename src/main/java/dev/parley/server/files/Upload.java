package dev.parley.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/// One `PUT /files/{sha256}`: streamed to `partial/SHA256` through a fixed buffer (memory does
/// not grow with the file), hashed on the way, and moved to `blobs/` once the whole file is
/// there and its SHA-256 is the one in the url. A piece that ends early leaves the partial file
/// for the next piece (`Content-Range`), be it after a cut connection or a restart.
final class Upload {

    /// What the servlet answers: a status and a JSON body.
    record Answer(int status, String json) {}

    /// Big enough that disk writes and digest updates come in large strides.
    static final int BUFFER = 1 << 20;

    private static final Pattern RANGE = Pattern.compile("bytes (\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)");

    private final FileStore store;

    Upload(FileStore store) {
        this.store = store;
    }

    /// `contentRange` is the request's header (null when absent), `contentLength` its length (-1 unknown).
    Answer put(String sha, String contentRange, long contentLength, InputStream body) throws IOException {
        var blob = store.blob(sha);
        if (Files.isRegularFile(blob)) {
            return done(200, sha, Files.size(blob));
        }
        long start = 0;
        Long total = contentLength >= 0 ? contentLength : null;
        if (contentRange != null) {
            var range = RANGE.matcher(contentRange.strip());
            if (!range.matches()) {
                return problem(400, "Content-Range must be 'bytes START-END/TOTAL'");
            }
            start = Long.parseLong(range.group(1));
            total = range.group(3).equals("*") ? null : Long.parseLong(range.group(3));
            if (Long.parseLong(range.group(2)) < start || (total != null && Long.parseLong(range.group(2)) >= total)) {
                return problem(400, "Content-Range is not a range of the file");
            }
        }
        long max = store.limits().maxFileBytes();
        if ((total != null && total > max) || (contentLength >= 0 && start + contentLength > max)) {
            return problem(413, "files may be at most " + max + " bytes");
        }
        if (!store.startUpload(sha)) {
            return problem(409, "this file is being uploaded by another request");
        }
        try {
            return receive(sha, start, total, body);
        } finally {
            store.endUpload(sha);
        }
    }

    private Answer receive(String sha, long start, Long total, InputStream body) throws IOException {
        var partial = store.partial(sha);
        long received = Files.isRegularFile(partial) ? Files.size(partial) : 0;
        if (start != received && start != 0) {
            return new Answer(416, status(received, false));
        }
        var digest = sha256();
        try (var channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            OwnerOnly.file(partial);
            if (start == 0 && received > 0) {
                channel.truncate(0);
                store.release(received);
            } else {
                hashPrefix(channel, start, digest);
            }
            if (total != null && !store.hasRoom(total - start)) {
                return problem(507, "the server's space for files is full");
            }
            channel.position(start);
            long end = copy(body, channel, digest, start, total);
            if (end < 0) {
                store.release(Files.size(partial));
                channel.close();
                Files.deleteIfExists(partial);
                return -end == 413 ? problem(413, "files may be at most " + store.limits().maxFileBytes() + " bytes")
                        : problem((int) -end, "the server's space for files is full, or the body is longer than the range says");
            }
            if (total != null && end < total) {
                return new Answer(202, status(end, false));
            }
            if (!HexFormat.of().formatHex(digest.digest()).equals(sha)) {
                channel.close();
                Files.deleteIfExists(partial);
                store.release(end);
                return problem(422, "the content's SHA-256 is not " + sha + "; the upload was discarded");
            }
            channel.force(false);
        }
        Files.move(partial, store.blob(sha), StandardCopyOption.ATOMIC_MOVE);
        store.completed(sha);
        return done(201, sha, Files.size(store.blob(sha)));
    }

    /// Copies the body to the channel from `position`; returns where the file ends, or minus
    /// the status that stops it (413 past the largest file, 507 past the space, 400 past `total`).
    /// Whatever was read before a broken connection is written first, so a resume loses nothing.
    private long copy(InputStream body, FileChannel channel, MessageDigest digest, long position, Long total)
            throws IOException {
        long max = store.limits().maxFileBytes();
        try (var writer = new ChunkWriter(channel, digest, BUFFER)) {
            while (true) {
                var buffer = writer.buffer();
                int filled = 0;
                IOException broken = null;
                try {
                    int read;
                    while (filled < BUFFER && (read = body.read(buffer, filled, BUFFER - filled)) >= 0) {
                        filled += read;
                    }
                } catch (IOException cut) {
                    broken = cut;
                }
                if (filled > 0) {
                    if (position + filled > max) {
                        return -413;
                    }
                    if (total != null && position + filled > total) {
                        return -400;
                    }
                    if (!store.reserve(filled)) {
                        return -507;
                    }
                    writer.write(filled, position);
                    position += filled;
                }
                if (broken != null) {
                    writer.finish();
                    throw broken;
                }
                if (filled < BUFFER) {
                    writer.finish();
                    return position;
                }
            }
        }
    }

    /// An upload that continues must hash what is already on disk: a digest cannot be saved.
    private static void hashPrefix(FileChannel channel, long length, MessageDigest digest) throws IOException {
        var buffer = ByteBuffer.allocate(BUFFER);
        long at = 0;
        while (at < length) {
            buffer.clear().limit((int) Math.min(BUFFER, length - at));
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException("the partial file is shorter than it was");
            }
            at += read;
            digest.update(buffer.flip());
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is part of every JDK", impossible);
        }
    }

    static String status(long received, boolean complete) {
        return "{\"received\":" + received + ",\"complete\":" + complete + "}";
    }

    private static Answer done(int status, String sha, long size) {
        return new Answer(status, "{\"sha256\":\"" + sha + "\",\"size\":" + size + "}");
    }

    static Answer problem(int status, String message) {
        return new Answer(status, "{\"error\":\"" + message.replace("\"", "'") + "\"}");
    }
}
