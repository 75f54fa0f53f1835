package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits cleaned text into sentences and groups them into items: a news digest glues headlines to
 * the body ("...拓展 AI 领域据 Marketwatch 7 月 24 日报道，..."), so a sentence also ends before a
 * "据 MEDIA 报道" dateline and before a section number ("02、创业"). A headline belongs to the item of
 * the dateline that follows it; the dateline's date is the item's date.
 */
final class Segmenter {

    /** A sentence {@code [start, end)}; {@code item} groups a dateline with its headline and body. */
    static final class Sentence {
        final int start;
        final int end;
        final int paragraph;
        int item;
        /** end of a leading "据 X 报道" dateline, or start when there is none */
        int datelineEnd;
        boolean headline;

        Sentence(int start, int end, int paragraph, int item) {
            this.start = start;
            this.end = end;
            this.paragraph = paragraph;
            this.item = item;
            this.datelineEnd = start;
        }
    }

    /** the agencies whose datelines open with their name in parentheses */
    private static final List<String> WIRE_AGENCIES = List.of("中央社", "法新社", "路透社", "美联社");

    /** "据 TechCrunch 7 月 26 日报道" / "据《科创板日报》报道" / "据 IT 之家援引 CNBC 报道" at a sentence start. */
    static final Pattern DATELINE = Pattern.compile(
            "^(?:(?:据|根据)\\s?[^，。,;；\\n]{1,40}?(?:报道|消息|援引[^，。,;；\\n]{1,30}?报道|发布的文章)"
            // "据网易科技了解,": a medium that learnt the news (not "据了解,", which names no one)
            + "|(?:据|根据)\\s?[^，。,;；\\n]{2,40}?了解到?(?=[，,])"
            + "|[^，。,;；\\n]{0,20}?\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日\\s?(?:电|消息|讯|晚间消息|早间消息)"
            + "|[^，。,;；\\n]{1,12}?获悉"
            // a wire agency's dateline of Taiwan news, its day only: "(中央社记者张三旧金山30日专电)"
            + "|[(（]" + Finder.anyOf(WIRE_AGENCIES) + "[^)）\\n]{0,30}?\\d{1,2}日(?:专)?电[)）])");
    /**
     * A page's stamp opening a sentence: its publication date (and time), after a source's name at most, before the
     * reporter's credit at most ("MoneyDJ新闻 2024-06-21 09:47:45 记者 新闻中心 报导 ...", " date 2025-12-05 ..."):
     * when the news was published, not when it happened, so that the news's own 昨 or 20日 counts from it.
     */
    static final Pattern STAMP = Pattern.compile("^\\s?(?:date\\s)?(?:[^，。,;；\\n\\d]{1,16}?\\s?)?\\d{4}[-/]\\d{1,2}[-/]\\d{1,2}"
            + "(?:\\s\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s?记者[^，。,;；\\n\\d]{0,16}?报[道导])?\\s?");
    private static final Pattern SECTION = Pattern.compile(
            "\\d{2}、(?:融资|创业|大模型|应用|政策|观点|研报|投资|人事|产品|技术|行业|公司|资讯|动态|并购|芯片|算力|人物|数据"
            + "|其他|产业|市场|海外|国内|安全|监管|活动|峰会|开源|终端|硬件|机器人|自动驾驶|医疗|教育|金融|创投|上市)?");
    private static final Pattern DATELINE_START = Pattern.compile("据\\s?[^，。,;；\\n]{1,40}?(?:报道|消息|援引)");

    private Segmenter() {
    }

    static List<Sentence> split(String text) {
        // extra cuts before datelines and section numbers glued to the previous text: {pos, kind, skipTo}
        List<int[]> cuts = new ArrayList<>();
        Matcher d = DATELINE_START.matcher(text);
        for (int at = text.indexOf('据'); at >= 0; at = text.indexOf('据', at + 1)) {
            if (at > 0 && !isBoundary(text.charAt(at - 1)) && gluedBefore(text, at)
                    && reportWordAhead(text, at + 2, Math.min(text.length(), at + 60))
                    && d.region(at, Math.min(text.length(), at + 60)).lookingAt()) {
                cuts.add(new int[] {at, 1, at});
            }
        }
        Matcher s = SECTION.matcher(text);
        for (int at = text.indexOf('、'); at >= 0; at = text.indexOf('、', at + 1)) {
            int st = at - 2;
            if (st >= 0 && isAsciiDigit(text.charAt(st)) && isAsciiDigit(text.charAt(st + 1))
                    && s.region(st, Math.min(text.length(), at + 8)).lookingAt()
                    && (st == 0 || !Character.isDigit(text.charAt(st - 1)))) {
                cuts.add(new int[] {st, 2, s.end()});
            }
        }
        cuts.sort((a, b) -> Integer.compare(a[0], b[0]));
        List<Sentence> out = new ArrayList<>();
        List<boolean[]> flags = new ArrayList<>(); // {paragraphStart, sectionStart, endsAtDateline}
        int paragraph = 0;
        int start = 0;
        int ci = 0;
        boolean paragraphStart = true;
        boolean sectionStart = false;
        int n = text.length();
        int nextCut = cuts.isEmpty() ? Integer.MAX_VALUE : cuts.get(0)[0];
        for (int i = 0; i <= n; i++) {
            if (nextCut > i) {
                i = nextBoundary(text, i, Math.min(n, nextCut)); // nothing happens before a boundary or the cut
            }
            if (nextCut < i) {
                while (ci < cuts.size() && cuts.get(ci)[0] < i) {
                    ci++;
                }
                nextCut = ci < cuts.size() ? cuts.get(ci)[0] : Integer.MAX_VALUE;
            }
            if (nextCut == i && i < n) {
                int[] cut = cuts.get(ci);
                int before = out.size();
                add(out, text, start, i, paragraph);
                if (out.size() > before) {
                    for (int k = before; k < out.size(); k++) {
                        flags.add(new boolean[] {paragraphStart && k == before, sectionStart && k == before, false});
                    }
                    flags.get(flags.size() - 1)[2] = cut[1] == 1;
                    paragraphStart = false;
                    sectionStart = false;
                }
                if (cut[1] == 2) {
                    sectionStart = true;
                    start = cut[2];
                    i = start - 1;
                    nextCut = -1; // the loop skips the section number: find the next cut again
                    continue;
                }
                start = i;
            }
            boolean end = i == n;
            char c = end ? '\n' : text.charAt(i);
            boolean bullet = !end && bullet(text, i, n);
            if (end || (c < '\u4e00' || c > '\u9fff') && isBoundary(c) || bullet) {
                int before = out.size();
                add(out, text, start, end || bullet ? i : i + 1, paragraph);
                for (int k = before; k < out.size(); k++) {
                    flags.add(new boolean[] {paragraphStart && k == before, sectionStart && k == before, false});
                }
                if (out.size() > before) {
                    paragraphStart = false;
                    sectionStart = false;
                }
                start = i + 1;
                if (c == '\n') {
                    paragraph++;
                    paragraphStart = true;
                }
            }
        }
        int item = -1;
        Matcher m = DATELINE.matcher(text);
        for (int i = 0; i < out.size(); i++) {
            Sentence sent = out.get(i);
            int from = stampEnd(text, sent.start, sent.end);
            if (mayOpenWithDateline(text, from, sent.end)
                    && m.region(from, Math.min(sent.end, from + 80)).lookingAt()) {
                sent.datelineEnd = m.end();
            } else {
                sent.datelineEnd = from;
            }
            boolean[] f = flags.get(i);
            boolean prevHeadline = i > 0 && flags.get(i - 1)[2];
            sent.headline = f[2];
            if (i == 0 || f[0] || f[1] || f[2] || (sent.datelineEnd > sent.start && !prevHeadline)) {
                item++;
            }
            sent.item = item;
        }
        return out;
    }

    /** Where the page's {@link #STAMP} opening {@code [start, end)} ends, or {@code start} without one. */
    static int stampEnd(String text, int start, int end) {
        int limit = Math.min(end, start + 32);
        for (int i = start; i + 4 < limit; i++) {
            char c = text.charAt(i + 4);
            if ((c == '-' || c == '/') && isAsciiDigit(text.charAt(i)) && isAsciiDigit(text.charAt(i + 3))) {
                Matcher m = STAMP.matcher(text).region(start, Math.min(end, start + 80));
                return m.lookingAt() && m.end() < end ? m.end() : start;
            }
        }
        return start;
    }

    /**
     * Cheap test before the dateline pattern, a necessary condition for one of its three forms: 据/根据 first;
     * a 月 within 23 characters followed by 日 within 5 (no comma or full stop before the 月); 获悉 within 13.
     * The latter two count UTF-16 units where the pattern counts code points; that is how sentences have always
     * been read, so it stays, and {@link #mayBeDatelineInRegion} then turns away most sentences that merely open
     * with a date ("7月26日，...") before the pattern runs.
     */
    static boolean mayOpenWithDateline(String text, int start, int end) {
        char c = text.charAt(start);
        if ((c == '(' || c == '（') && start + 1 < end) {
            for (String agency : WIRE_AGENCIES) {
                if (text.startsWith(agency, start + 1)) {
                    return true;
                }
            }
        }
        int region = Math.min(end, start + 80);
        if (c == '据' || c == '根' && start + 1 < end && text.charAt(start + 1) == '据') {
            // "据悉，", "据了解，": most sentences opening with 据 name no source before their first comma
            return maySourceAfter(text, start + (c == '根' ? 2 : 1), region) || mayBeDatelineInRegion(text, start, region);
        }
        return dateOrSourceNearStart(text, start, end) && mayBeDatelineInRegion(text, start, region);
    }

    /**
     * Necessary for the source form after 据/根据 (ending at {@code at}): after one optional {@code \\s}, 报道, 消息,
     * 援引, 发布(的文章) or 了解 starts before any of {@code ，。,;；} or a line break.
     */
    private static boolean maySourceAfter(String text, int at, int to) {
        int i = at < to && NamePatterns.isRegexSpace(text.charAt(at)) ? at + 1 : at;
        for (; i + 1 < to; i++) {
            char c = text.charAt(i);
            if (c == '，' || c == '。' || c == ',' || c == ';' || c == '；' || c == '\n') {
                return false;
            }
            char d = text.charAt(i + 1);
            if (c == '报' && d == '道' || c == '消' && d == '息' || c == '援' && d == '引' || c == '发' && d == '布'
                    || c == '了' && d == '解') {
                return true;
            }
        }
        return false;
    }

    /** 月 within 23 characters followed by 日 within 5 (no comma or full stop before the 月), or 获悉 within 13. */
    static boolean dateOrSourceNearStart(String text, int start, int end) {
        int limit = Math.min(end, start + 24);
        for (int i = start; i < limit; i++) {
            char x = text.charAt(i);
            if (x == '月') {
                int dayLimit = Math.min(end, i + 6);
                for (int k = i + 1; k < dayLimit; k++) {
                    if (text.charAt(k) == '日') {
                        return true;
                    }
                }
            } else if (x == '获' && i - start <= 12 && i + 1 < end && text.charAt(i + 1) == '悉') {
                return true;
            }
            if (x == ',' || x == '，' || x == '。' || x == ';' || x == '；' || x == '\n') {
                return false;
            }
        }
        return false;
    }

    /**
     * Necessary for the date and source forms anywhere in the pattern's region {@code [start, to)}: 获悉, or
     * {@code \\d\\s?月} with 日 within 5 after it and then {@code \\s?} and 电, 消(息), 讯, 晚(间消息) or 早(间消息).
     */
    private static boolean mayBeDatelineInRegion(String text, int start, int to) {
        for (int i = start; i < to; i++) {
            char x = text.charAt(i);
            if (x == '获' && i + 1 < to && text.charAt(i + 1) == '悉') {
                return true;
            }
            if (x == '月' && digitBefore(text, start, i)) {
                int dayLimit = Math.min(to, i + 6);
                for (int k = i + 1; k < dayLimit; k++) {
                    if (text.charAt(k) == '日' && newsWordAfter(text, k + 1, to)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** The first sentence boundary in {@code [from, to)}, or {@code to}. */
    private static int nextBoundary(String text, int from, int to) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if ((c < '\u4e00' || c > '\u9fff') && (isBoundary(c) || bullet(text, i, to))) {
                return i;
            }
            i++;
        }
        return to;
    }

    /**
     * " - " between two items of a list a page flattened into one line ("...融资 [3] - 加速进化完成..."): the dash
     * opens an item, unless digits stand around it (a range "2000 - 3000万元")
     */
    private static boolean bullet(String text, int at, int to) {
        return text.charAt(at) == '-' && at > 0 && at + 2 < to && text.charAt(at - 1) == ' ' && text.charAt(at + 1) == ' '
                && !isAsciiDigit(text.charAt(at + 2)) && text.charAt(at + 2) != ' ' && !digitBefore(text, 0, at - 1);
    }

    /** {@code \\d\\s?} right before {@code at}, not before {@code start}. */
    private static boolean digitBefore(String text, int start, int at) {
        int d = at - 1;
        if (d >= start && NamePatterns.isRegexSpace(text.charAt(d))) {
            d--;
        }
        return d >= start && isAsciiDigit(text.charAt(d));
    }

    /** {@code \\s?(?:电|消息|讯|晚间消息|早间消息)} starts at {@code at}: its first character, before {@code end}. */
    private static boolean newsWordAfter(String text, int at, int end) {
        int w = at < end && NamePatterns.isRegexSpace(text.charAt(at)) ? at + 1 : at;
        return w < end && "电消讯晚早".indexOf(text.charAt(w)) >= 0;
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** 报道, 消息 or 援引 in {@code [from, to)}: what the dateline start pattern needs after 据. */
    private static boolean reportWordAhead(String text, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            char c = text.charAt(i);
            char n = text.charAt(i + 1);
            if (c == '报' && n == '道' || c == '消' && n == '息' || c == '援' && n == '引') {
                return true;
            }
        }
        return false;
    }

    private static boolean gluedBefore(String text, int at) {
        char p = text.charAt(at - 1);
        return "根依数证占凭论收单".indexOf(p) < 0;
    }

    private static Sentence add(List<Sentence> out, String text, int start, int end, int paragraph) {
        int s = start;
        int e = end;
        while (s < e && (text.charAt(s) == ' ' || text.charAt(s) == '\n')) {
            s++;
        }
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '\n')) {
            e--;
        }
        if (e - s < 2) {
            return null;
        }
        // a sentence longer than 1500 chars (a line without punctuation) is cut into windows
        Sentence last = null;
        for (int w = s; w < e; w += 1500) {
            last = new Sentence(w, Math.min(e, w + 1500), paragraph, 0);
            out.add(last);
        }
        return last;
    }

    static boolean isBoundary(char c) {
        return c == '。' || c == '！' || c == '？' || c == '!' || c == '?' || c == '；' || c == ';' || c == '\n'
                || c == '…';
    }
}
