package dev.parley.ui;

import java.time.Instant;

/// One connection in the member list. `address` is only known to the host (null otherwise).
public record MemberRow(String clientId, Instant since, String address, boolean self) {}
