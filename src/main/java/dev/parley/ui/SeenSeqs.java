package dev.parley.ui;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/// The `seq`s of one room's messages shown so far, a bit each: a string key per line in a
/// hash set cost ~100 bytes a line, a third of the log's memory under a flood, and young
/// collections copied it. Bits count from a base just below the first seq seen, so history
/// put in front (older seqs) fits too; a seq outside the bits' span (a server's odd numbering)
/// goes to a plain set instead, so no input makes the bits large.
final class SeenSeqs {

    /// How far below the first seq seen the bits start: older history than this (a server
    /// keeps 10,000 a room by default) goes to the plain set.
    static final long MARGIN = 65_536;

    /// The most bits, 2^24 (2 MiB): about 16 million messages in one room.
    static final long SPAN = 1L << 24;

    private long base = -1;
    private final BitSet bits = new BitSet();
    private final Set<Long> outside = new HashSet<>();

    /// True when `seq` was not seen before (and now is).
    boolean add(long seq) {
        if (base < 0) {
            base = Math.max(0, seq - MARGIN);
        }
        long offset = seq - base;
        if (offset < 0 || offset >= SPAN) {
            return outside.add(seq);
        }
        int bit = (int) offset;
        if (bits.get(bit)) {
            return false;
        }
        bits.set(bit);
        return true;
    }
}
