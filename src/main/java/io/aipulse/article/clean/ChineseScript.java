package io.aipulse.article.clean;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.dictionary.StringDictionary;
import java.util.Map;

/**
 * Traditional to simplified Chinese with HanLP (portable). A per-character table, built once from
 * HanLP's own dictionary, detects traditional text cheaply, so simplified articles (the usual case)
 * skip the conversion; traditional ones go through HanLP's phrase-aware converter, or through the
 * table when the phrase converter would change the length (the table keeps offsets exact).
 *
 * <p>The phrase converter runs only on the lines it can change. Its dictionary ({@code t2s.txt}) has no
 * line breaks, so its longest-match segmentation of a text is that of each line, and a line holding no
 * character that some changing entry must contain comes out as it went in. Mixed articles (a quoted
 * traditional paragraph in simplified news) therefore convert only their traditional lines, with the
 * very result of converting the whole text. The conversion itself is HanLP's algorithm (at each place the
 * longest entry of the dictionary that starts there, left to right) on HanLP's own dictionary, done here
 * without its per-character allocations; it is checked against HanLP once when the tables are built, and
 * HanLP's converter is used if the two ever disagree.
 */
final class ChineseScript {

    static final char FIRST = '\u4e00';
    static final char LAST = '\u9fff';

    private static volatile Tables tables;

    /**
     * {@code simplified[c - FIRST]}: the simplified form of one character; {@code traditional}: bits of the
     * characters that differ from their simplified form; {@code phrase}: bits (over all of UTF-16) of
     * characters without which no entry of the phrase dictionary can change a text.
     */
    private record Tables(char[] simplified, long[] traditional, long[] phrase, Phrases phrases) {
    }

    /**
     * The t2s dictionary for longest-match conversion: one-character entries in a table, longer ones by their
     * first character, longest first. {@code starts} has a bit for each pair of characters that opens an entry of
     * two or more characters (hashed, {@link #pairBit}), and for each character with an entry of its own among the
     * longer ones: most characters that start some entry are followed by none of its second characters, and are
     * then converted by the table without looking their entries up.
     */
    private record Phrases(char[] single, long[] multiFirst, long[] starts, char[] multiKeys, String[][] multi) {

        static final int PAIR_BITS = 1 << 16;

        /** the bit of {@code starts} for an entry starting with {@code first}, {@code second} (0 for none) */
        static int pairBit(char first, char second) {
            return (first * 0x9E37 + second) & (PAIR_BITS - 1);
        }

        /** False when no entry longer than one character in the table can start at {@code i} of {@code s[.., to)}. */
        boolean mayStart(char[] s, int i, int to) {
            char c = s[i];
            if ((multiFirst[c >>> 6] & (1L << c)) == 0) {
                return false;
            }
            int lone = pairBit(c, (char) 0);
            int pair = i + 1 < to ? pairBit(c, s[i + 1]) : lone;
            return (starts[lone >>> 6] & (1L << lone)) != 0 || (starts[pair >>> 6] & (1L << pair)) != 0;
        }

        /** The entries (key, value, key, value, ...) longer than one character that start with {@code c}. */
        String[] entries(char c) {
            int mask = multiKeys.length - 1;
            for (int h = (c * 0x9E37) & mask; ; h = (h + 1) & mask) {
                if (multiKeys[h] == c) {
                    return multi[h];
                }
                if (multi[h] == null) {
                    return null;
                }
            }
        }

        /** Appends the conversion of {@code s[from, to)} to {@code out}: HanLP's segLongest. */
        void convert(char[] s, int from, int to, Chars out) {
            int i = from;
            out.ensure(to - from);
            while (i < to) {
                char c = s[i];
                if (mayStart(s, i, to)) {
                    int end = longestEntryAt(s, i, to, out);
                    if (end > i) {
                        i = end;
                        out.ensure(to - i); // a value may be longer than its key
                        continue;
                    }
                }
                char x = single[c];
                out.chars[out.length++] = x != 0 ? x : c;
                i++;
            }
        }

        /** Appends the value of the longest entry that starts at {@code i} and returns its end; {@code i} when none. */
        private int longestEntryAt(char[] s, int i, int to, Chars out) {
            String[] kv = entries(s[i]);
            for (int k = 0; k < kv.length; k += 2) {
                String key = kv[k];
                if (i + key.length() <= to && startsWith(s, i, key)) {
                    out.append(kv[k + 1]);
                    return i + key.length();
                }
            }
            return i;
        }

        private static boolean startsWith(char[] s, int at, String key) {
            for (int k = 0; k < key.length(); k++) {
                if (s[at + k] != key.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * The converted text as it grows: a char array written one character at a time, without the capacity and coder
     * checks a StringBuilder makes for each (the conversion writes every character of a traditional article).
     */
    private static final class Chars {
        private char[] chars;
        private int length;

        Chars(int capacity) {
            chars = new char[capacity];
        }

        /** Room for {@code more} characters after the current length. */
        void ensure(int more) {
            if (length + more > chars.length) {
                chars = java.util.Arrays.copyOf(chars, Math.max(chars.length * 2, length + more));
            }
        }

        void append(char[] s, int from, int to) {
            ensure(to - from);
            System.arraycopy(s, from, chars, length, to - from);
            length += to - from;
        }

        void append(String s) {
            ensure(s.length());
            s.getChars(0, s.length(), chars, length);
            length += s.length();
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    private ChineseScript() {
    }

    /** The simplified form of one character (the character itself when it is not traditional). */
    static char simplify(char c) {
        if (c < FIRST || c > LAST) {
            return c;
        }
        return tables().simplified()[c - FIRST];
    }

    /** True when enough characters are traditional-only that the text is written in traditional script. */
    static boolean looksTraditional(CharSequence s) {
        return looksTraditional(s.toString().toCharArray(), s.length());
    }

    /** {@link #looksTraditional(CharSequence)} of {@code chars[0, length)}. */
    static boolean looksTraditional(char[] chars, int length) {
        long[] t = tables().traditional();
        int han = 0;
        int traditional = 0;
        for (int i = 0; i < length; i++) {
            char c = chars[i];
            if (c >= FIRST && c <= LAST) {
                han++;
                int k = c - FIRST;
                if ((t[k >>> 6] & (1L << k)) != 0) {
                    traditional++;
                }
            }
        }
        return looksTraditional(han, traditional);
    }

    /** The decision from the counts: CJK ideographs, and those that are traditional-only. */
    static boolean looksTraditional(int han, int traditional) {
        return traditional >= 5 || (traditional >= 2 && traditional * 50 >= han);
    }

    /** Bit {@code c - FIRST} set when the ideograph c is traditional-only. */
    static long[] traditionalBits() {
        return tables().traditional();
    }

    /**
     * Simplified text of exactly the same length (so offsets stay valid): HanLP's converter when it
     * keeps the length, otherwise the character table.
     */
    static String toSimplifiedSameLength(String s) {
        String converted = convertLines(s);
        if (converted.length() == s.length()) {
            return converted;
        }
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = simplify(out[i]);
        }
        return new String(out);
    }

    /** {@code HanLP.convertToSimplifiedChinese(s)}, computed line by line and only where it can change. */
    private static String convertLines(String s) {
        Tables t = tables();
        long[] phrase = t.phrase();
        char[] in = s.toCharArray(); // read as an array: every character of a changed line is read twice
        Chars out = null;
        int n = in.length;
        int copied = 0; // s[0, copied) is in out (when out exists)
        int start = 0;
        while (start <= n) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (mayChange(in, start, end, phrase)) {
                if (out == null) {
                    out = new Chars(n + 16);
                }
                out.append(in, copied, start);
                if (t.phrases() != null) {
                    t.phrases().convert(in, start, end, out);
                } else {
                    out.append(HanLP.convertToSimplifiedChinese(s.substring(start, end)));
                }
                copied = end;
            }
            if (nl < 0) {
                break;
            }
            start = nl + 1;
        }
        if (out == null) {
            return s;
        }
        out.append(in, copied, n);
        return out.toString();
    }

    private static boolean mayChange(char[] s, int from, int to, long[] phrase) {
        for (int i = from; i < to; i++) {
            char c = s[i];
            if ((phrase[c >>> 6] & (1L << c)) != 0) {
                return true;
            }
        }
        return false;
    }

    private static Tables tables() {
        Tables t = tables;
        if (t == null) {
            synchronized (ChineseScript.class) {
                t = tables;
                if (t == null) {
                    t = build();
                    tables = t;
                }
            }
        }
        return t;
    }

    private static Tables build() {
        char[] simplified = new char[LAST - FIRST + 1];
        long[] traditional = new long[(simplified.length + 63) / 64];
        for (char c = FIRST; c <= LAST; c++) {
            String r = HanLP.convertToSimplifiedChinese(String.valueOf(c));
            char x = r.length() == 1 ? r.charAt(0) : c;
            simplified[c - FIRST] = x;
            if (x != c) {
                traditional[(c - FIRST) >>> 6] |= 1L << (c - FIRST);
            }
        }
        Map<String, String> dictionary = dictionary();
        return new Tables(simplified, traditional, phraseChars(dictionary, simplified), phrases(dictionary));
    }

    /** HanLP's t2s dictionary as HanLP reads it, or null when it cannot be read. */
    private static Map<String, String> dictionary() {
        StringDictionary dictionary = new StringDictionary("=");
        try {
            if (!dictionary.load(HanLP.Config.tcDictionaryRoot + "t2s.txt") || dictionary.entrySet().isEmpty()) {
                return null;
            }
        } catch (RuntimeException e) {
            return null;
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            if (e.getKey() != null && !e.getKey().isEmpty() && e.getValue() != null) {
                out.put(e.getKey(), e.getValue());
            }
        }
        return out;
    }

    /** The dictionary for {@link Phrases#convert}, or null when it does not give HanLP's result on its own keys. */
    private static Phrases phrases(Map<String, String> dictionary) {
        if (dictionary == null) {
            return null;
        }
        char[] single = new char[65536];
        long[] multiFirst = new long[1024];
        long[] starts = new long[Phrases.PAIR_BITS / 64];
        Map<Character, java.util.List<String>> byFirst = new java.util.HashMap<>();
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            String key = e.getKey();
            if (key.length() == 1 && e.getValue().length() == 1 && e.getValue().charAt(0) != 0) {
                single[key.charAt(0)] = e.getValue().charAt(0);
            } else {
                // longer keys, and one-character keys whose value is not one character
                multiFirst[key.charAt(0) >>> 6] |= 1L << key.charAt(0);
                int bit = Phrases.pairBit(key.charAt(0), key.length() > 1 ? key.charAt(1) : (char) 0);
                starts[bit >>> 6] |= 1L << bit;
                byFirst.computeIfAbsent(key.charAt(0), k -> new java.util.ArrayList<>()).add(key);
            }
        }
        int size = Integer.highestOneBit(Math.max(16, byFirst.size() * 4));
        char[] multiKeys = new char[size];
        String[][] multi = new String[size][];
        byFirst.forEach((c, keys) -> {
            keys.sort((a, b) -> Integer.compare(b.length(), a.length()));
            String[] kv = new String[2 * keys.size()];
            for (int i = 0; i < keys.size(); i++) {
                kv[2 * i] = keys.get(i);
                kv[2 * i + 1] = dictionary.get(keys.get(i));
            }
            int h = (c * 0x9E37) & (size - 1);
            while (multi[h] != null) {
                h = (h + 1) & (size - 1);
            }
            multiKeys[h] = c;
            multi[h] = kv;
        });
        Phrases phrases = new Phrases(single, multiFirst, starts, multiKeys, multi);
        // every key, each alone on a line and all run together: the same result as HanLP or not used
        StringBuilder sample = new StringBuilder();
        for (String key : dictionary.keySet()) {
            sample.append(key).append('\n');
        }
        for (String key : dictionary.keySet()) {
            sample.append(key);
        }
        String text = sample.toString();
        Chars ours = new Chars(text.length());
        phrases.convert(text.toCharArray(), 0, text.length(), ours);
        return ours.toString().equals(HanLP.convertToSimplifiedChinese(text)) ? phrases : null;
    }

    /**
     * For every entry of HanLP's t2s dictionary that changes its key, one character the key must contain for
     * the entry to apply: a position where key and value differ (a traditional-only one when there is one),
     * or, when the lengths differ, the last character. When the dictionary cannot be read, every character.
     */
    private static long[] phraseChars(Map<String, String> dictionary, char[] simplified) {
        long[] bits = new long[65536 / 64];
        if (dictionary == null) {
            java.util.Arrays.fill(bits, -1L);
            return bits;
        }
        for (Map.Entry<String, String> e : dictionary.entrySet()) {
            String key = e.getKey();
            String value = e.getValue();
            if (key == null || key.isEmpty() || key.equals(value)) {
                continue;
            }
            int pick = -1;
            boolean sameLength = value != null && value.length() == key.length();
            for (int i = 0; i < key.length(); i++) {
                if (sameLength && key.charAt(i) == value.charAt(i)) {
                    continue;
                }
                char c = key.charAt(i);
                if (c >= FIRST && c <= LAST && simplified[c - FIRST] != c) {
                    pick = i;
                    break;
                }
                pick = pick < 0 || !sameLength ? i : pick;
            }
            if (pick < 0) {
                pick = 0;
            }
            char c = key.charAt(pick);
            bits[c >>> 6] |= 1L << c;
        }
        return bits;
    }
}
