package dev.parley.protocol;

import java.time.Duration;

/// Every limit of design.md in one place. Servers enforce them, `welcome` advertises the
/// ones a client needs, the command line overrides each. A rate of 0 switches rate limiting off.
public record Limits(
        int maxTextChars,
        int maxFrameBytes,
        double messagesPerSecond,
        int messagesBurst,
        int maxConnections,
        int maxConnectionsPerAddress,
        long maxOutboundBytes,
        Duration pingInterval,
        Duration idleTimeout,
        int authTriesPerMinute,
        int historyRetention,
        int maxRooms,
        long maxStoredMessages,
        Duration readBudget) {

    public static final int MAX_NAME_CHARS = 32;
    public static final int MAX_ROOM_CHARS = 32;
    public static final int MAX_CID_CHARS = 64;
    public static final int MAX_HISTORY_PAGE = 500;
    /// A `search` query: 1–200 characters (code points).
    public static final int MAX_SEARCH_CHARS = 200;
    /// Results of one `search`: `limit` is 1–100, default 50.
    public static final int MAX_SEARCH_RESULTS = 100;
    public static final int DEFAULT_SEARCH_RESULTS = 50;

    public static final Limits DEFAULTS = new Limits(
            4_000, 64 * 1024, 20, 40, 1_000, 100, 1024 * 1024,
            Duration.ofSeconds(20), Duration.ofSeconds(60), 5, 10_000, 1_000, 1_000_000, Duration.ofSeconds(2));

    public Limits {
        if (maxTextChars < 1 || maxFrameBytes < 1024 || !Double.isFinite(messagesPerSecond) || messagesPerSecond < 0
                || messagesBurst < 0
                || maxConnections < 1 || maxConnectionsPerAddress < 1 || maxOutboundBytes < 1024
                || pingInterval.isNegative() || idleTimeout.isNegative() || authTriesPerMinute < 0
                || historyRetention < 1 || maxRooms < 1 || maxStoredMessages < 1
                || readBudget.isNegative() || readBudget.isZero()) {
            throw new IllegalArgumentException("limit out of range: " + this);
        }
    }

    public boolean rateLimited() {
        return messagesPerSecond > 0;
    }

    public Limits withMaxTextChars(int value) {
        return new Limits(value, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withRate(double perSecond, int burst) {
        return new Limits(maxTextChars, maxFrameBytes, perSecond, burst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withConnections(int total, int perAddress) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, total,
                perAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withMaxFrameBytes(int value) {
        return new Limits(maxTextChars, value, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withMaxOutboundBytes(long value) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, value, pingInterval, idleTimeout, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withTimeouts(Duration ping, Duration idle) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, ping, idle, authTriesPerMinute, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withAuthTriesPerMinute(int value) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, value, historyRetention, maxRooms, maxStoredMessages, readBudget);
    }

    public Limits withHistoryRetention(int value) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, value, maxRooms, maxStoredMessages, readBudget);
    }

    /// `maxRooms`: rooms that may exist at once; `maxStoredMessages`: history kept in all rooms
    /// together (the oldest go first).
    public Limits withStorage(int rooms, long storedMessages) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention,
                rooms, storedMessages, readBudget);
    }

    /// How long one search or history read may take, waiting included, before it is `too_busy`.
    public Limits withReadBudget(Duration value) {
        return new Limits(maxTextChars, maxFrameBytes, messagesPerSecond, messagesBurst, maxConnections,
                maxConnectionsPerAddress, maxOutboundBytes, pingInterval, idleTimeout, authTriesPerMinute, historyRetention,
                maxRooms, maxStoredMessages, value);
    }
}
