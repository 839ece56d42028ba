package dev.parley.server.files;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;

/// Upload permissions: one random token per connected member (`welcome.files.token`), valid
/// until [#revoke] when that connection ends.
public final class UploadTokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final ConcurrentHashMap<Object, String> byOwner = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Object> owners = new ConcurrentHashMap<>();

    /// A fresh token for `owner` (a connection).
    public String issue(Object owner) {
        var bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        owners.put(token, owner);
        byOwner.put(owner, token);
        return token;
    }

    public void revoke(Object owner) {
        var token = byOwner.remove(owner);
        if (token != null) {
            owners.remove(token);
        }
    }

    /// Whether `authorization` (an `Authorization` header) is `Bearer TOKEN` with a live token.
    boolean allows(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        return owners.containsKey(authorization.substring(7).strip());
    }
}
