package io.aipulse.article.clean;

import com.hankcs.hanlp.HanLP;

/**
 * Traditional to simplified Chinese with HanLP (portable). A per-character table, built once from
 * HanLP's own dictionary, detects traditional text cheaply, so simplified articles (the usual case)
 * skip the conversion; traditional ones go through HanLP's phrase-aware converter, or through the
 * table when the phrase converter would change the length (the table keeps offsets exact).
 */
final class ChineseScript {

    private static final char FIRST = '\u4e00';
    private static final char LAST = '\u9fff';

    private static volatile char[] table;

    private ChineseScript() {
    }

    /** The simplified form of one character (the character itself when it is not traditional). */
    static char simplify(char c) {
        if (c < FIRST || c > LAST) {
            return c;
        }
        return table()[c - FIRST];
    }

    /** True when enough characters are traditional-only that the text is written in traditional script. */
    static boolean looksTraditional(CharSequence s) {
        char[] t = table();
        int han = 0;
        int traditional = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= FIRST && c <= LAST) {
                han++;
                if (t[c - FIRST] != c) {
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
        String converted = HanLP.convertToSimplifiedChinese(s);
        if (converted.length() == s.length()) {
            return converted;
        }
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = simplify(out[i]);
        }
        return new String(out);
    }

    private static char[] table() {
        char[] t = table;
        if (t == null) {
            synchronized (ChineseScript.class) {
                t = table;
                if (t == null) {
                    t = build();
                    table = t;
                }
            }
        }
        return t;
    }

    private static char[] build() {
        char[] t = new char[LAST - FIRST + 1];
        for (char c = FIRST; c <= LAST; c++) {
            String r = HanLP.convertToSimplifiedChinese(String.valueOf(c));
            t[c - FIRST] = r.length() == 1 ? r.charAt(0) : c;
        }
        return t;
    }
}
