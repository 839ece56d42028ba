package dev.parley.server;

import java.time.Duration;

/// A snapshot of a running server, for the host's status bar and `/healthz`.
public record ServerStats(int connections, int rooms, long messagesIn, long messagesOut, long sendFailures,
                          Duration uptime) {}
