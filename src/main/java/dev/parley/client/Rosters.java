package dev.parley.client;

import dev.parley.protocol.Message.Member;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// The member list of each room, exactly as the server's `presence` frames say: a full list
/// replaces, a change adds, replaces (by `clientId`) and removes. Written on the loop thread,
/// read from any thread.
final class Rosters {

    private final Map<String, LinkedHashMap<String, Member>> byRoom = new HashMap<>();

    synchronized void replace(String room, List<Member> members) {
        var list = new LinkedHashMap<String, Member>();
        for (var member : members) {
            list.put(member.clientId(), member);
        }
        byRoom.put(room, list);
    }

    /// A change to a room without a full list yet (or one this client left) is dropped: the
    /// full list that comes with the join says it all.
    synchronized boolean update(String room, List<Member> joined, List<String> left) {
        var list = byRoom.get(room);
        if (list == null) {
            return false;
        }
        for (var clientId : left) {
            list.remove(clientId);
        }
        for (var member : joined) {
            list.put(member.clientId(), member);
        }
        return true;
    }

    synchronized void forget(String room) {
        byRoom.remove(room);
    }

    /// The members of `room` in the order the server listed them; empty when unknown.
    synchronized List<Member> members(String room) {
        var list = byRoom.get(room);
        return list == null ? List.of() : List.copyOf(list.values());
    }
}
