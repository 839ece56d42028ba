package dev.parley.server.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/// The capability key in a file's url: an HMAC of its sha256 with a secret that never leaves
/// the server, so only those who saw a message sharing the file can fetch it. The secret is
/// kept in the files folder, so that urls in stored messages stay valid after a restart.
final class FileKeys {

    private static final int SECRET_BYTES = 32;
    /// 128 bits of the HMAC: far beyond guessing, and a url of readable length.
    private static final int KEY_HEX_CHARS = 32;

    private final SecretKeySpec secret;

    private FileKeys(byte[] secret) {
        this.secret = new SecretKeySpec(secret, "HmacSHA256");
    }

    /// Reads `file`, or makes it (owner-only) with a fresh random secret.
    static FileKeys load(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == SECRET_BYTES) {
            return new FileKeys(Files.readAllBytes(file));
        }
        var bytes = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(bytes);
        var temporary = file.resolveSibling(file.getFileName() + ".new");
        Files.write(temporary, bytes, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        OwnerOnly.file(temporary);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return new FileKeys(bytes);
    }

    String key(String sha256) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal(sha256.getBytes(StandardCharsets.US_ASCII))).substring(0, KEY_HEX_CHARS);
        } catch (GeneralSecurityException impossible) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
        }
    }

    /// Constant-time, so that a key cannot be found a character at a time.
    boolean matches(String sha256, String key) {
        return key != null && MessageDigest.isEqual(key(sha256).getBytes(StandardCharsets.US_ASCII),
                key.getBytes(StandardCharsets.US_ASCII));
    }
}
