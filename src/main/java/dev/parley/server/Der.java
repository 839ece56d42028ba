package dev.parley.server;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/// The few DER (ASN.1) encodings a self-signed X.509 certificate needs. Each method returns
/// one complete tag-length-value; constructed values take their already encoded children.
final class Der {

    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'");
    private static final DateTimeFormatter GENERALIZED_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'");

    private Der() {}

    static byte[] tlv(int tag, byte[]... contents) {
        var body = new ByteArrayOutputStream();
        for (var part : contents) {
            body.writeBytes(part);
        }
        var out = new ByteArrayOutputStream();
        out.write(tag);
        int length = body.size();
        if (length < 0x80) {
            out.write(length);
        } else {
            int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
            out.write(0x80 | bytes);
            for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
                out.write(length >>> shift);
            }
        }
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... children) {
        return tlv(0x30, children);
    }

    static byte[] set(byte[]... children) {
        return tlv(0x31, children);
    }

    /// `[n] EXPLICIT`: a context-specific constructed wrapper.
    static byte[] explicit(int n, byte[]... children) {
        return tlv(0xA0 | n, children);
    }

    static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    static byte[] bool(boolean value) {
        return tlv(0x01, new byte[] {(byte) (value ? 0xFF : 0x00)});
    }

    static byte[] octets(byte[] value) {
        return tlv(0x04, value);
    }

    /// A BIT STRING of whole bytes (no unused bits).
    static byte[] bits(byte[] value) {
        var body = new byte[value.length + 1];
        System.arraycopy(value, 0, body, 1, value.length);
        return tlv(0x03, body);
    }

    static byte[] utf8(String text) {
        return tlv(0x0C, text.getBytes(StandardCharsets.UTF_8));
    }

    /// RFC 5280 §4.1.2.5: UTCTime through 2049, GeneralizedTime from 2050 on.
    static byte[] time(ZonedDateTime when) {
        var utc = when.withZoneSameInstant(ZoneOffset.UTC);
        return utc.getYear() < 2050
                ? tlv(0x17, UTC_TIME.format(utc).getBytes(StandardCharsets.US_ASCII))
                : tlv(0x18, GENERALIZED_TIME.format(utc).getBytes(StandardCharsets.US_ASCII));
    }

    static byte[] oid(String dotted) {
        var arcs = dotted.split("\\.");
        var body = new ByteArrayOutputStream();
        base128(body, Long.parseLong(arcs[0]) * 40 + Long.parseLong(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            base128(body, Long.parseLong(arcs[i]));
        }
        return tlv(0x06, body.toByteArray());
    }

    private static void base128(ByteArrayOutputStream out, long value) {
        int groups = Math.max(1, (Long.SIZE - Long.numberOfLeadingZeros(value) + 6) / 7);
        for (int i = groups - 1; i >= 0; i--) {
            int group = (int) ((value >>> (7 * i)) & 0x7F);
            out.write(i == 0 ? group : group | 0x80);
        }
    }
}
