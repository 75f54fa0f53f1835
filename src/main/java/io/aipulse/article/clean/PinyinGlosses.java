package io.aipulse.article.clean;

import java.util.regex.Pattern;

/**
 * Inline pinyin glosses, which some mis-converted pages print after characters ({@code 字節(jié)跳動},
 * {@code 發(fā)布}, {@code 中國(guo)(guo)}): they split the words the dictionary and the rules look for, so cleaning drops
 * them. A gloss with a tone mark is one wherever it stands. A gloss without one ({@code (de)}, {@code (zhi)}) is
 * taken only as a pinyin syllable of two letters or more and only on a page that glosses
 * {@link #PAGE_GLOSSES} times or more: a lone {@code (a)} or {@code (de)} elsewhere may be a list's mark or a word.
 */
final class PinyinGlosses {

    private static final String TONE_VOWELS = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ";
    /** the plain vowel of each of {@link #TONE_VOWELS} */
    private static final String PLAIN_VOWELS = "aaaaeeeeiiiioooouuuuvvvvvnnnm";
    /** the glosses a page prints before its toneless ones are taken as glosses too */
    private static final int PAGE_GLOSSES = 3;
    /** the longest syllable ("zhuang", "shuang") */
    private static final int LONGEST = 6;
    /** a syllable of Mandarin written in pinyin without tones: an initial, then a final */
    private static final Pattern SYLLABLE = Pattern.compile("(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
            + "(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|ia|ie|iu|ua|uo|ue|ve|ui"
            + "|er|a|o|e|i|u|v)|ng|n|m");

    private PinyinGlosses() {
    }

    /** Whether {@code raw} glosses its characters often enough that its toneless glosses count as glosses. */
    static boolean glossesPage(String raw) {
        return glosses(raw, '(') + glosses(raw, '\uFF08') >= PAGE_GLOSSES;
    }

    /** The glosses, toned or not, whose parenthesis is {@code open}, counted up to {@link #PAGE_GLOSSES}. */
    private static int glosses(String raw, char open) {
        int found = 0;
        for (int at = raw.indexOf(open, 1); at >= 0 && found < PAGE_GLOSSES; at = raw.indexOf(open, at + 1)) {
            if (Character.isIdeographic(raw.charAt(at - 1)) && end(raw, at, true) > 0) {
                found++;
            }
        }
        return found;
    }

    /**
     * End (exclusive) of the gloss whose parenthesis opens at {@code open}, or -1: lower-case letters in parentheses,
     * with a tone mark, or (when {@code toneless}) a syllable of two letters or more without one.
     */
    static int end(String s, int open, boolean toneless) {
        boolean tone = false;
        int limit = Math.min(s.length(), open + LONGEST + 3);
        for (int j = open + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == ')' || c == '\uFF09') {
                if (j == open + 1) {
                    return -1;
                }
                return tone || toneless && j - open - 1 >= 2 && isSyllable(s, open + 1, j) ? j + 1 : -1;
            }
            if (TONE_VOWELS.indexOf(c) >= 0) {
                tone = true;
            } else if (c < 'a' || c > 'z') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isSyllable(String s, int from, int to) {
        StringBuilder plain = new StringBuilder(to - from);
        for (int j = from; j < to; j++) {
            char c = s.charAt(j);
            int k = TONE_VOWELS.indexOf(c);
            plain.append(k >= 0 ? PLAIN_VOWELS.charAt(k) : c);
        }
        return SYLLABLE.matcher(plain).matches();
    }
}
