package io.aipulse.extract;

/**
 * The words a pattern can start with, looked up by their first character (a bit set, then the few words in
 * that character's bucket), so a span is read once whatever the number of words. The buckets are an array
 * indexed by the low bits of the character rather than a map, so a look-up boxes nothing. Immutable and
 * thread-safe.
 */
final class FirstWords {

    /** the first characters of the words ({@link CharFilter}) */
    private final long[] first = CharFilter.create();
    /** the words by the low 8 bits of their first character */
    private final String[][] byFirst = new String[256][];

    private final java.util.List<String> words;

    FirstWords(String... words) {
        this.words = java.util.List.of(words);
        for (String w : words) {
            char c = w.charAt(0);
            CharFilter.add(first, c);
            String[] old = byFirst[c & 0xFF];
            String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = w;
            byFirst[c & 0xFF] = now;
        }
    }

    /** False when no word can start with a character of {@code chars} (a {@link CharFilter}). */
    boolean mayStartWithOneOf(long[] chars) {
        for (int i = 0; i < first.length; i++) {
            if ((first[i] & chars[i]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** The words, in the order given. */
    java.util.List<String> words() {
        return words;
    }

    /** True when one of the words starts at {@code i} of {@code text} and ends by {@code to}. */
    boolean at(CharSequence text, int i, int to) {
        char c = text.charAt(i);
        if (!CharFilter.mayContain(first, c)) {
            return false;
        }
        for (String w : byFirst[c & 0xFF]) {
            if (w.charAt(0) == c && i + w.length() <= to && regionStarts(text, i, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when {@code accept} takes one of the words that start at {@code i} of {@code text} and end by {@code to};
     * false when none starts there.
     */
    boolean anyAt(CharSequence text, int i, int to, java.util.function.Predicate<String> accept) {
        char c = text.charAt(i);
        if (!CharFilter.mayContain(first, c)) {
            return false;
        }
        for (String w : byFirst[c & 0xFF]) {
            if (w.charAt(0) == c && i + w.length() <= to && regionStarts(text, i, w) && accept.test(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean regionStarts(CharSequence text, int i, String w) {
        if (text instanceof String s) {
            return s.startsWith(w, i);
        }
        for (int k = 0; k < w.length(); k++) {
            if (text.charAt(i + k) != w.charAt(k)) {
                return false;
            }
        }
        return true;
    }
}
