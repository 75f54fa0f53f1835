package io.aipulse.extract;

/**
 * A small set of literal words looked up in one pass over a span: a character starts a candidate only when
 * some word starts with it (a bit set of first characters), so a clause is read once whatever the number of
 * words. Immutable and thread-safe.
 */
final class Words {

    /** the words by the low 8 bits of their first character: a candidate compares only a few */
    private final String[][] byFirst = new String[256][];
    /** the words by the low 8 bits of their last character */
    private final String[][] byLast = new String[256][];
    /** the first characters of the words ({@link CharFilter}: callers compare the words of a bucket) */
    private final long[] first = CharFilter.create();
    /** the last characters of the words */
    private final long[] last = CharFilter.create();

    private Words(String[] words) {
        for (String w : words) {
            if (w.isEmpty()) {
                throw new IllegalArgumentException("empty word");
            }
            set(first, w.charAt(0));
            set(last, w.charAt(w.length() - 1));
            add(byFirst, w.charAt(0), w);
            add(byLast, w.charAt(w.length() - 1), w);
        }
    }

    private static void add(String[][] buckets, char c, String w) {
        String[] b = buckets[c & 0xFF];
        b = b == null ? new String[1] : java.util.Arrays.copyOf(b, b.length + 1);
        b[b.length - 1] = w;
        buckets[c & 0xFF] = b;
    }

    static Words of(String... words) {
        return new Words(words);
    }

    private static void set(long[] bits, char c) {
        CharFilter.add(bits, c);
    }

    private static boolean has(long[] bits, char c) {
        return CharFilter.mayContain(bits, c);
    }

    /** True when {@code s} contains one of the words. */
    boolean in(CharSequence s) {
        String str = s.toString();
        return in(str, 0, str.length());
    }

    /** True when one of the words lies inside {@code [from, to)} of {@code s}. */
    boolean in(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (has(first, c) && startsAt(s, i, to)) {
                return true;
            }
        }
        return false;
    }

    /** One of the words starts at {@code i} and ends by {@code to}. */
    boolean startsAt(String s, int i, int to) {
        char c = s.charAt(i);
        if (!has(first, c)) {
            return false;
        }
        for (String w : byFirst[c & 0xFF]) {
            if (w.charAt(0) == c && i + w.length() <= to && s.startsWith(w, i)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when one of the words lies inside {@code [from, to)} of {@code s} outside a 《book title》: the words
     * of a title are its name ("《...三年行动计划》近日出台" speaks of no plan of the future).
     */
    boolean inOutsideTitles(String s, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '《') {
                depth++;
                continue;
            }
            if (c == '》') {
                depth = Math.max(0, depth - 1);
                continue;
            }
            if (depth == 0 && has(first, c) && startsAt(s, i, to)) {
                return true;
            }
        }
        return false;
    }

    /** True when one of the words ends exactly at {@code to} and starts at or after {@code from}. */
    boolean endsIn(String s, int from, int to) {
        if (to <= from || !has(last, s.charAt(to - 1))) {
            return false;
        }
        char c = s.charAt(to - 1);
        for (String w : byLast[c & 0xFF]) {
            int st = to - w.length();
            if (st >= from && w.charAt(w.length() - 1) == c && s.startsWith(w, st)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The end of the last-ending word inside {@code [from, to)} of {@code s}, or -1: the maximum over the
     * words of {@code lastIndexOf(w) + w.length()}.
     */
    int lastEnd(String s, int from, int to) {
        for (int e = to; e > from; e--) {
            char c = s.charAt(e - 1);
            if (!has(last, c)) {
                continue;
            }
            for (String w : byLast[c & 0xFF]) {
                int st = e - w.length();
                if (st >= from && w.charAt(w.length() - 1) == c && s.startsWith(w, st)) {
                    return e;
                }
            }
        }
        return -1;
    }
}
