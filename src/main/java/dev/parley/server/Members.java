package dev.parley.server;

import dev.parley.protocol.Limits;
import java.util.Collection;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/// Who is connected: the live connections and the names they hold. Names are unique
/// (case-insensitively) among live connections, and a name claimed by a key ([NameClaims]) goes
/// only to that key.
final class Members {

    /// What holds a name: an admission still in progress, then its connection.
    private sealed interface Holder permits Admitting, Live {}

    /// One admission in progress; each is its own object (compared by identity), so that one
    /// attempt never removes another's reservation.
    private static final class Admitting implements Holder {}

    private record Live(Connection connection) implements Holder {}

    /// A reserved name; `replaced` is the owner's earlier connection that gives the name up.
    record Reservation(String name, boolean claimed, Connection replaced) {}

    private final NameClaims claims;
    private final ConcurrentHashMap<String, Holder> byName = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();

    Members(NameClaims claims) {
        this.claims = claims;
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /// Reserves `wanted`, or `wanted-2`, `wanted-3`, … when it is live or claimed by another key;
    /// the name stays reserved until [#register] gives it to the connection. The owner's key
    /// takes its name back from its own earlier connection (one a reconnect left half-open),
    /// which the caller then closes.
    Reservation reserve(String wanted, String ownerKey) {
        var mine = new Admitting();
        for (int n = 1; ; n++) {
            var candidate = n == 1 ? wanted : withSuffix(wanted, "-" + n);
            var holder = byName.putIfAbsent(key(candidate), mine);
            if (holder == null) {
                NameClaims.Use use;
                try {
                    use = claims.use(candidate, ownerKey);
                } catch (RuntimeException unreadable) {
                    byName.remove(key(candidate), mine); // never leave a name held by nobody
                    throw unreadable;
                }
                if (use != NameClaims.Use.TAKEN) {
                    return new Reservation(candidate, use == NameClaims.Use.OWNED, null);
                }
                byName.remove(key(candidate), mine);
            } else if (claims.owns(candidate, ownerKey)) {
                switch (holder) {
                    // The owner's previous attempt was still being admitted (its client gave up
                    // on it); now it is a connection: look again, and take the name from it.
                    case Admitting other when awaitAdmitted(candidate, other) -> n--;
                    case Admitting other -> {
                        if (byName.replace(key(candidate), other, mine)) {
                            return new Reservation(candidate, true, null); // an attempt that never finished
                        }
                        n--;
                    }
                    case Live live -> {
                        if (byName.replace(key(candidate), live, mine)) {
                            return new Reservation(candidate, true, live.connection());
                        }
                        n--; // it changed meanwhile: look again
                    }
                }
            }
        }
    }

    /// Waits (briefly: admission takes moments) until `attempt` no longer holds `name`; false
    /// when it still does after a few seconds.
    private boolean awaitAdmitted(String name, Admitting attempt) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (byName.get(key(name)) == attempt) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    private static String withSuffix(String name, String suffix) {
        int room = Limits.MAX_NAME_CHARS - suffix.length();
        if (name.codePointCount(0, name.length()) > room) {
            name = name.substring(0, name.offsetByCodePoints(0, room)).strip();
        }
        return name + suffix;
    }

    /// The admitted connection takes the name reserved for it.
    void register(Connection connection) {
        byName.put(key(connection.clientId), new Live(connection));
        connections.add(connection);
    }

    /// The live connection called `name` (any case), or null.
    Connection byName(String name) {
        return byName.get(key(name)) instanceof Live(var found) && !found.isGone() && connections.contains(found)
                ? found : null;
    }

    /// Every live connection (a view: it changes as they come and go).
    Collection<Connection> connections() {
        return Collections.unmodifiableSet(connections);
    }

    /// Forgets a connection and frees its name; true for the one call (of many, from any thread)
    /// that did.
    boolean remove(Connection connection) {
        if (!connection.markGone()) {
            return false;
        }
        connections.remove(connection);
        byName.remove(key(connection.clientId), new Live(connection));
        if (connection.claimed) {
            claims.used(connection.clientId);
        }
        return true;
    }
}
