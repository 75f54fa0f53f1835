package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds money amounts in Chinese news text: {@code 1 亿美元}, {@code 数千万元}, {@code 超10亿美元},
 * {@code 近5亿元}, {@code 500-1000亿元}, {@code 两千万元}, {@code $35 million},
 * {@code 1.2亿美元(约合人民币8.7亿元)}. A hand-written scanner (no regex), linear in the input.
 *
 * <p>Semantics (spec/EVENTS.md): {@code 数百万} is 1e6..1e7-1 and {@code 数千万} 1e7..1e8-1;
 * {@code 近/约} keep the value and mark it approximate; {@code 超/逾/以上/多} open the maximum;
 * an explicit conversion ({@code 约合 / 合人民币 / 折合}) sets the CNY values, otherwise the configured
 * rates do. A number without a currency is not an amount.
 */
public final class AmountParser {

    /** One amount found in a text: {@code [start, end)} covers it and its explicit conversion. */
    public record Match(int start, int end, Amount amount) {
    }

    /**
     * the words before a number that make it approximate; a cap ("不超过20亿元", "最多") is its own value, as
     * approximate, and is written before the 超过 it holds
     */
    private static final String[] QUALIFIERS = {
        "不超过", "不超出", "不高于", "最多", "至多", "将近", "接近", "超过", "超出", "高达", "不到", "不足", "大约", "近", "超", "约", "逾", "达"};
    private static final String[][] CURRENCY_SUFFIX = {
        {"美元", "USD"}, {"美金", "USD"}, {"欧元", "EUR"}, {"英镑", "GBP"}, {"加拿大元", "CAD"},
        {"加元", "CAD"}, {"加币", "CAD"}, {"港元", "HKD"}, {"港币", "HKD"}, {"日元", "JPY"}, {"新台币", "TWD"}, {"台币", "TWD"},
        {"新加坡元", "SGD"}, {"新元", "SGD"}, {"韩元", "KRW"},
        // "约5049亿元台币": the currency named after 元
        {"元新台币", "TWD"}, {"元台币", "TWD"}, {"元港币", "HKD"}, {"元人民币", "CNY"}, {"人民币", "CNY"}, {"元", "CNY"}};
    private static final String[][] CURRENCY_PREFIX = {
        {"人民币", "CNY"}, {"RMB", "CNY"}, {"新台币", "TWD"}, {"台币", "TWD"}, {"NT$", "TWD"}, {"US$", "USD"}, {"HK$", "HKD"},
        {"C$", "CAD"}, {"S$", "SGD"}, {"$", "USD"},
        {"¥", "CNY"}, {"￥", "CNY"}, {"€", "EUR"}, {"£", "GBP"}};

    private final Map<String, Double> cnyPerUnit;

    public AmountParser(Map<String, Double> cnyPerUnit) {
        this.cnyPerUnit = Map.copyOf(cnyPerUnit);
    }

    /** The first amount in {@code text}. */
    public Optional<Amount> parse(String text) {
        List<Match> all = findAll(text, 0, text.length());
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0).amount());
    }

    /** All amounts in {@code [from, to)} of {@code s}, left to right, not overlapping. */
    public List<Match> findAll(CharSequence s, int from, int to) {
        List<Match> out = new ArrayList<>();
        int i = Math.max(0, from);
        int end = Math.min(to, s.length());
        while (i < end) {
            char c = s.charAt(i);
            if (canStart(c) && !(isDigit(c) && i > 0 && (isDigit(s.charAt(i - 1)) || s.charAt(i - 1) == '.'
                    || isAsciiLetter(s.charAt(i - 1))))) {
                Match m = parseAt(s, i, end, true);
                if (m != null) {
                    if (!sharePrice(s, i) && !perShare(s, m.end(), end) && !price(m.amount())
                            && !revised(s, m.end(), end)) {
                        out.add(m);
                    }
                    i = m.end();
                    continue;
                }
            }
            i++;
        }
        return out;
    }

    /** the verbs that revise a figure to a new one ("自原估约25.6亿美元调升至约30亿美元"), each with 至 or 到 after it */
    private static final List<String> REVISED_TO = List.of("调升", "上调", "调高", "上修", "提高", "增加", "下调", "下修", "调降",
            "降低", "减少");

    /**
     * The amount ending at {@code end} is the old figure of a revision: a verb of {@link #REVISED_TO} with 至 or 到
     * follows it, and the new figure after that is the one the news is about.
     */
    private static boolean revised(CharSequence s, int end, int limit) {
        int k = skipSpaces(s, end, limit);
        for (String verb : REVISED_TO) {
            if (startsWith(s, k, limit, verb)) {
                int to = k + verb.length();
                return to < limit && (s.charAt(to) == '至' || s.charAt(to) == '到');
            }
        }
        return false;
    }

    /**
     * the least sum of money an event moves: below it an amount is a price ("股价90.20元", "攻克1400元涨停价位", a
     * nominal "现金1元"); the corpus's smallest labelled round, deal or investment is two million yuan
     */
    static final long LEAST_SUM = 10_000;

    /** The amount is smaller than {@link #LEAST_SUM} in its own currency, a price rather than a sum. */
    private static boolean price(Amount a) {
        Long most = a.max() != null ? a.max() : a.min();
        return most != null && most < LEAST_SUM;
    }

    /** how far before an amount 每股 makes it a price per share: "以每股人民币17.72元的价格", "每股招股价定为144.6港元" */
    private static final int PER_SHARE_REACH = 8;
    /** the words right before a share's trading price: "收报81.3元" */
    private static final String[] QUOTED_AT = {"收报", "开盘报", "股价报"};

    /**
     * The amount at {@code at} is the price of one share ("以每股100元现金为对价", "华虹劲飙9.4%收报81.3元"): no event's
     * amount (a round, a deal, an investment) is ever one, and the deal's value is told elsewhere if at all.
     */
    static boolean sharePrice(CharSequence s, int at) {
        for (String w : QUOTED_AT) {
            if (at >= w.length() && startsWith(s, at - w.length(), at, w)) {
                return true;
            }
        }
        for (int i = at - 1; i >= Math.max(1, at - PER_SHARE_REACH); i--) {
            char c = s.charAt(i);
            if ("，。；,;".indexOf(c) >= 0) {
                return false;
            }
            if (c == '股' && s.charAt(i - 1) == '每') {
                return true;
            }
            for (String w : SHARE_PRICES) {
                if (i + 1 >= w.length() && startsWith(s, i + 1 - w.length(), i + 1, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * the prices of one share an offering or a placement names: "每股配售股份配售价为1.50港元", "发行价116.2港元" (what
     * the shares raise in all is told as 所得款项 or 募资 elsewhere)
     */
    private static final String[] SHARE_PRICES = {"配售价", "发行价", "招股价", "认购价", "每股价格"};

    /** "17.72元/股", "17.72元每股": the amount ending at {@code end} is per share. */
    private static boolean perShare(CharSequence s, int end, int limit) {
        int k = skipSpaces(s, end, limit);
        return startsWith(s, k, limit, "/股") || startsWith(s, k, limit, "每股") || startsWith(s, k, limit, "/ 股");
    }

    private static boolean canStart(char c) {
        return isDigit(c) || "数几上过近超约逾将接高达不大人RUHCN新台$¥￥€£一二两三四五六七八九十百千亿".indexOf(c) >= 0;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Parsed number with its shape, before the currency. */
    private static final class Core {
        double value;
        Double upper;       // range upper bound
        boolean vague;      // 数千万: a decade of values
        boolean openMin;    // 上亿, 超10亿: max unknown
        boolean approximate;
        int end;
    }

    private Match parseAt(CharSequence s, int start, int limit, boolean allowConversion) {
        int j = start;
        String qualifier = null;
        for (String q : QUALIFIERS) {
            if (startsWith(s, j, limit, q)) {
                qualifier = q;
                j += q.length();
                break;
            }
        }
        j = skipSpaces(s, j, limit);
        String currency = null;
        for (String[] p : CURRENCY_PREFIX) {
            if (startsWith(s, j, limit, p[0])) {
                currency = p[1];
                j = skipSpaces(s, j + p[0].length(), limit);
                break;
            }
        }
        Core core = orderOfMagnitude(s, j, limit);
        if (core == null) {
            core = core(s, j, limit);
        }
        if (core == null) {
            return null;
        }
        j = core.end;
        int k = skipSpaces(s, j, limit);
        if (k < limit && (s.charAt(k) == '多' || s.charAt(k) == '余')) {
            core.openMin = true;
            core.approximate = true;
            j = k + 1;
        }
        if (currency == null) {
            k = skipSpaces(s, j, limit);
            for (String[] c : CURRENCY_SUFFIX) {
                if (startsWith(s, k, limit, c[0])) {
                    currency = c[1];
                    j = k + c[0].length();
                    break;
                }
            }
        }
        if (currency == null && bigUnitBefore(s, j) && roundAt(s, skipSpaces(s, j, limit), limit)) {
            currency = "CNY"; // "近5亿A轮融资": a round's size without its 元 is in yuan
        }
        if (currency == null) {
            return null;
        }
        // trailing qualifiers: 以上, 左右, 级别
        k = skipSpaces(s, j, limit);
        if (startsWith(s, k, limit, "以上")) {
            core.openMin = true;
            core.approximate = true;
            j = k + 2;
        } else if (startsWith(s, k, limit, "左右")) {
            core.approximate = true;
            j = k + 2;
        } else if (startsWith(s, k, limit, "级别")) {
            core.approximate = true;
            j = k + 2;
        } else if (startsWith(s, k, limit, "级")) {
            core.approximate = true;
            j = k + 1;
        }
        if (qualifier != null) {
            switch (qualifier) {
                case "超过", "超出", "超", "逾" -> {
                    core.openMin = true;
                    core.approximate = true;
                }
                case "高达", "达" -> { }
                default -> core.approximate = true;
            }
        }
        long min = Math.round(core.value);
        Long max;
        if (core.vague && core.openMin) {
            max = null; // 超亿元, 上千万
        } else if (core.vague) {
            max = Math.round(core.value * 10) - 1;
        } else if (core.upper != null) {
            long upper = Math.round(core.upper); // a range written high to low ("11-5") is still [low, high]
            max = Math.max(min, upper);
            min = Math.min(min, upper);
        } else if (core.openMin) {
            max = null;
        } else {
            max = min;
        }
        int mainEnd = j;
        Long cnyMin = null;
        Long cnyMax = null;
        if (allowConversion) {
            int[] convEnd = new int[1];
            Amount conv = conversion(s, mainEnd, limit, convEnd);
            if (conv != null) {
                double ratio = (double) conv.min() / Math.max(1L, min);
                if (conv.currency().equals("CNY")) {
                    cnyMin = conv.min();
                } else {
                    cnyMin = toCny(conv.currency(), conv.min());
                }
                if (cnyMin != null) {
                    double perUnit = (double) cnyMin / Math.max(1L, min);
                    cnyMax = max == null ? null : Math.round(max * perUnit);
                    if (min == 0) {
                        cnyMin = null;
                        cnyMax = null;
                    }
                }
                if (ratio > 0) {
                    j = convEnd[0];
                }
            }
        }
        if (cnyMin == null) {
            cnyMin = toCny(currency, min);
            cnyMax = max == null ? null : toCny(currency, max);
        }
        String text = s.subSequence(start, j).toString().trim();
        return new Match(start, j, new Amount(text, currency, min, max, cnyMin, cnyMax, core.approximate));
    }

    private Long toCny(String currency, long value) {
        Double rate = cnyPerUnit.get(currency);
        if (rate == null) {
            return currency.equals("CNY") ? value : null;
        }
        return Math.round(value * rate);
    }

    /** "（约合 7.563 亿美元）", "(合人民币16.7亿元)", "，折合人民币约 8 亿元". */
    private Amount conversion(CharSequence s, int from, int limit, int[] end) {
        int k = skipSpaces(s, from, limit);
        boolean paren = false;
        if (k < limit && (s.charAt(k) == '(' || s.charAt(k) == '（')) {
            paren = true;
            k++;
        } else if (k < limit && (s.charAt(k) == ',' || s.charAt(k) == '，')) {
            k++;
        }
        k = skipSpaces(s, k, limit);
        String[] words = paren ? new String[] {"约合", "折合", "合计", "合", "约"} : new String[] {"约合", "折合"};
        boolean found = false;
        for (String w : words) {
            if (startsWith(s, k, limit, w)) {
                if (w.equals("合计")) {
                    return null;
                }
                k += w.length();
                found = true;
                break;
            }
        }
        if (!found) {
            return null;
        }
        k = skipSpaces(s, k, limit);
        boolean rmb = false;
        if (startsWith(s, k, limit, "人民币")) {
            rmb = true;
            k = skipSpaces(s, k + 3, limit);
        }
        if (startsWith(s, k, limit, "约")) {
            k = skipSpaces(s, k + 1, limit);
        }
        Match inner = parseAt(s, k, limit, false);
        Amount a;
        int e;
        if (inner != null) {
            a = inner.amount();
            e = inner.end();
        } else if (rmb) {
            Core core = core(s, k, limit);
            if (core == null) {
                return null;
            }
            a = new Amount(null, "CNY", Math.round(core.value), Math.round(core.value), null, null, true);
            e = core.end;
        } else {
            return null;
        }
        if (paren) {
            int close = skipSpaces(s, e, limit);
            if (close < limit && (s.charAt(close) == ')' || s.charAt(close) == '）')) {
                e = close + 1;
            }
        }
        end[0] = e;
        return a;
    }

    /** the orders of magnitude a size is given in, largest first: "亿级人民币" (a decade of values) */
    private static final String[] MAGNITUDES = {"十亿", "亿", "千万", "百万", "万"};
    private static final double[] MAGNITUDE_VALUES = {1e9, 1e8, 1e7, 1e6, 1e4};

    /** "亿级人民币", "千万级美元": an order of magnitude and 级, right before a currency; null otherwise. */
    private Core orderOfMagnitude(CharSequence s, int j, int limit) {
        for (int i = 0; i < MAGNITUDES.length; i++) {
            int e = j + MAGNITUDES[i].length();
            if (startsWith(s, j, limit, MAGNITUDES[i]) && startsWith(s, e, limit, "级")
                    && currencySuffixAt(s, skipSpaces(s, e + 1, limit), limit) != null
                    && (j == 0 || !isDigit(s.charAt(j - 1)) && "数几上过十百千".indexOf(s.charAt(j - 1)) < 0)) {
                Core c = new Core();
                c.value = MAGNITUDE_VALUES[i];
                c.vague = true;
                c.approximate = true;
                c.end = skipSpaces(s, e + 1, limit);
                return c;
            }
        }
        return null;
    }

    /** the words that open a round's name right after its size ("5亿A轮", "数千万天使轮", "1亿元的新一轮") */
    private static final String[] ROUND_OPENERS = {"天使", "种子", "Pre", "pre", "战略", "新一轮", "轮融资", "融资"};

    /** A round's name starts at {@code k}: a round word, or a capital letter of a series (A轮, B+轮, C1轮). */
    static boolean roundAt(CharSequence s, int k, int limit) {
        for (String w : ROUND_OPENERS) {
            if (startsWith(s, k, limit, w)) {
                return true;
            }
        }
        if (k + 1 < limit && s.charAt(k) >= 'A' && s.charAt(k) <= 'F') {
            char n = s.charAt(k + 1);
            return n == '轮' || n == '+' || n >= '1' && n <= '9' && k + 2 < limit && s.charAt(k + 2) == '轮';
        }
        return false;
    }

    /** The number ending at {@code end} ends with 万, 亿 or 兆: a size, not a count or a percentage. */
    private static boolean bigUnitBefore(CharSequence s, int end) {
        return end > 0 && (s.charAt(end - 1) == '万' || s.charAt(end - 1) == '亿' || s.charAt(end - 1) == TRILLION);
    }

    /** 兆, a million million in the money of Taiwan's and Hong Kong's news */
    private static final char TRILLION = '兆';

    /** The currency of the suffix at {@code k}, or null. */
    private static String currencySuffixAt(CharSequence s, int k, int limit) {
        for (String[] c : CURRENCY_SUFFIX) {
            if (startsWith(s, k, limit, c[0])) {
                return c[1];
            }
        }
        return null;
    }

    /** The numeric core: digits or Chinese numerals, a range, 数/几 and the units 十百千万亿. */
    private static Core core(CharSequence s, int j, int limit) {
        Core c = new Core();
        if (j >= limit) {
            return null;
        }
        char ch = s.charAt(j);
        double number;
        if (ch == '数' || ch == '几') {
            c.vague = true;
            c.approximate = true;
            number = 1;
            j = skipSpaces(s, j + 1, limit);
        } else if ((ch == '上' || ch == '过') && j + 1 < limit && "十百千万亿".indexOf(s.charAt(j + 1)) >= 0) {
            c.openMin = true;
            c.approximate = true;
            number = 1;
            j = j + 1;
        } else if (isDigit(ch)) {
            int k = j;
            while (k < limit && (isDigit(s.charAt(k)) || (s.charAt(k) == ',' && k + 3 < limit
                    && isDigit(s.charAt(k + 1)) && isDigit(s.charAt(k + 2)) && isDigit(s.charAt(k + 3))))) {
                k++;
            }
            if (k + 1 < limit && s.charAt(k) == '.' && isDigit(s.charAt(k + 1))) {
                k++;
                while (k < limit && isDigit(s.charAt(k))) {
                    k++;
                }
            }
            number = Double.parseDouble(s.subSequence(j, k).toString().replace(",", ""));
            j = k;
            // a range right after the number: 500-1000亿元
            int r = rangeSecond(s, j, limit);
            if (r > 0) {
                int k2 = skipSpaces(s, j, limit) + 1;
                k2 = skipSpaces(s, k2, limit);
                int e2 = k2;
                while (e2 < limit && (isDigit(s.charAt(e2)) || s.charAt(e2) == '.')) {
                    e2++;
                }
                c.upper = Double.parseDouble(s.subSequence(k2, e2).toString());
                j = e2;
            }
        } else if ("一二两三四五六七八九十".indexOf(ch) >= 0) {
            int k = j;
            long total = 0;
            long cur = 0;
            while (k < limit && k - j < 8) {
                char d = s.charAt(k);
                int digit = "〇一二三四五六七八九".indexOf(d);
                if (d == '两') {
                    digit = 2;
                }
                if (digit >= 0) {
                    cur = digit;
                } else if (d == '十') {
                    total += (cur == 0 ? 1 : cur) * 10;
                    cur = 0;
                } else if ((d == '百' || d == '千') && k + 1 < limit && s.charAt(k + 1) != '万'
                        && s.charAt(k + 1) != '亿') {
                    total += cur * (d == '百' ? 100 : 1000);
                    cur = 0;
                } else {
                    break;
                }
                k++;
            }
            if (k == j) {
                return null;
            }
            number = total + cur;
            if (number == 0) {
                return null;
            }
            j = k;
        } else if ("十百千亿".indexOf(ch) >= 0) {
            // 千万元级, 亿元级, 百万美元: a bare unit means "some" of it
            c.vague = true;
            c.approximate = true;
            number = 1;
        } else {
            return null;
        }
        int k = skipSpaces(s, j, limit);
        double unit = 1;
        boolean hasUnit = false;
        if (k < limit && "十百千".indexOf(s.charAt(k)) >= 0 && k + 1 < limit
                && (s.charAt(k + 1) == '万' || s.charAt(k + 1) == '亿')) {
            unit = s.charAt(k) == '十' ? 10 : s.charAt(k) == '百' ? 100 : 1000;
            k++;
            hasUnit = true;
        } else if (c.vague && k < limit && "十百千".indexOf(s.charAt(k)) >= 0) {
            unit = s.charAt(k) == '十' ? 10 : s.charAt(k) == '百' ? 100 : 1000;
            k++;
            hasUnit = true;
        }
        if (startsWith(s, k, limit, "万亿")) {
            unit *= 1e12;
            k += 2;
            hasUnit = true;
        } else if (k < limit && s.charAt(k) == TRILLION) {
            // Taiwan's and Hong Kong's 兆 of money is a million million ("1兆美元", "5兆4千亿台币": and the 亿 after it)
            unit *= 1e12;
            k++;
            hasUnit = true;
            Core rest = c.upper == null && !c.vague && !c.openMin ? core(s, k, limit) : null;
            if (rest != null && !rest.vague && rest.upper == null && rest.value >= 1e8 && rest.value < 1e12) {
                number += rest.value / unit;
                k = rest.end;
            }
        } else if (k < limit && s.charAt(k) == '亿') {
            unit *= 1e8;
            k++;
            hasUnit = true;
        } else if (k < limit && s.charAt(k) == '万') {
            unit *= 1e4;
            k++;
            hasUnit = true;
        } else if (!c.vague && !c.openMin) {
            int w = skipSpaces(s, k, limit);
            String[][] english = {{"billion", "1e9"}, {"million", "1e6"}, {"bn", "1e9"}, {"B", "1e9"},
                {"M", "1e6"}, {"K", "1e3"}, {"k", "1e3"}};
            for (String[] e : english) {
                if (startsWithIgnoreCase(s, w, limit, e[0])
                        && (w + e[0].length() >= limit || !isAsciiLetter(s.charAt(w + e[0].length())))) {
                    unit = Double.parseDouble(e[1]);
                    k = w + e[0].length();
                    hasUnit = true;
                    break;
                }
            }
        }
        if ((c.vague || c.openMin) && !hasUnit) {
            return null;
        }
        c.value = number * unit;
        if (c.upper != null) {
            c.upper = c.upper * unit;
        }
        c.end = k;
        // a range after the unit: 1亿至2亿元 / 1亿-2亿美元
        int r = rangeSecond(s, k, limit);
        if (r > 0 && c.upper == null && !c.vague) {
            int k2 = skipSpaces(s, skipSpaces(s, k, limit) + 1, limit);
            Core second = core(s, k2, limit);
            if (second != null && !second.vague && second.upper == null) {
                c.upper = second.value;
                c.end = second.end;
            }
        }
        return c;
    }

    /** Position of a range separator after {@code j} (spaces allowed) followed by a digit, or -1. */
    private static int rangeSecond(CharSequence s, int j, int limit) {
        int k = skipSpaces(s, j, limit);
        if (k < limit && "-~～至到—–".indexOf(s.charAt(k)) >= 0) {
            int d = skipSpaces(s, k + 1, limit);
            if (d < limit && isDigit(s.charAt(d))) {
                return k;
            }
        }
        return -1;
    }

    private static int skipSpaces(CharSequence s, int j, int limit) {
        while (j < limit && s.charAt(j) == ' ') {
            j++;
        }
        return j;
    }

    private static boolean startsWith(CharSequence s, int at, int limit, String w) {
        if (at + w.length() > limit) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (s.charAt(at + i) != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWithIgnoreCase(CharSequence s, int at, int limit, String w) {
        if (at + w.length() > limit) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (Character.toLowerCase(s.charAt(at + i)) != Character.toLowerCase(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
