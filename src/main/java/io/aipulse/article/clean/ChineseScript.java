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
 * very result of converting the whole text.
 */
final class ChineseScript {

    private static final char FIRST = '\u4e00';
    private static final char LAST = '\u9fff';

    private static volatile Tables tables;

    /**
     * {@code simplified[c - FIRST]}: the simplified form of one character; {@code traditional}: bits of the
     * characters that differ from their simplified form; {@code phrase}: bits (over all of UTF-16) of
     * characters without which no entry of the phrase dictionary can change a text.
     */
    private record Tables(char[] simplified, long[] traditional, long[] phrase) {
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
        long[] t = tables().traditional();
        int han = 0;
        int traditional = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= FIRST && c <= LAST) {
                han++;
                int k = c - FIRST;
                if ((t[k >>> 6] & (1L << k)) != 0) {
                    traditional++;
                }
            }
        }
        return traditional >= 5 || (traditional >= 2 && traditional * 50 >= han);
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
        long[] phrase = tables().phrase();
        StringBuilder out = null;
        int n = s.length();
        int copied = 0; // s[0, copied) is in out (when out exists)
        int start = 0;
        while (start <= n) {
            int nl = s.indexOf('\n', start);
            int end = nl < 0 ? n : nl;
            if (mayChange(s, start, end, phrase)) {
                if (out == null) {
                    out = new StringBuilder(n + 16);
                }
                out.append(s, copied, start);
                out.append(HanLP.convertToSimplifiedChinese(s.substring(start, end)));
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
        out.append(s, copied, n);
        return out.toString();
    }

    private static boolean mayChange(String s, int from, int to, long[] phrase) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
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
        return new Tables(simplified, traditional, phraseChars(simplified));
    }

    /**
     * For every entry of HanLP's t2s dictionary that changes its key, one character the key must contain for
     * the entry to apply: a position where key and value differ (a traditional-only one when there is one),
     * or, when the lengths differ, the last character. When the dictionary cannot be read, every character.
     */
    private static long[] phraseChars(char[] simplified) {
        long[] bits = new long[65536 / 64];
        StringDictionary dictionary = new StringDictionary("=");
        boolean loaded;
        try {
            loaded = dictionary.load(HanLP.Config.tcDictionaryRoot + "t2s.txt");
        } catch (RuntimeException e) {
            loaded = false;
        }
        if (!loaded || dictionary.entrySet().isEmpty()) {
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
