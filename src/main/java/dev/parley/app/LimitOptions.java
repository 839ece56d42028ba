package dev.parley.app;

import dev.parley.protocol.Limits;
import java.time.Duration;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/// Every limit of design.md as a flag; unset flags keep [Limits#DEFAULTS].
final class LimitOptions {

    private static final Limits D = Limits.DEFAULTS;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(names = "--max-text-chars", paramLabel = "N", description = "Longest message text (default: " + 4_000 + ").")
    int maxTextChars = D.maxTextChars();

    @Option(names = "--max-frame-bytes", paramLabel = "BYTES", description = "Largest WebSocket frame (default: 65536).")
    int maxFrameBytes = D.maxFrameBytes();

    @Option(names = "--rate", paramLabel = "PER_SECOND", description = "Messages a connection may send per second; 0 or off: no limit (default: 20).")
    String rate = "20";

    @Option(names = "--burst", paramLabel = "N", description = "Messages allowed in a burst (default: 40).")
    int burst = D.messagesBurst();

    @Option(names = "--max-connections", paramLabel = "N", description = "Connections in all (default: 1000).")
    int maxConnections = D.maxConnections();

    @Option(names = "--max-connections-per-address", paramLabel = "N", description = "Connections from one address (default: 100).")
    int maxConnectionsPerAddress = D.maxConnectionsPerAddress();

    @Option(names = "--max-outbound-bytes", paramLabel = "BYTES", description = "Unsent bytes a slow reader may pile up before it is closed (default: 1048576).")
    long maxOutboundBytes = D.maxOutboundBytes();

    @Option(names = "--ping-interval", paramLabel = "SECONDS", description = "Seconds between pings; 0: none (default: 20).")
    long pingSeconds = D.pingInterval().toSeconds();

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", description = "Close a silent connection after this many seconds; 0: never (default: 60).")
    long idleSeconds = D.idleTimeout().toSeconds();

    @Option(names = "--auth-tries", paramLabel = "N", description = "Wrong passwords per address per minute before refusing unchecked; 0: no limit (default: 5).")
    int authTries = D.authTriesPerMinute();

    @Option(names = "--history-retention", paramLabel = "N", description = "Messages kept per room (default: 10000).")
    int historyRetention = D.historyRetention();

    @Option(names = "--max-rooms", paramLabel = "N", description = "Rooms with members at once; joining a new one past it is refused (default: 1000).")
    int maxRooms = D.maxRooms();

    @Option(names = "--max-history-messages", paramLabel = "N", description = "Messages kept in all rooms together, the oldest removed first (default: 1000000).")
    long maxHistoryMessages = D.maxStoredMessages();

    @Option(names = "--read-budget", paramLabel = "MILLIS", description = "Longest a search or history read may take, waiting included, before it is answered too_busy (default: 2000).")
    long readBudgetMillis = D.readBudget().toMillis();

    Limits toLimits() {
        double perSecond;
        if (rate.equalsIgnoreCase("off")) {
            perSecond = 0;
        } else {
            try {
                perSecond = Double.parseDouble(rate);
            } catch (NumberFormatException notNumber) {
                throw new ParameterException(spec.commandLine(), "--rate must be a number of messages per second, 0 or off (was '" + rate + "')");
            }
        }
        try {
            return new Limits(maxTextChars, maxFrameBytes, perSecond, burst, maxConnections, maxConnectionsPerAddress,
                    maxOutboundBytes, Duration.ofSeconds(pingSeconds), Duration.ofSeconds(idleSeconds), authTries, historyRetention,
                    maxRooms, maxHistoryMessages, Duration.ofMillis(readBudgetMillis));
        } catch (IllegalArgumentException outOfRange) {
            throw new ParameterException(spec.commandLine(), "a limit is out of range: text ≥ 1, frame ≥ 1024 bytes, "
                    + "rate ≥ 0, burst ≥ 0, connections ≥ 1, outbound ≥ 1024 bytes, seconds ≥ 0, retention ≥ 1, "
                    + "rooms ≥ 1, history messages ≥ 1, read budget ≥ 1 ms");
        }
    }
}
