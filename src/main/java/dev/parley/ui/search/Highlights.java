package dev.parley.ui.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/// Splits a message's text into plain parts and the parts that match a term of the query
/// (case-insensitive, like the search itself), for the results to mark the matches.
final class Highlights {

    record Part(String text, boolean match) {}

    private Highlights() {}

    static List<Part> split(String text, String query) {
        var terms = query == null ? List.<String>of()
                : Arrays.stream(query.strip().split("\\s+")).filter(t -> !t.isEmpty()).toList();
        // Lower-casing keeps lengths for the letters a chat uses; if not (e.g. "İ"), mark nothing.
        var lower = text.toLowerCase(Locale.ROOT);
        boolean[] marked = new boolean[text.length()];
        if (lower.length() == text.length()) {
            for (var term : terms) {
                var needle = term.toLowerCase(Locale.ROOT);
                for (int at = lower.indexOf(needle); at >= 0 && !needle.isEmpty(); at = lower.indexOf(needle, at + needle.length())) {
                    Arrays.fill(marked, at, at + needle.length(), true);
                }
            }
        }
        var parts = new ArrayList<Part>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || marked[i] != marked[start]) {
                parts.add(new Part(text.substring(start, i), marked[start]));
                start = i;
            }
        }
        return parts;
    }
}
