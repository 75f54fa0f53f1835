package io.aipulse.extract;

import java.util.regex.Pattern;

/**
 * The words that make a round or an investment a total rather than one event (累计, 总融资, 三轮融资, ...), found by
 * hand in a clause with the answer of {@link #PATTERN}'s {@code find()}, which is kept as the reference: the
 * clause is read once for the literal words, and "轮融资" is then looked for with the character before it.
 */
final class Aggregates {

    static final Pattern PATTERN = Pattern.compile(
            "累计|总额|总计|共计|连续|先后|融资前|总融资|合计|(?<![A-Za-z0-9])\\d+\\s?轮融资|多轮融资|数轮融资|[两三四五六七八九十]轮融资");
    private static final Words WORDS = Words.of("累计", "总额", "总计", "共计", "连续", "先后", "融资前", "总融资", "合计");
    /** the words of WORDS that sum money, not rounds */
    private static final Words SUMS = Words.of("累计", "总额", "总计", "共计", "融资前", "总融资", "合计");
    /** the characters that may stand right before 轮融资, besides digits */
    private static final String COUNTS = "多数两三四五六七八九十";
    private static final String ROUNDS = "轮融资";

    private Aggregates() {
    }

    /** {@code PATTERN.matcher(text.substring(from, to)).find()}. */
    static boolean in(String text, int from, int to) {
        if (WORDS.in(text, from, to)) {
            return true;
        }
        for (int k = text.indexOf(ROUNDS, from); k >= 0 && k + ROUNDS.length() <= to; k = text.indexOf(ROUNDS, k + 1)) {
            if (k > from && counted(text, from, k)) {
                return true;
            }
        }
        return false;
    }

    /** "完成总额1亿美元的B轮融资": 总额 sizes the one round the clause names */
    private static final Pattern ONE_ROUND_TOTAL = Pattern.compile("总额(?:为|达|约|超过|超)?\\s?[^，。；,;的]{1,14}?的[^，。；,;]{0,8}?轮融资");

    /**
     * {@link #in}, except for a 总额 that gives the size of the one round named after it ("完成总额1亿美元的B轮融资"),
     * which sums nothing.
     */
    static boolean total(String text, int from, int to) {
        if (!in(text, from, to)) {
            return false;
        }
        String clause = text.substring(from, to);
        return !ONE_ROUND_TOTAL.matcher(clause).find() || in(clause.replace("总额", "　　"), 0, clause.length());
    }

    /** A word that sums money over rounds stands in {@code [from, to)} ("累计融资超10亿元"), not only a count of rounds. */
    static boolean sumIn(String text, int from, int to) {
        return SUMS.in(text, from, to);
    }

    /**
     * {@code \\d+\\s?}, 多, 数 or a Chinese numeral right before {@code k}, not before {@code from}; digits right
     * after a Latin letter name a sub-round ("C1轮融资", "B2轮融资"), not a count of rounds.
     */
    private static boolean counted(String text, int from, int k) {
        char p = text.charAt(k - 1);
        if (COUNTS.indexOf(p) >= 0) {
            return true;
        }
        int d = isDigit(p) ? k - 1 : k - 2 >= from && NamePatterns.isRegexSpace(p) && isDigit(text.charAt(k - 2)) ? k - 2 : -1;
        if (d < 0) {
            return false;
        }
        while (d > from && isDigit(text.charAt(d - 1))) {
            d--;
        }
        return d == from || !Names.isLatinLetter(text.charAt(d - 1));
    }


    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
