package dev.parley.server;

import java.util.concurrent.ConcurrentHashMap;

/// Claims kept in memory (`--in-memory` and a server without a data folder): the same rules,
/// forgotten when the server stops.
final class MemoryClaimRecords implements NameClaims.ClaimRecords {

    private final ConcurrentHashMap<String, NameClaims.Claim> claims = new ConcurrentHashMap<>();

    @Override
    public NameClaims.Claim get(String nameKey) {
        return claims.get(nameKey);
    }

    @Override
    public void put(String nameKey, NameClaims.Claim claim) {
        claims.put(nameKey, claim);
    }

    @Override
    public void touch(String nameKey, long lastUsedMs) {
        claims.computeIfPresent(nameKey, (k, c) -> new NameClaims.Claim(c.name(), c.salt(), c.hash(), lastUsedMs));
    }

    @Override
    public void close() {
        claims.clear();
    }
}
