package dev.parley.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;

/// Names that belong to a key (design.md, "A name belongs to its device"). The first connection
/// that uses a name with a key claims it: a salted hash of the key is kept beside the name. Later
/// only that key may use the name, until it has not been used for `keep` (`--name-claim-days`).
/// A connection without a key claims nothing, and may use only a name nobody has claimed.
/// Thread-safe; the records live in [ClaimRecords] (SQLite, or memory with `--in-memory`).
final class NameClaims implements AutoCloseable {

    /// What a name means to a connection that asks for it.
    enum Use {
        /// Claimed by this key (just now, or before).
        OWNED,
        /// Nobody's, and stays nobody's: the asker has no key.
        FREE,
        /// Someone else's.
        TAKEN
    }

    /// A stored claim: `name` as first spelled, the salted hash, when last used.
    record Claim(String name, byte[] salt, byte[] hash, long lastUsedMs) {}

    /// Where claims are kept, by the lower-case name.
    interface ClaimRecords extends AutoCloseable {
        Claim get(String nameKey);

        void put(String nameKey, Claim claim);

        void touch(String nameKey, long lastUsedMs);

        @Override
        void close();
    }

    static final Duration DEFAULT_KEEP = Duration.ofDays(90);

    /// 22–64 URL-safe characters: a random secret of at least 128 bits in base64url.
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{22,64}");

    private final ClaimRecords records;
    private final Clock clock;
    private final Duration keep;
    private final SecureRandom random = new SecureRandom();

    NameClaims(ClaimRecords records, Clock clock, Duration keep) {
        this.records = records;
        this.clock = clock;
        this.keep = keep;
    }

    static boolean validKey(String key) {
        return key != null && KEY.matcher(key).matches();
    }

    static String nameKey(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /// Whether `name` may go to a connection with `key` (null: none); an unclaimed (or expired)
    /// name is claimed for `key` now. Call only while holding the name's live reservation, so
    /// that two connections cannot claim one name at once.
    synchronized Use use(String name, String key) {
        var nameKey = nameKey(name);
        var claim = live(nameKey);
        long now = clock.millis();
        if (claim == null) {
            if (key == null) {
                return Use.FREE;
            }
            var salt = new byte[16];
            random.nextBytes(salt);
            records.put(nameKey, new Claim(name, salt, hash(salt, key), now));
            return Use.OWNED;
        }
        if (key != null && MessageDigest.isEqual(claim.hash(), hash(claim.salt(), key))) {
            records.touch(nameKey, now);
            return Use.OWNED;
        }
        return Use.TAKEN;
    }

    /// True when `key` owns `name` now (nothing is claimed by asking).
    synchronized boolean owns(String name, String key) {
        var claim = live(nameKey(name));
        return key != null && claim != null && MessageDigest.isEqual(claim.hash(), hash(claim.salt(), key));
    }

    /// True when someone owns `name`: a private message to it waits for its owner.
    synchronized boolean claimed(String name) {
        return live(nameKey(name)) != null;
    }

    /// The name as its owner spelled it, or null when nobody owns it.
    synchronized String spelling(String name) {
        var claim = live(nameKey(name));
        return claim == null ? null : claim.name();
    }

    /// The owner was here just now (leaving): the claim's days count from now.
    synchronized void used(String name) {
        if (live(nameKey(name)) != null) {
            records.touch(nameKey(name), clock.millis());
        }
    }

    private Claim live(String nameKey) {
        var claim = records.get(nameKey);
        return claim == null || clock.millis() - claim.lastUsedMs() > keep.toMillis() ? null : claim;
    }

    private static byte[] hash(byte[] salt, String key) {
        try {
            var digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(key.getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @Override
    public void close() {
        records.close();
    }
}
