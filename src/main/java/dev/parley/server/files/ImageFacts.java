package dev.parley.server.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;

/// What a stored file's own bytes say it is: a raster image (png, jpeg, gif, webp, recognised by
/// their signatures, never by what a client claimed) and, when the JDK reads its header, its
/// declared size. Reading the header decodes no pixels, so a decompression bomb costs nothing here.
record ImageFacts(String mime, Integer width, Integer height) {

    static final ImageFacts NOT_AN_IMAGE = new ImageFacts(null, null, null);

    /// More pixels than any photo; a thumbnail of more would be a decompression bomb's payload.
    static final long MAX_PIXELS = 64L * 1024 * 1024;
    static final int MAX_SIDE = 32_768;

    boolean raster() {
        return mime != null;
    }

    /// Whether a thumbnail may be made: a header the JDK reads, with sane dimensions.
    boolean thumbnailable() {
        return width != null && height != null && width > 0 && height > 0 && width <= MAX_SIDE && height <= MAX_SIDE
                && (long) width * height <= MAX_PIXELS;
    }

    static ImageFacts of(Path file) {
        var mime = sniff(file);
        if (mime == null) {
            return NOT_AN_IMAGE;
        }
        try (var input = ImageIO.createImageInputStream(file.toFile())) {
            var readers = input == null ? null : ImageIO.getImageReaders(input);
            if (readers == null || !readers.hasNext()) {
                return new ImageFacts(mime, null, null);
            }
            var reader = readers.next();
            try {
                reader.setInput(input, true, true);
                return new ImageFacts(mime, reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException unreadable) {
            return new ImageFacts(mime, null, null);
        }
    }

    /// The raster type its first bytes announce, or null.
    static String sniff(Path file) {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(12);
        } catch (IOException unreadable) {
            return null;
        }
        if (starts(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return "image/png";
        }
        if (starts(head, 0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(head, 'G', 'I', 'F', '8') && head.length >= 6 && (head[4] == '7' || head[4] == '9') && head[5] == 'a') {
            return "image/gif";
        }
        if (starts(head, 'R', 'I', 'F', 'F') && head.length >= 12
                && Arrays.equals(Arrays.copyOfRange(head, 8, 12), new byte[] {'W', 'E', 'B', 'P'})) {
            return "image/webp";
        }
        return null;
    }

    private static boolean starts(byte[] head, int... signature) {
        if (head.length < signature.length) {
            return false;
        }
        for (int i = 0; i < signature.length; i++) {
            if ((head[i] & 0xFF) != signature[i]) {
                return false;
            }
        }
        return true;
    }
}
