package dev.parley.server;

import dev.parley.protocol.Checked;
import dev.parley.protocol.ErrorCode;
import dev.parley.protocol.Names;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/// Decides whether a new connection may in: password (constant time, throttled per address),
/// name, room, and room for one more (in all and per address). An admitted connection holds a
/// slot until [#release].
final class Admission {

    /// What was asked in the handshake; `token` is the query's or the bearer header's, `key`
    /// the name's owner key (the query's `key` or `X-Parley-Key`), null without one.
    record Request(String clientId, String room, String token, String address, String key) {
        /// Without a key (protocol v1).
        Request(String clientId, String room, String token, String address) {
            this(clientId, room, token, address, null);
        }
    }

    sealed interface Verdict {}

    record Admitted(String clientId, String room) implements Verdict {}

    /// `closeCode` 1008 (policy) or 1013 (try again later).
    record Refused(ErrorCode code, String message, int closeCode) implements Verdict {}

    static final int POLICY = 1008;
    static final int TRY_LATER = 1013;

    private final ServerConfig config;
    private final byte[] passwordDigest;
    private final AuthThrottle throttle;
    private final AtomicInteger total = new AtomicInteger();
    private final ConcurrentHashMap<String, Integer> perAddress = new ConcurrentHashMap<>();
    private final AtomicLong guests = new AtomicLong();
    private volatile boolean closed;

    Admission(ServerConfig config) {
        this.config = config;
        this.passwordDigest = config.password() == null ? null : digest(config.password());
        this.throttle = new AuthThrottle(config.limits().authTriesPerMinute());
    }

    /// The server is stopping: every later attempt is refused (try later).
    void close() {
        closed = true;
    }

    AuthThrottle throttle() {
        return throttle;
    }

    Verdict check(Request request) {
        if (closed) {
            return new Refused(ErrorCode.SERVER_FULL, "the server is stopping", TRY_LATER);
        }
        if (passwordDigest != null) {
            if (!throttle.tryCheck(request.address())) {
                return new Refused(ErrorCode.AUTH_FAILED, "too many wrong passwords; wait a minute", POLICY);
            }
            var given = request.token() == null ? new byte[0] : digest(request.token());
            if (!MessageDigest.isEqual(given, passwordDigest)) {
                return new Refused(ErrorCode.AUTH_FAILED,
                        request.token() == null ? "this room needs a password" : "wrong password", POLICY);
            }
            throttle.passed(request.address());
        }
        if (request.key() != null && !NameClaims.validKey(request.key())) {
            return new Refused(ErrorCode.NAME_INVALID, "the key must be 22-64 letters, digits, '-' or '_'", POLICY);
        }
        String name;
        if (request.clientId() == null) {
            name = "guest-" + guests.incrementAndGet();
        } else if (Names.clientId(request.clientId()) instanceof Checked.Refused<String>(var code, var message, var ref)) {
            return new Refused(code, message, POLICY);
        } else {
            name = Names.clientId(request.clientId()).orThrow();
        }
        var room = Names.room(request.room() == null ? config.defaultRoom() : request.room());
        if (room instanceof Checked.Refused<String>(var code, var message, var ref)) {
            return new Refused(code, message, POLICY);
        }
        return reserveSlot(request.address()) ? new Admitted(name, room.orThrow()) : full(request.address());
    }

    private Refused full(String address) {
        return total.get() >= config.limits().maxConnections()
                ? new Refused(ErrorCode.SERVER_FULL, "the server is full; try again later", TRY_LATER)
                : new Refused(ErrorCode.SERVER_FULL, "too many connections from " + address, TRY_LATER);
    }

    private boolean reserveSlot(String address) {
        if (total.incrementAndGet() > config.limits().maxConnections()) {
            total.decrementAndGet();
            return false;
        }
        int limit = config.limits().maxConnectionsPerAddress();
        var count = perAddress.merge(address, 1, Integer::sum);
        if (count > limit) {
            release(address);
            return false;
        }
        return true;
    }

    void release(String address) {
        total.decrementAndGet();
        perAddress.computeIfPresent(address, (key, count) -> count <= 1 ? null : count - 1);
    }

    int admitted() {
        return total.get();
    }

    private static byte[] digest(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
