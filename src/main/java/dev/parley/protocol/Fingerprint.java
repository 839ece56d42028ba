package dev.parley.protocol;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/// A TLS certificate's SHA-256 fingerprint as Parley shows and pins it: 32 bytes in uppercase
/// hex pairs joined by `:` (`AB:01:…`), the form browsers and `openssl x509 -fingerprint`
/// print. Server, client and discovery share it, so it lives here.
public final class Fingerprint {

    private static final HexFormat PAIRS = HexFormat.ofDelimiter(":").withUpperCase();

    private Fingerprint() {}

    /// The fingerprint of a DER-encoded certificate.
    public static String of(byte[] certificateDer) {
        try {
            return PAIRS.formatHex(MessageDigest.getInstance("SHA-256").digest(certificateDer));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JDK has SHA-256", impossible);
        }
    }

    /// What a user typed or a discovery record carried, in the canonical form: case, `:`,
    /// spaces and `-` do not matter. Throws [IllegalArgumentException] unless it is 64 hex digits.
    public static String normalize(String text) {
        if (text == null) {
            throw new IllegalArgumentException("no fingerprint given");
        }
        var hex = text.replaceAll("[\\s:\\-]", "").toUpperCase(Locale.ROOT);
        if (hex.length() != 64 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new IllegalArgumentException("a SHA-256 fingerprint is 64 hex digits (32 pairs), got: " + text);
        }
        return PAIRS.formatHex(HexFormat.of().parseHex(hex));
    }
}
