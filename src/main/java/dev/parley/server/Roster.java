package dev.parley.server;

import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Member;
import dev.parley.protocol.Message.SystemNotice;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/// The presence of one room, at a cost per member that does not grow with the room: who is in it
/// now (`live`), what the members have been told (`told`, at `version`), and the recent changes
/// between ([Epoch]s, each encoded once for everybody). [#publish] turns the changes gathered
/// since the last call into the next epoch; each member's [PresenceCursor] then catches up when
/// its outbox reaches it — with the epochs it missed, or with the full list when that is shorter
/// or the epochs are gone. Everything here runs under this object's monitor and never calls out.
final class Roster {

    /// A member as seen by viewers off the host (`plain`) and on it (`withAddress`).
    record Seat(Connection owner, Member plain, Member withAddress) {
        static Seat of(Connection owner) {
            var member = new Member(owner.clientId, owner.since, owner.address, owner.status());
            return new Seat(owner, new Member(owner.clientId, owner.since, null, member.status()), member);
        }

        Member member(boolean withAddresses) {
            return withAddresses ? withAddress : plain;
        }
    }

    /// One published change: its frames (lazily, per kind of viewer) and the `system` lines.
    private final class Epoch {
        final long version;
        final List<Seat> joined;
        final List<String> left;
        final List<String> newcomers;
        final Set<String> newcomerSet;
        final List<Outgoing> notices;
        final long bytes;
        private final List<Outgoing>[] frames = newFrames();

        Epoch(long version, List<Seat> joined, List<String> left, List<String> newcomers) {
            this.version = version;
            this.joined = joined;
            this.left = left;
            this.newcomers = newcomers;
            this.newcomerSet = new HashSet<>(newcomers);
            this.notices = notices(newcomers);
            long size = 0;
            for (var frame : frames(true)) {
                size += frame.size();
            }
            this.bytes = size;
        }

        private List<Outgoing> notices(List<String> arrived) {
            var lines = new ArrayList<Outgoing>(2);
            if (!arrived.isEmpty()) {
                lines.add(Outgoing.of(new SystemNotice(PresenceFrames.notice(arrived, "joined"))));
            }
            if (!left.isEmpty()) {
                lines.add(Outgoing.of(new SystemNotice(PresenceFrames.notice(left, "left"))));
            }
            return lines;
        }

        /// The `system` lines for `viewer`: one who arrived in this epoch was told of its own
        /// arrival at once (by the Hub), so its lines name only the others.
        List<Outgoing> noticesFor(String viewer) {
            if (!newcomerSet.contains(viewer)) {
                return notices;
            }
            var others = new ArrayList<>(newcomers);
            others.remove(viewer);
            return notices(others);
        }

        List<Outgoing> frames(boolean withAddresses) {
            int kind = withAddresses ? 1 : 0;
            if (frames[kind] == null) {
                frames[kind] = pages.changes(members(joined, withAddresses), left);
            }
            return frames[kind];
        }
    }

    /// Members of the first page of a full list; the rest follow as `joined` pages.
    static final int FIRST_PAGE = 64;
    /// Epochs kept for members that have not caught up; one further behind gets the full list.
    static final int MAX_EPOCHS = 128;

    private final String room;
    private final PresenceFrames pages;
    private final Map<String, Seat> live = new HashMap<>();
    private final LinkedHashMap<String, Seat> told = new LinkedHashMap<>();
    private final LinkedHashSet<String> changed = new LinkedHashSet<>();
    private final Map<Connection, PresenceCursor> cursors = new HashMap<>();
    private final ArrayDeque<Epoch> epochs = new ArrayDeque<>();
    private long version;
    private long toldBytes;
    /// The full list at `version`, per kind of viewer, built when first needed.
    private final List<Member>[] firstPage = newMembers();
    private final List<Outgoing>[] restPages = newFrames();

    Roster(String room, int maxFrameBytes) {
        this.room = room;
        this.pages = new PresenceFrames(room, maxFrameBytes);
    }

    @SuppressWarnings("unchecked")
    private static List<Outgoing>[] newFrames() {
        return new List[2];
    }

    @SuppressWarnings("unchecked")
    private static List<Member>[] newMembers() {
        return new List[2];
    }

    synchronized void seat(Connection member) {
        live.put(member.clientId, Seat.of(member));
        changed.add(member.clientId);
    }

    /// The member's status changed: a fresh seat, if it is (still) here.
    synchronized void reseat(Connection member) {
        if (live.get(member.clientId) instanceof Seat seat && seat.owner() == member) {
            seat(member);
        }
    }

    /// Forgets `member`, unless another connection of the same name has taken its seat.
    synchronized void unseat(Connection member) {
        cursors.remove(member);
        if (live.get(member.clientId) instanceof Seat seat && seat.owner() == member) {
            live.remove(member.clientId);
            changed.add(member.clientId);
        }
    }

    /// The member (again) needs the full list: returns its cursor, to be poked.
    synchronized PresenceCursor watch(Connection member) {
        var cursor = new PresenceCursor(member, this);
        cursors.put(member, cursor);
        return cursor;
    }

    synchronized boolean hasChanges() {
        return !changed.isEmpty();
    }

    /// Publishes what changed since the last call as the next epoch; returns the cursors to
    /// poke (none when nothing changed after all, e.g. a join and its leave).
    synchronized List<PresenceCursor> publish() {
        var joined = new ArrayList<Seat>();
        var left = new ArrayList<String>();
        var newcomers = new ArrayList<String>();
        for (var clientId : changed) {
            var now = live.get(clientId);
            var was = told.get(clientId);
            if (now == was) {
                continue;
            }
            if (now == null) {
                left.add(clientId);
                told.remove(clientId);
                toldBytes -= PresenceFrames.estimate(was.withAddress());
            } else {
                joined.add(now);
                if (was == null) {
                    newcomers.add(clientId);
                } else {
                    toldBytes -= PresenceFrames.estimate(was.withAddress());
                }
                told.put(clientId, now);
                toldBytes += PresenceFrames.estimate(now.withAddress());
            }
        }
        changed.clear();
        if (joined.isEmpty() && left.isEmpty()) {
            return List.of();
        }
        version++;
        epochs.addLast(new Epoch(version, joined, left, newcomers));
        if (epochs.size() > MAX_EPOCHS) {
            epochs.removeFirst();
        }
        firstPage[0] = firstPage[1] = null;
        restPages[0] = restPages[1] = null;
        return List.copyOf(cursors.values());
    }

    /// What `cursor`'s member has not been told yet; nothing when it left meanwhile.
    synchronized List<Outgoing> catchUp(PresenceCursor cursor) {
        if (cursors.get(cursor.owner) != cursor || cursor.version == version) {
            return List.of();
        }
        boolean withAddresses = cursor.owner.loopback;
        var frames = missed(cursor, withAddresses);
        cursor.version = version;
        return frames != null ? frames : fullList(cursor.owner, withAddresses);
    }

    /// The epochs after the cursor's, or null when the full list is due instead. Walks back
    /// from the newest: a member that keeps up is one epoch behind, whatever the log holds.
    private List<Outgoing> missed(PresenceCursor cursor, boolean withAddresses) {
        if (cursor.version == PresenceCursor.NOTHING) {
            return null;
        }
        var behind = new ArrayList<Epoch>();
        long bytes = 0;
        long limit = Math.max(toldBytes, pages.pageBudget());
        for (var newer = epochs.descendingIterator(); newer.hasNext(); ) {
            var epoch = newer.next();
            if (epoch.version <= cursor.version) {
                break;
            }
            bytes += epoch.bytes;
            if (bytes > limit) {
                return null; // a backlog longer than the list itself (and a frame): the list instead
            }
            behind.add(epoch);
        }
        if (behind.isEmpty() || behind.getLast().version != cursor.version + 1) {
            return null; // the epochs it missed are no longer kept
        }
        var frames = new ArrayList<Outgoing>();
        for (var epoch : behind.reversed()) {
            frames.addAll(epoch.noticesFor(cursor.owner.clientId));
            frames.addAll(epoch.frames(withAddresses));
        }
        return frames;
    }

    /// The full list: a first page (with the member itself when its arrival is not published
    /// yet, as v1 did) that replaces, then `joined` pages.
    private List<Outgoing> fullList(Connection viewer, boolean withAddresses) {
        int kind = withAddresses ? 1 : 0;
        if (firstPage[kind] == null) {
            var all = members(told.values(), withAddresses);
            int end = PresenceFrames.fitting(all, 0, pages.pageBudget() / 2, FIRST_PAGE);
            firstPage[kind] = List.copyOf(all.subList(0, end));
            restPages[kind] = pages.changes(all.subList(end, all.size()), List.of());
        }
        var first = firstPage[kind];
        var own = live.get(viewer.clientId);
        if (own != null && own.owner() == viewer && !told.containsKey(viewer.clientId)) {
            first = new ArrayList<>(first);
            first.addFirst(own.member(withAddresses));
        }
        var frames = new ArrayList<Outgoing>(1 + restPages[kind].size());
        frames.add(Outgoing.of(new Message.Presence(room, first)));
        frames.addAll(restPages[kind]);
        return frames;
    }

    private static List<Member> members(java.util.Collection<Seat> seats, boolean withAddresses) {
        var members = new ArrayList<Member>(seats.size());
        for (var seat : seats) {
            members.add(seat.member(withAddresses));
        }
        return members;
    }

    /// The members as told, for tests and `/metrics`-like views.
    synchronized List<Member> told(boolean withAddresses) {
        return members(told.values(), withAddresses);
    }
}
