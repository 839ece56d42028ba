package dev.parley.ui.notify;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/// Splits a message's text into plain runs and web links, for a log cell to show the links
/// clickable and everything else as literal text. Only `http://` and `https://` addresses are
/// links: `javascript:`, `file:` and the like stay text, and nothing is ever read as markup.
public final class Links {

    /// One run of a message's text; joined in order they give the text back unchanged.
    public sealed interface Segment {
        String text();
    }

    public record Plain(String text) implements Segment {}

    /// `text` is exactly as written; `uri` is what a browser should open.
    public record Link(String text, URI uri) implements Segment {}

    // Scheme at a word start, then everything up to white space or a character that cannot be in
    // an address written in text (quotes, angle brackets).
    private static final Pattern CANDIDATE = Pattern.compile("(?i)(?<![\\p{L}\\p{N}_])https?://[^\\s<>\"`]+");
    private static final String TRAILING = ".,;:!?'…。，；：！？";

    private Links() {}

    public static List<Segment> split(String text) {
        var segments = new ArrayList<Segment>();
        var matcher = CANDIDATE.matcher(text);
        int plainFrom = 0;
        while (matcher.find()) {
            var candidate = trim(matcher.group());
            var uri = uri(candidate);
            if (uri == null) {
                continue;
            }
            if (matcher.start() > plainFrom) {
                segments.add(new Plain(text.substring(plainFrom, matcher.start())));
            }
            segments.add(new Link(candidate, uri));
            plainFrom = matcher.start() + candidate.length();
        }
        if (plainFrom < text.length()) {
            segments.add(new Plain(text.substring(plainFrom)));
        }
        return segments;
    }

    /// Drops punctuation that ends the sentence rather than the address, and a closing bracket
    /// that has no opening one inside the address ("(see https://x.org/a)").
    private static String trim(String candidate) {
        var end = candidate.length();
        while (end > 0) {
            char c = candidate.charAt(end - 1);
            if (TRAILING.indexOf(c) >= 0) {
                end--;
            } else if ((c == ')' && unbalanced(candidate, end, '(', ')'))
                    || (c == ']' && unbalanced(candidate, end, '[', ']'))) {
                end--;
            } else {
                break;
            }
        }
        return candidate.substring(0, end);
    }

    private static boolean unbalanced(String s, int end, char open, char close) {
        int depth = 0;
        for (int i = 0; i < end; i++) {
            if (s.charAt(i) == open) depth++;
            else if (s.charAt(i) == close) depth--;
        }
        return depth < 0;
    }

    /// The address as a URI, or null when it has no host or does not parse: then it stays text.
    private static URI uri(String candidate) {
        try {
            var uri = new URI(candidate);
            var scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
