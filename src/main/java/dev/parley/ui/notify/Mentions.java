package dev.parley.ui.notify;

/// Whether a message names a person: their name as a whole word, in any case, with or without a
/// leading `@`. "bob" is mentioned in "@Bob, look" and "thanks bob!" but not in "bobby" or
/// "kebob". A name written in ideographs (Chinese has no spaces between words) needs no word
/// boundary beside an ideograph, or the name could never be mentioned inside a sentence.
public final class Mentions {

    private final String name;

    public Mentions(String name) {
        this.name = name == null ? "" : name.strip();
    }

    public boolean in(String text) {
        if (name.isEmpty() || text == null) {
            return false;
        }
        int last = text.length() - name.length();
        for (int i = 0; i <= last; i++) {
            int end = i + name.length();
            if (text.regionMatches(true, i, name, 0, name.length())
                    && (i == 0 || apart(text.codePointBefore(i), name.codePointAt(0)))
                    && (end == text.length() || apart(text.codePointAt(end), name.codePointBefore(name.length())))) {
                return true;
            }
        }
        return false;
    }

    /// True when `beside`, the character next to the name, does not run on into the name's
    /// edge character `edge` as one word.
    private static boolean apart(int beside, int edge) {
        return !word(beside) || !word(edge) || Character.isIdeographic(beside) || Character.isIdeographic(edge);
    }

    private static boolean word(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '_';
    }
}
