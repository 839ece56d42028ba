package dev.parley.server;

import dev.parley.protocol.Message;
import dev.parley.protocol.Message.Member;
import java.util.ArrayList;
import java.util.List;

/// Turns member lists into `presence` frames of at most `maxFrameBytes`, and names the
/// members who came or went in one `system` line.
final class PresenceFrames {

    /// Room for the envelope and the room's name around the members of one frame.
    private static final int ENVELOPE_BYTES = 512;
    /// Names spelled out in a `system` line before "and N others".
    private static final int NAMED = 3;

    private final String room;
    private final int maxFrameBytes;

    PresenceFrames(String room, int maxFrameBytes) {
        this.room = room;
        this.maxFrameBytes = maxFrameBytes;
    }

    /// An upper bound of a member's encoded size (every character escaped at worst).
    static int estimate(Member member) {
        return 64 + 6 * member.clientId().length() + length(member.since()) + length(member.address());
    }

    private static int length(String value) {
        return value == null ? 0 : value.length();
    }

    /// As many members from `from` as fit in `budget` bytes (at least one, at most `maxCount`).
    static int fitting(List<Member> members, int from, int budget, int maxCount) {
        int end = from;
        int used = 0;
        while (end < members.size() && end - from < maxCount) {
            used += estimate(members.get(end));
            if (used > budget && end > from) {
                break;
            }
            end++;
        }
        return end;
    }

    int pageBudget() {
        return Math.max(1, maxFrameBytes - ENVELOPE_BYTES);
    }

    /// `presence {room, joined, left}` frames: the members, then the names, as many a frame as fit.
    List<Outgoing> changes(List<Member> joined, List<String> left) {
        var frames = new ArrayList<Outgoing>();
        int at = 0;
        while (at < joined.size()) {
            int end = fitting(joined, at, pageBudget(), Integer.MAX_VALUE);
            frames.add(Outgoing.of(new Message.PresenceChange(room, joined.subList(at, end), List.of())));
            at = end;
        }
        int from = 0;
        while (from < left.size()) {
            int end = from;
            int used = 0;
            while (end < left.size() && (end == from || used + 16 + 6 * left.get(end).length() <= pageBudget())) {
                used += 16 + 6 * left.get(end).length();
                end++;
            }
            frames.add(Outgoing.of(new Message.PresenceChange(room, List.of(), left.subList(from, end))));
            from = end;
        }
        return frames;
    }

    /// "alice joined", "alice and bob joined", "alice, bob, carol and 12 others joined".
    static String notice(List<String> names, String verb) {
        int shown = names.size() <= NAMED + 1 ? names.size() : NAMED;
        var text = new StringBuilder();
        for (int i = 0; i < shown; i++) {
            if (i > 0) {
                text.append(i == names.size() - 1 ? " and " : ", ");
            }
            text.append(names.get(i));
        }
        if (shown < names.size()) {
            text.append(" and ").append(names.size() - shown).append(" others");
        }
        return text.append(' ').append(verb).toString();
    }
}
