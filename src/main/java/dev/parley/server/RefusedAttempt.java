package dev.parley.server;

import java.time.Instant;

/// Someone tried to reach the server and was turned away: from which address, why, and when.
/// `detail` says more in the server's words (e.g. "wrong password", the foreign origin); it
/// never holds a password.
public record RefusedAttempt(String address, Reason reason, String detail, Instant time) {

    /// Why an attempt was refused, as a host would want to know it.
    public enum Reason {
        /// No password, a wrong one, or too many wrong ones from this address.
        PASSWORD,
        /// A web page from another site (its `Origin` is neither the server's nor allowed).
        ORIGIN,
        /// The server, or this address's share of it, is full; or the server is stopping.
        FULL,
        /// The `Host` asked for is not one of the server's names (see `--allow-host`).
        HOST,
        /// A name or room the server cannot accept.
        INVALID
    }
}
