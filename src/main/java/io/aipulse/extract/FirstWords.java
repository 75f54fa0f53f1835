package io.aipulse.extract;

import java.util.HashMap;
import java.util.Map;

/**
 * The words a pattern can start with, looked up by their first character (a bit set, then the few words with
 * that character), so a span is read once whatever the number of words. Immutable and thread-safe.
 */
final class FirstWords {

    private final long[] first = new long[1024];
    private final Map<Character, String[]> byFirst = new HashMap<>();

    FirstWords(String... words) {
        for (String w : words) {
            char c = w.charAt(0);
            first[c >>> 6] |= 1L << c;
            String[] old = byFirst.get(c);
            String[] now = old == null ? new String[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = w;
            byFirst.put(c, now);
        }
    }

    /** True when one of the words starts at {@code i} of {@code text} and ends by {@code to}. */
    boolean at(CharSequence text, int i, int to) {
        char c = text.charAt(i);
        if ((first[c >>> 6] & (1L << c)) == 0) {
            return false;
        }
        for (String w : byFirst.get(c)) {
            if (i + w.length() <= to && regionStarts(text, i, w)) {
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
