package io.aipulse.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Financing rounds: 种子轮, 天使轮, Pre-A 轮, A+轮, B 轮, 战略融资, Pre-IPO, Series C ... ("天使 + 轮", "A+++轮":
 * any number of plus signs, each round with them is read as its plus round or as itself). A letter
 * counts only as a round when it stands alone before 轮 / 系列 / round (not the A of "AI").
 */
public final class RoundParser {

    static final Pattern ROUND = Pattern.compile(
            "(?i)(pre[- ]?ipo)"
            + "|(种子\\s?[+＋]*\\s?(?:轮|投资|融资|期|资金))"
            + "|(天使\\s?[+＋]*\\s?(?:轮|投资|融资|期))"
            + "|(战略(?:融资|投资|轮|注资)|战投)"
            + "|(?<![A-Za-z])(pre[- ]?)?([A-F])\\d?\\s?([+＋]+|plus)?\\s?(?:轮|系列|round)"
            + "|series\\s?([A-F])(\\+)?(?![A-Za-z])");

    private RoundParser() {
    }

    /** The first round named in {@code [from, to)}, or null. */
    public static Round find(CharSequence s, int from, int to) {
        if (!mayName(s, Math.max(0, from), Math.min(to, s.length()))) {
            return null;
        }
        Matcher m = ROUND.matcher(s).region(Math.max(0, from), Math.min(to, s.length()));
        if (!m.find()) {
            return null;
        }
        if (m.group(1) != null) {
            return Round.PRE_IPO;
        }
        if (m.group(2) != null) {
            return Round.SEED;
        }
        if (m.group(3) != null) {
            return Round.ANGEL;
        }
        if (m.group(4) != null) {
            return Round.STRATEGIC;
        }
        String letter = m.group(6) != null ? m.group(6) : m.group(8);
        boolean pre = m.group(5) != null;
        boolean plus = m.group(6) != null ? m.group(7) != null : m.group(9) != null;
        return letter(Character.toUpperCase(letter.charAt(0)), pre, plus);
    }

    /**
     * A necessary condition for a match in {@code [from, to)}: each alternative of the pattern holds one of 种, 天,
     * 战, 轮, 系 or (either case) p, r, s, so most clauses, which hold none, are turned away in one pass.
     */
    static boolean mayName(CharSequence s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c == '种' || c == '天' || c == '战' || c == '轮' || c == '系') {
                return true;
            }
            char lower = (char) (c | 0x20);
            if (lower == 'p' || lower == 'r' || lower == 's') {
                return true;
            }
        }
        return false;
    }

    /** The first round named in {@code s}, or null. */
    public static Round find(CharSequence s) {
        return find(s, 0, s.length());
    }

    private static Round letter(char c, boolean pre, boolean plus) {
        return switch (c) {
            case 'A' -> pre ? Round.PRE_A : plus ? Round.A_PLUS : Round.A;
            case 'B' -> pre ? Round.PRE_B : plus ? Round.B_PLUS : Round.B;
            case 'C' -> Round.C;
            case 'D' -> Round.D;
            default -> Round.E;
        };
    }
}
