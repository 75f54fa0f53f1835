package io.aipulse.article.clean;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cleans a news article before extraction, keeping a map back to the original offsets.
 *
 * <ol>
 *   <li>markup: HTML tags and entities, script and style elements, zero-width characters, control
 *       characters and terminal escape sequences, stray image-URL fragments;</li>
 *   <li>width: full-width ASCII to half-width, ideographic space to space;</li>
 *   <li>inline pinyin glosses of mis-converted pages ({@code 字節(jié)跳動}, {@code 創(chuàng)});</li>
 *   <li>script: traditional to simplified (HanLP), only when the text is traditional;</li>
 *   <li>noise that is not the article: SEO keyword headers and place-name lists, injected crypto wire
 *       items (with their {@code [2021/9/9 23:12:07]} stamps), "相关阅读 / 猜你喜欢" link lists,
 *       copyright footers.</li>
 * </ol>
 * Stateless and thread-safe; linear in the input (no backtracking patterns over whole lines).
 */
public final class TextCleaner {

    /** Headings that open a list of links to other articles, or comments. */
    private static final List<String> LIST_HEADINGS = List.of(
            "相关阅读", "猜你喜欢", "相关文章", "阅读更多", "延伸阅读", "推荐阅读", "相关推荐", "热门推荐",
            "热门文章", "相关新闻", "更多阅读", "最新评论", "精彩推荐", "为你推荐", "热点推荐", "你可能感兴趣",
            "大家都在看", "往期回顾", "推荐文章", "热门阅读", "相关报道", "更多精彩", "版权声明", "© 版权声明",
            "©版权声明", "暂无评论", "网友评论", "热门评论", "相关专题");

    /** Phrases that open a copyright or disclaimer footer: the rest of the line goes. */
    private static final List<String> FOOTERS = List.of(
            "本文为澎湃号作者", "本文为澎湃号", "郑重声明", "特别声明", "免责声明", "版权声明", "版权所有",
            "未经授权", "转载请注明", "申请澎湃号", "本文仅代表作者", "本文系作者", "责任编辑", "本文来源于");

    private static final List<String> CRYPTO = List.of(
            "区块链", "比特币", "btc", "eth", "以太坊", "加密货币", "数字货币", "币安", "交易所", "矿池", "矿机",
            "矿企", "web3", "nft", "defi", "代币", "稳定币", "链上", "公链", "哈希率", "空投", "质押", "主网",
            "跨链", "multichain", "usdt", "元宇宙", "metaverse", "枚", "chain", "token", "dao", "ipfs", "filecoin");

    private static final List<String> AI_WORDS = List.of(
            "人工智能", "ai", "大模型", "模型", "算力", "机器人", "智能", "gpt", "aigc", "芯片", "算法");

    /** A wire stamp of injected news items: [2021/9/9 23:12:07]. */
    private static final Pattern WIRE_STAMP = Pattern.compile(
            "\\[\\d{4}/\\d{1,2}/\\d{1,2} \\d{1,2}:\\d{2}(?::\\d{2})?]");
    /** The head of a wire item: "标题：9月9日消息" / "标题:5月24日消息". */
    private static final Pattern WIRE_HEAD = Pattern.compile("[:：]\\s?\\d{1,2}月\\d{1,2}日消息");
    /** Characters of the image-URL debris of broken HTML: /img/202386162600/1.jpg"> */
    private static final String URL_CHARS =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_/.:%-";

    public TextCleaner() {
    }

    /** Loads HanLP's dictionary and the script table now rather than on the first traditional article. */
    public static void warmUp() {
        ChineseScript.looksTraditional("中文");
        ChineseScript.toSimplifiedSameLength("繁體");
    }

    /**
     * The simplified form of a name, as the cleaning writes it in a traditional article (輝達 -> 辉达): the
     * dictionary matches names in cleaned text, so a traditional alias is also looked for in this form.
     */
    public static String simplified(String name) {
        return ChineseScript.toSimplifiedSameLength(name);
    }

    /** Cleans {@code raw}; the result maps each cleaned character back to {@code raw}. */
    public CleanText clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new CleanText("", new int[] {0});
        }
        TextBuffer normal = normalise(raw);
        boolean traditional = normal.looksTraditional();
        CleanText stage1 = normal.toCleanText(raw.length());
        String text = stage1.text();
        if (traditional) {
            text = ChineseScript.toSimplifiedSameLength(text);
        }
        boolean[] drop = new boolean[text.length()];
        if (!markNoise(text, drop)) {
            return new CleanText(text, stage1.origin());
        }
        TextBuffer out = new TextBuffer(text.length());
        int[] origin = stage1.origin();
        int i = 0;
        while (i < text.length()) {
            int j = i;
            while (j < text.length() && !drop[j]) {
                j++;
            }
            out.appendRun(text, i, j, origin);
            while (j < text.length() && drop[j]) {
                j++;
            }
            i = j;
        }
        return out.toCleanText(raw.length());
    }

    // ---------------------------------------------------------------- stage 1: markup, width, pinyin

    private static TextBuffer normalise(String raw) {
        TextBuffer out = new TextBuffer(raw.length());
        int n = raw.length();
        boolean toneless = PinyinGlosses.glossesPage(raw);
        char[] chars = raw.toCharArray(); // the runs below read an array, cheaper per character than charAt
        int i = 0;
        while (i < n) {
            // a run of usual characters, kept as they are, is found and copied in one loop
            int j = out.appendUsualRun(chars, i, n);
            if (j > i) {
                i = j;
                if (i >= n) {
                    break;
                }
            }
            char c = chars[i];
            if (c == '<') {
                int end = tagEnd(raw, i);
                if (end > 0) {
                    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n' && isBlockTag(raw, i)) {
                        out.append('\n', i);
                    }
                    int element = ScriptElements.end(raw, i, end);
                    i = element > 0 ? element : end;
                    continue;
                }
            } else if (c < ' ' || c >= '\u007F' && c <= '\u009F') {
                int end = ControlSequences.end(raw, i);
                if (end > i) {
                    i = end;
                    continue;
                }
            } else if (c == '&') {
                int semi = indexOf(raw, ';', i + 1, Math.min(n, i + 10));
                if (semi > i && semi - i <= 9) {
                    char decoded = entity(raw.substring(i + 1, semi));
                    if (decoded != 0) {
                        out.append(decoded, i);
                        i = semi + 1;
                        continue;
                    }
                }
            } else if (c == '(' || c == '\uFF08') {
                int close = glossEnd(raw, i, out, toneless);
                if (close > 0) {
                    i = close;
                    continue;
                }
            }
            char h = halfWidth(c);
            if (h != 0) {
                out.append(h, i);
            }
            i++;
        }
        return out;
    }

    /** A character normalisation keeps as it is and that starts no markup, entity or gloss. */
    static boolean usual(char c) {
        return c > '\u3000' && c < '\uFEFF' || c >= ' ' && c < '\u007F' && c != '<' && c != '&' && c != '(';
    }

    /** The first {@code c} in {@code [from, to)} of {@code s}, or -1 (a bounded look-ahead, linear in total). */
    private static int indexOf(String s, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (s.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }

    private static char halfWidth(char c) {
        if (c > '\u3000' && c < '\uFEFF') {
            return c; // CJK and most other scripts: unchanged
        }
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u3000':
            case '\u00A0':
            case '\t':
                return ' ';
            case '\r':
            case '\u200B':
            case '\u200C':
            case '\u200D':
            case '\uFEFF':
                return 0;
            default:
                return c;
        }
    }

    /** End (exclusive) of an HTML tag starting at {@code i}, or -1 when '<' is just a character. */
    private static int tagEnd(String s, int i) {
        if (i + 1 >= s.length()) {
            return -1;
        }
        char next = s.charAt(i + 1);
        if (!(next == '/' || next == '!' || (next < 128 && Character.isLetter(next)))) {
            return -1;
        }
        int limit = Math.min(s.length(), i + 400);
        for (int j = i + 1; j < limit; j++) {
            char c = s.charAt(j);
            if (c == '>') {
                return j + 1;
            }
            if (c == '<' || c == '\n') {
                return -1;
            }
        }
        return -1;
    }

    private static boolean isBlockTag(String s, int i) {
        int j = i + 1;
        if (j < s.length() && s.charAt(j) == '/') {
            j++;
        }
        int k = j;
        while (k < s.length() && k - j < 10 && Character.isLetterOrDigit(s.charAt(k))) {
            k++;
        }
        String name = s.substring(j, k).toLowerCase();
        return switch (name) {
            case "p", "br", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article",
                 "ul", "ol", "table", "blockquote" -> true;
            default -> false;
        };
    }

    private static char entity(String name) {
        switch (name) {
            case "nbsp":
            case "ensp":
            case "emsp":
            case "thinsp":
                return ' ';
            case "amp":
                return '&';
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            case "ldquo":
                return '“';
            case "rdquo":
                return '”';
            case "middot":
                return '·';
            case "mdash":
                return '—';
            case "hellip":
                return '…';
            default:
                break;
        }
        if (name.startsWith("#")) {
            try {
                int code = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                        ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1));
                if (code > 0 && code < 0xFFFF) {
                    char c = halfWidth((char) code);
                    return c == 0 ? ' ' : c;
                }
            } catch (NumberFormatException e) {
                return 0;
            }
        }
        return 0;
    }

    /**
     * End (exclusive) of an inline pinyin gloss such as {@code (jié)} right after a character, or -1: one with a tone
     * mark, or a toneless one after a Chinese character on a page that glosses ({@link PinyinGlosses}).
     */
    private static int glossEnd(String s, int open, TextBuffer before, boolean toneless) {
        if (before.length() == 0) {
            return -1;
        }
        char prev = before.charAt(before.length() - 1);
        if (!(Character.isIdeographic(prev) || Character.isLetter(prev))) {
            return -1;
        }
        return PinyinGlosses.end(s, open, toneless && Character.isIdeographic(prev));
    }

    // ---------------------------------------------------------------- stage 2: noise

    /** Marks the noise of {@code text} in {@code drop}; false when there is none. */
    private static boolean markNoise(String text, boolean[] drop) {
        int[] lines = lines(text);
        int count = lines.length / 2;
        markImageDebris(text, drop);
        markWireItems(text, lines, drop);
        for (int li = 0; li < count; li++) {
            int s = lines[2 * li];
            int e = lines[2 * li + 1];
            int ts = trimStart(text, s, e);
            int te = trimEnd(text, ts, e);
            if (ts == te) {
                continue;
            }
            if (isKeywordSpam(text, ts, te)) {
                fill(drop, s, e);
            } else if (isListHeading(text, ts, te)) {
                fill(drop, s, e);
                int k = li + 1;
                while (k < count) {
                    int ns = trimStart(text, lines[2 * k], lines[2 * k + 1]);
                    int ne = trimEnd(text, ns, lines[2 * k + 1]);
                    if (ns < ne && looksLikeProse(text, ns, ne)) {
                        break;
                    }
                    fill(drop, lines[2 * k], lines[2 * k + 1]);
                    k++;
                }
                li = k - 1;
            } else if (te - ts < 400 && isCryptoLine(text, s, e)) {
                fill(drop, s, e);
            } else {
                markFooter(text, s, e, drop);
            }
        }
        for (boolean d : drop) {
            if (d) {
                return true;
            }
        }
        return false;
    }

    /** Start and end of every line, flat: {@code [start0, end0, start1, end1, ...]}. */
    private static int[] lines(String text) {
        int[] out = new int[16];
        int n = 0;
        int start = 0;
        while (true) {
            int nl = text.indexOf('\n', start);
            int end = nl < 0 ? text.length() : nl;
            if (n + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length * 2);
            }
            out[n++] = start;
            out[n++] = end;
            if (nl < 0) {
                return java.util.Arrays.copyOf(out, n);
            }
            start = nl + 1;
        }
    }

    /** {@link String#trim()} on {@code [from, to)}: the bounds without leading and trailing chars <= ' '. */
    private static int trimStart(String s, int from, int to) {
        while (from < to && s.charAt(from) <= ' ') {
            from++;
        }
        return from;
    }

    private static int trimEnd(String s, int from, int to) {
        while (to > from && s.charAt(to - 1) <= ' ') {
            to--;
        }
        return to;
    }

    private static char lower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** True when {@code word} (lower case) starts at {@code at} of {@code s} with ASCII case ignored, before {@code to}. */
    private static boolean startsWithLower(String s, int at, int to, String word) {
        if (at + word.length() > to) {
            return false;
        }
        for (int k = 0; k < word.length(); k++) {
            if (lower(s.charAt(at + k)) != word.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    private static void fill(boolean[] drop, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(drop.length, to); i++) {
            drop[i] = true;
        }
    }

    /** SEO header or place-name footer: many short items joined by '_' or '|', no sentence punctuation. */
    static boolean isKeywordSpam(String line) {
        return isKeywordSpam(line, 0, line.length());
    }

    private static boolean isKeywordSpam(String text, int from, int to) {
        int separators = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '_' || c == '|') {
                separators++;
            } else if (c == '。' || c == '，' || c == ',' || c == '；') {
                return false;
            }
        }
        if (separators < 4) {
            return false;
        }
        return (to - from - separators) / (separators + 1) <= 16;
    }

    private static boolean isListHeading(String text, int from, int to) {
        if (to - from > 13) {
            return false; // a heading is at most 12 characters and a colon
        }
        String line = text.substring(from, to);
        String l = line.endsWith(":") || line.endsWith("：") ? line.substring(0, line.length() - 1).trim() : line;
        return l.length() <= 12 && LIST_HEADINGS.contains(l);
    }

    private static boolean looksLikeProse(String text, int from, int to) {
        if (to - from < 80) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '，' || c == ',') {
                return true;
            }
        }
        return false;
    }

    /** Crypto words of {@code [from, to)}, ASCII case ignored: at least {@code enough} distinct ones? */
    private static boolean cryptoWords(String text, int from, int to, int enough) {
        long found = 0;
        int count = 0;
        for (int i = from; i < to; i++) {
            char c = lower(text.charAt(i));
            if ((CRYPTO_FIRST[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            // the bucket may hold words of another first character with the same low bits: startsWithLower compares
            for (int w : CRYPTO_BY_FIRST[c & 0xFF]) {
                if ((found & (1L << w)) == 0 && startsWithLower(text, i, to, CRYPTO.get(w))) {
                    found |= 1L << w;
                    if (++count >= enough) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean isCryptoLine(String text, int from, int to) {
        if (!cryptoWords(text, from, to, 2)) {
            return false;
        }
        String lowerLine = asciiLower(text.substring(from, to));
        for (String w : AI_WORDS) {
            if (w.equals("ai") ? containsWord(lowerLine, "ai") : lowerLine.contains(w)) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String s) {
        char[] c = s.toCharArray();
        for (int i = 0; i < c.length; i++) {
            c[i] = lower(c[i]);
        }
        return new String(c);
    }

    /**
     * Indices into {@link #CRYPTO} by the low eight bits of their first character: an array rather than a map
     * keyed by a boxed Character, since common Han characters (数, 公, 交, 元...) start crypto words.
     */
    private static final int[][] CRYPTO_BY_FIRST = new int[256][];
    /** bit c set when a crypto word starts with c */
    private static final long[] CRYPTO_FIRST = new long[1024];

    static {
        for (int w = 0; w < CRYPTO.size(); w++) {
            char c = CRYPTO.get(w).charAt(0);
            CRYPTO_FIRST[c >>> 6] |= 1L << c;
            int[] old = CRYPTO_BY_FIRST[c & 0xFF];
            int[] add = old == null ? new int[] {w} : java.util.Arrays.copyOf(old, old.length + 1);
            add[add.length - 1] = w;
            CRYPTO_BY_FIRST[c & 0xFF] = add;
        }
        if (CRYPTO.size() > 64) {
            throw new IllegalStateException("crypto words are tracked in a 64-bit set");
        }
    }

    private static boolean containsWord(String s, String w) {
        int i = s.indexOf(w);
        while (i >= 0) {
            boolean left = i == 0 || !Character.isLetter(s.charAt(i - 1)) || s.charAt(i - 1) > 127;
            int e = i + w.length();
            boolean right = e >= s.length() || !Character.isLetter(s.charAt(e)) || s.charAt(e) > 127;
            if (left && right) {
                return true;
            }
            i = s.indexOf(w, i + 1);
        }
        return false;
    }

    /**
     * Injected wire items: each stamp ends an item; the item starts at its line, or further up at the
     * lines of the same item (short lines that talk crypto), or, in a one-line article, at its
     * "标题：M月D日消息" head.
     */
    private static void markWireItems(String text, int[] lines, boolean[] drop) {
        Matcher m = WIRE_STAMP.matcher(text);
        int[] stops = null; // positions of '。', found once when first needed
        int runStart = -1; // drop[runStart, runEnd) is already set: a long line of stamps is filled once
        int runEnd = -1;
        // the stamp starts with '[': try it only there (the same matches as find())
        for (int at = text.indexOf('['); at >= 0; at = text.indexOf('[', at)) {
            if (!m.region(at, text.length()).lookingAt()) {
                at++;
                continue;
            }
            at = m.end();
            int li = lineIndex(lines, m.start());
            int lineStart = lines[2 * li];
            int start = lineStart;
            if (m.start() - lineStart > 1500) {
                int from = Math.max(lineStart, m.start() - 1500);
                Matcher head = WIRE_HEAD.matcher(text).region(from, m.start());
                int headAt = -1;
                while (head.find()) {
                    headAt = head.start();
                }
                if (stops == null) {
                    stops = positionsOf(text, '。');
                }
                int stop = lastAtOrBefore(stops, headAt >= 0 ? headAt : m.start() - 1);
                start = Math.max(lineStart, stop + 1);
            } else {
                int k = li - 1;
                int budget = 5;
                while (k >= 0 && budget-- > 0) {
                    int ks = lines[2 * k];
                    int ke = lines[2 * k + 1];
                    if (ke - ks == 0 || ke - ks > 600 || !cryptoWords(text, ks, ke, 1)) {
                        break;
                    }
                    start = ks;
                    k--;
                }
            }
            if (start >= runStart && start <= runEnd) {
                fill(drop, runEnd, m.end());
                runEnd = Math.max(runEnd, m.end());
            } else {
                fill(drop, start, m.end());
                runStart = start;
                runEnd = m.end();
            }
        }
    }

    private static int[] positionsOf(String text, char c) {
        int[] out = new int[16];
        int n = 0;
        for (int i = text.indexOf(c); i >= 0; i = text.indexOf(c, i + 1)) {
            if (n == out.length) {
                out = java.util.Arrays.copyOf(out, n * 2);
            }
            out[n++] = i;
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The last of the sorted positions at or before {@code pos}, or -1. */
    private static int lastAtOrBefore(int[] sorted, int pos) {
        int i = java.util.Arrays.binarySearch(sorted, pos);
        int index = i >= 0 ? i : -i - 2;
        return index >= 0 ? sorted[index] : -1;
    }

    private static int lineIndex(int[] lines, int pos) {
        int lo = 0;
        int hi = lines.length / 2 - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (lines[2 * mid] <= pos) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private static void markImageDebris(String text, boolean[] drop) {
        if (text.indexOf(".jpg") < 0 && text.indexOf(".png") < 0 && text.indexOf(".gif") < 0
                && text.indexOf(".jpeg") < 0 && text.indexOf(".webp") < 0) {
            return;
        }
        for (String ext : new String[] {".jpg", ".jpeg", ".png", ".gif", ".webp"}) {
            for (int i = text.indexOf(ext); i >= 0; i = text.indexOf(ext, i + 1)) {
                int s = i;
                while (s > 0 && i - s < 200 && URL_CHARS.indexOf(text.charAt(s - 1)) >= 0) {
                    s--;
                }
                int e = i + ext.length();
                if (e < text.length() && text.charAt(e) == '"') {
                    e++;
                }
                if (e < text.length() && text.charAt(e) == ' ') {
                    e++;
                }
                if (e < text.length() && text.charAt(e) == '/') {
                    e++;
                }
                if (e < text.length() && text.charAt(e) == '>') {
                    e++;
                }
                fill(drop, s, e);
            }
        }
    }

    /** A copyright footer in the last part of the text or of a short line: dropped to the end of the line. */
    private static void markFooter(String text, int s, int e, boolean[] drop) {
        int best = -1;
        for (int i = s; i < e && best < 0; i++) {
            char c = text.charAt(i);
            if ((FOOTER_FIRST_BITS[c >>> 6] & (1L << c)) == 0) {
                continue;
            }
            for (String f : FOOTERS) {
                if (f.charAt(0) == c && i + f.length() <= e && text.startsWith(f, i)) {
                    best = i;
                    break;
                }
            }
        }
        if (best < 0) {
            return;
        }
        boolean nearEnd = best >= text.length() * 0.6 || e - best < 300;
        if (nearEnd) {
            fill(drop, best, e);
        }
    }

    /** Bit c set when a footer phrase starts with c. */
    private static final long[] FOOTER_FIRST_BITS = firstChars(FOOTERS);

    private static long[] firstChars(List<String> words) {
        long[] bits = new long[1024];
        for (String w : words) {
            bits[w.charAt(0) >>> 6] |= 1L << w.charAt(0);
        }
        return bits;
    }
}
