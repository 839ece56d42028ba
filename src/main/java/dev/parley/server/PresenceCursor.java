package dev.parley.server;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/// How far one member has been told the presence of one room. It sits in the member's
/// [Outbox] at most once at a time, as a [Outbox.Deferred]: when its turn comes it becomes what
/// changed since (or a fresh full list), so a member that reads slowly holds no growing backlog
/// of presence, only this one entry.
final class PresenceCursor implements Outbox.Deferred {

    /// Not told anything yet: the next catch-up is the full list.
    static final long NOTHING = -1;

    final Connection owner;
    private final Roster roster;
    private final AtomicBoolean queued = new AtomicBoolean();
    /// The roster version this member's list equals; guarded by the roster.
    long version = NOTHING;

    PresenceCursor(Connection owner, Roster roster) {
        this.owner = owner;
        this.roster = roster;
    }

    /// Asks for a catch-up, unless one is already waiting in the member's outbox.
    void poke() {
        if (queued.compareAndSet(false, true) && !owner.defer(this)) {
            queued.set(false);
        }
    }

    @Override
    public List<Outgoing> frames() {
        // Cleared before reading the roster: a change published meanwhile pokes again.
        queued.set(false);
        return roster.catchUp(this);
    }
}
