package dev.parley.client;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/// Keeps the lines a window would show, from the client's line-level events alone, and notes
/// every event a window could not apply (a line added twice, a change to a line never added).
final class LineRecorder implements ClientListener {

    private final Map<String, List<Line>> conversations = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final List<String> appeared = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private volatile ConnectionState state = ConnectionState.DISCONNECTED;
    private volatile int connects;

    @Override
    public synchronized void onEvent(ClientEvent event) {
        switch (event) {
            case ClientEvent.LineAdded(var line) -> {
                var lines = conversations.computeIfAbsent(line.conversation(), c -> new ArrayList<>());
                if (line.cid() != null && indexOf(lines, line.cid()) >= 0) {
                    problems.add("added twice: " + line);
                }
                if (line.seq() > 0 && lines.stream().anyMatch(l -> l.seq() == line.seq())) {
                    problems.add("seq shown twice: " + line);
                }
                lines.add(line);
            }
            case ClientEvent.LineChanged(var line) -> {
                var lines = conversations.computeIfAbsent(line.conversation(), c -> new ArrayList<>());
                int at = indexOf(lines, line.cid());
                if (at < 0) {
                    problems.add("changed but never added: " + line);
                } else {
                    if (line.seq() > 0 && lines.stream().anyMatch(l -> l.seq() == line.seq() && l != lines.get(at))) {
                        problems.add("seq shown twice: " + line);
                    }
                    lines.set(at, line);
                }
            }
            case ClientEvent.ChatFailed failed -> failures.add(failed.code() + " " + failed.reason());
            case ClientEvent.Refused refused -> failures.add("refused " + refused.code() + " " + refused.message());
            case ClientEvent.ConversationAppeared(var conversation, var title) -> appeared.add(conversation);
            case ClientEvent.StateChanged changed -> {
                state = changed.state();
                if (changed.state() == ConnectionState.CONNECTED) {
                    connects++;
                }
            }
            default -> { }
        }
    }

    private static int indexOf(List<Line> lines, String cid) {
        for (int i = 0; i < lines.size(); i++) {
            if (cid != null && cid.equals(lines.get(i).cid())) {
                return i;
            }
        }
        return -1;
    }

    synchronized List<Line> lines(String conversation) {
        return List.copyOf(conversations.getOrDefault(conversation, List.of()));
    }

    synchronized Map<String, List<Line>> all() {
        var copy = new HashMap<String, List<Line>>();
        conversations.forEach((id, lines) -> copy.put(id, List.copyOf(lines)));
        return copy;
    }

    /// Own lines not sent (yet): pending or failed.
    synchronized long unsent() {
        return conversations.values().stream().flatMap(List::stream).filter(l -> l.state() != Line.State.SENT).count();
    }

    synchronized List<String> problems() {
        return List.copyOf(problems);
    }

    /// Failures and refusals reported, for a test's message.
    synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    synchronized long pending() {
        return conversations.values().stream().flatMap(List::stream).filter(l -> l.state() == Line.State.PENDING).count();
    }

    synchronized List<String> appeared() {
        return List.copyOf(appeared);
    }

    ConnectionState state() {
        return state;
    }

    int connects() {
        return connects;
    }
}
