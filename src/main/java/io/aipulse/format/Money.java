package io.aipulse.format;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amounts of yuan as a Chinese reader writes them: 万 (10^4), 亿 (10^8) and 万亿 (10^12), at most two
 * decimals, {@code 8.64亿元} rather than {@code 863999993}. One formatter for the analyst page and the
 * {@code demo} table, so both show the same figure for the same aggregate.
 */
public final class Money {

    private static final long[] UNITS = {1_000_000_000_000L, 100_000_000L, 10_000L};
    private static final String[] UNIT_NAMES = {"万亿", "亿", "万"};

    private Money() {
    }

    /** {@code 863999993} -> {@code 8.64亿元}; {@code 35000} -> {@code 3.5万元}; {@code 800} -> {@code 800元}. */
    public static String yuan(long amount) {
        return number(amount) + "元";
    }

    /**
     * A funding range: {@code 7.99亿–8.64亿元}, one figure when both ends read the same ({@code 8亿元}), and
     * the empty string when there is no amount (null or zero minimum and maximum).
     */
    public static String range(Long min, Long max) {
        long low = min == null ? 0 : min;
        long high = max == null ? low : max;
        if (low == 0 && high == 0) {
            return "";
        }
        String from = number(low);
        String to = number(high);
        return from.equals(to) ? from + "元" : from + "–" + to + "元";
    }

    /**
     * The amount in the largest unit it reaches once rounded to two decimals (so 99,999,999 is 1亿, not
     * 10000万), trailing zeros dropped.
     */
    static String number(long amount) {
        if (amount < 0) {
            return "-" + number(-amount);
        }
        BigDecimal value = BigDecimal.valueOf(amount);
        for (int i = 0; i < UNITS.length; i++) {
            BigDecimal scaled = value.divide(BigDecimal.valueOf(UNITS[i]), 2, RoundingMode.HALF_UP);
            if (scaled.compareTo(BigDecimal.ONE) >= 0) {
                return scaled.stripTrailingZeros().toPlainString() + UNIT_NAMES[i];
            }
        }
        return Long.toString(amount);
    }
}
