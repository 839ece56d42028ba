package dev.parley.server;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/// What guards the HTTP side of the server, before any WebSocket upgrade. `allowedHosts`: host
/// names (or `name:port`) a browser may use besides this machine's own addresses and names
/// (`--allow-host`, for a DNS alias or a forwarded port). `idleBeforeUpgrade`: how long a TCP
/// connection may stay silent before it is upgraded (a WebSocket then has its own ping and idle
/// limits). `spareSocketsPerAddress`: TCP connections one address may hold open beyond its
/// WebSocket limit (page loads, a handshake in flight).
public record HttpGuards(List<String> allowedHosts, Duration idleBeforeUpgrade, int spareSocketsPerAddress) {

    public static final HttpGuards DEFAULTS = new HttpGuards(List.of(), Duration.ofSeconds(10), 16);

    public HttpGuards {
        allowedHosts = allowedHosts == null ? List.of()
                : allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
        if (idleBeforeUpgrade == null || idleBeforeUpgrade.isNegative() || idleBeforeUpgrade.isZero()
                || spareSocketsPerAddress < 0) {
            throw new IllegalArgumentException("out of range: " + idleBeforeUpgrade + ", " + spareSocketsPerAddress);
        }
    }

    public HttpGuards withAllowedHosts(List<String> hosts) {
        return new HttpGuards(hosts, idleBeforeUpgrade, spareSocketsPerAddress);
    }

    public HttpGuards withIdleBeforeUpgrade(Duration idle) {
        return new HttpGuards(allowedHosts, idle, spareSocketsPerAddress);
    }
}
