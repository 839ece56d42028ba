package dev.parley.client;

import dev.parley.protocol.Message;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;

/// Messages this client sent and the server has not acknowledged yet, by `cid`, oldest first.
/// A pending entry is (re)sent on every connect; a failed one waits for [ParleyClient#retry].
/// Not thread-safe: used only on the client's loop thread.
final class Outbox {

    enum Kind { CHAT, DM }

    /// `target` is the room of a chat or the recipient of a dm; `file` a shared file or null.
    record Entry(String cid, Kind kind, String target, String text, Message.FileInfo file, boolean failed) {
        Entry asFailed(boolean value) {
            return new Entry(cid, kind, target, text, file, value);
        }
    }

    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    static String newCid() {
        return UUID.randomUUID().toString();
    }

    Entry add(String cid, Kind kind, String target, String text) {
        return add(cid, kind, target, text, null);
    }

    Entry add(String cid, Kind kind, String target, String text, Message.FileInfo file) {
        var entry = new Entry(cid, kind, target, text, file, false);
        entries.put(cid, entry);
        return entry;
    }

    Entry get(String cid) {
        return cid == null ? null : entries.get(cid);
    }

    /// Every entry still to be sent, oldest first.
    List<Entry> pending() {
        return entries.values().stream().filter(e -> !e.failed()).toList();
    }

    /// Removes and returns the entry the server acknowledged, or null (unknown or already done).
    Entry acknowledge(String cid) {
        return cid == null ? null : entries.remove(cid);
    }

    /// A server without `cid` (the seed) echoes our chat with our name and the trimmed text:
    /// that echo acknowledges the oldest pending chat with that text.
    Entry acknowledgeEcho(String text) {
        for (var entry : entries.values()) {
            if (!entry.failed() && entry.kind() == Kind.CHAT && entry.text().strip().equals(text)) {
                return entries.remove(entry.cid());
            }
        }
        return null;
    }

    /// Marks a pending entry failed; returns it, or null when there is none by that cid.
    Entry fail(String cid) {
        var entry = get(cid);
        if (entry == null || entry.failed()) {
            return null;
        }
        var failed = entry.asFailed(true);
        entries.put(cid, failed);
        return failed;
    }

    /// Marks every pending entry failed (the user gave up) and returns them.
    List<Entry> failAll() {
        var failed = new ArrayList<Entry>();
        for (var entry : List.copyOf(entries.values())) {
            if (!entry.failed()) {
                failed.add(fail(entry.cid()));
            }
        }
        return failed;
    }

    /// Makes a failed entry pending again; returns it, or null when `cid` is not failed.
    Entry retry(String cid) {
        var entry = get(cid);
        if (entry == null || !entry.failed()) {
            return null;
        }
        var again = entry.asFailed(false);
        entries.put(cid, again);
        return again;
    }

    int size() {
        return entries.size();
    }
}
