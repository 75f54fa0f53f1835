package io.aipulse.extract;

import java.util.List;

/**
 * The value of a takeover told in a sentence of its own: "以此计算,合计总对价达16.65亿元", "此次收购价值近20亿美元",
 * "预期交易估值约20至30亿美元". The sentence that tells the acquisition often gives no price; an analyst reads the
 * article's stated value as the deal's.
 */
final class DealValue {

    /** what the value of a deal is called */
    static final List<String> VALUE_WORDS = List.of("总对价", "交易对价", "收购对价", "对价", "交易金额", "交易总额", "收购金额", "收购总额",
            "收购总价", "交易总价", "收购价值", "交易价值", "交易估值", "交易规模");
    private static final Words VALUE = Words.of(VALUE_WORDS.toArray(new String[0]));
    /** how far after the word its amount may start: "总对价达到", "交易规模在", "收购价值近" */
    private static final int REACH = 6;
    /** how long the amount itself may be: "约20至30亿美元(约合人民币142亿元)" */
    private static final int AMOUNT_LENGTH = 24;

    private DealValue() {
    }

    /** The first deal value the article states, or null. */
    static Amount in(ArticleContext article) {
        String text = article.text();
        for (int i = 0; i < text.length(); i++) {
            if (!VALUE.startsAt(text, i, text.length())) {
                continue;
            }
            int wordEnd = i + longestAt(text, i);
            if (wordEnd < text.length() && text.charAt(wordEnd) == '格') {
                continue; // "对价格": 对 + 价格, no value
            }
            int to = Math.min(text.length(), wordEnd + REACH + AMOUNT_LENGTH);
            List<AmountParser.Match> after = article.amounts().findAll(text, wordEnd, to);
            if (!after.isEmpty() && after.get(0).start() - wordEnd <= REACH
                    && !between(text, wordEnd, after.get(0).start())) {
                return after.get(0).amount();
            }
        }
        return null;
    }

    private static int longestAt(String text, int at) {
        int best = 0;
        for (String w : VALUE_WORDS) {
            if (w.length() > best && text.startsWith(w, at)) {
                best = w.length();
            }
        }
        return best;
    }

    /** clause punctuation between the word and the amount: the amount belongs to another clause */
    private static boolean between(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if ("，。；,;".indexOf(text.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }
}
