package io.aipulse.article;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication time in its text: the first date-and-time stamp such as
 * {@code 2023-08-01 18:42}, {@code 2024/3/5 03:43:32} or {@code 2023年8月1日 18:42}. Stamps in square
 * brackets are skipped: they belong to injected wire items ({@code [2021/9/9 23:12:07]}), not to the
 * article. A bare date without a time is not a stamp: in body text it is usually an event date, and in
 * "related reading" lists the date of another article. Without a stamp, {@link #findDay} reads the day a text
 * supports: a bare date the page prints as its publication date ({@code 2025-03-27来源:...},
 * {@code 发布时间:2024年5月6日}) or in its heading, else the latest day the text reports.
 */
public final class PublicationTimeFinder {

    private static final Pattern STAMP = Pattern.compile(
            "(?<![\\d\\[])((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "[\\sT]{0,3}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d\\]])");

    /**
     * A stamp with the day first, as Hong Kong and British-style pages print it: {@code 26/08/2025 17:54}. With
     * both numbers at most 12 the day still comes first (Chinese pages do not print the American month/day order;
     * a first number above 12 can only be a day, a second above 12 only makes it no stamp).
     */
    private static final Pattern DAY_FIRST_STAMP = Pattern.compile(
            "(?<![\\d\\[/])(\\d{1,2})/(\\d{1,2})/((?:19|20)\\d{2})[\\sT]{1,3}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d\\]])");

    /** A date as news sites put it in a path: /2023-10-23/, /2023/10/23/, /20231023/, t20231023_123.html. */
    private static final Pattern URL_DATE = Pattern.compile(
            "(?<=[/_\\-a-z])((?:19|20)\\d{2})([-/_]?)(0[1-9]|1[0-2])\\2(0[1-9]|[12]\\d|3[01])(?=[/_.\\-?#]|$)");

    /**
     * a complete date without a time: year, month and day, written 2025年5月6日 or 2025-05-06 (one style: in
     * "2025年1-9月" the dash joins two months)
     */
    private static final Pattern DAY = Pattern.compile(
            "(?<![\\d\\[])((?:19|20)\\d{2})(?:\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})(?!\\d)\\s*日?"
                    + "|\\s*([-/.])\\s*(\\d{1,2})\\s*[-/.]\\s*(\\d{1,2})(?!\\d))");
    /** a year, with its month when given: 2025年, 2025年5月, 2025 年 9 月末 */
    private static final Pattern YEAR_MONTH = Pattern.compile(
            "(?<![\\d\\[])((?:19|20)\\d{2})\\s?年(?:\\s?(\\d{1,2})\\s?月)?");
    /**
     * the year in the name of a conference, a show or a festival, the year it is held: "2025腾讯全球数字生态大会",
     * "Create2025百度AI开发者大会", "2023 科大讯飞全球 1024 开发者节", "meta Connect 2025", "华为全联接大会2025"
     */
    /** the words of a gathering that bears its year in its name, in both scripts */
    private static final List<String> GATHERINGS = List.of("大会", "峰会", "论坛", "博览会", "年会", "展会", "大會", "峰會",
            "論壇", "博覽會", "年會", "展會");
    private static final Pattern EVENT_YEAR = Pattern.compile(
            "(?<![\\d\\[])(20\\d{2})(?!\\d|\\s?年)(?=[^，。,;；\\n]{0,18}?(?:" + String.join("|", GATHERINGS)
            + "|发布会|發布會|节|節))"
            + "|(?<=[A-Za-z]\\s?)(20\\d{2})(?![\\d年.%])"
            // "华为全联接大会2025": the year right after the gathering's word
            + "|(?<=(?:" + String.join("|", GATHERINGS) + ")\\s?)(20\\d{2})(?![\\d年.%])");
    /** a date as English-language bylines print it: "Apr 18, 2023 08:27 AM", "Jun 6, 2025", "February 10, 2026" */
    private static final Pattern ENGLISH_DAY = Pattern.compile("(?<![A-Za-z])(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
            + "(?:[a-z]{0,6})\\.?\\s(\\d{1,2}),\\s?((?:19|20)\\d{2})(?!\\d)");
    private static final List<String> ENGLISH_MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
            "Oct", "Nov", "Dec");

    /** a month, with its day when given, that no year precedes: 7月9日, 12 月 */
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\d.])(\\d{1,2})\\s?月(?:\\s?(\\d{1,2})\\s?[日号])?");
    /** words a page prints right before its publication date, in both scripts */
    private static final List<String> PUBLISHED_BEFORE = List.of("发布时间", "发布日期", "发表时间", "发表于", "发布于",
            "更新时间", "發布時間", "發佈時間", "發表於", "發布於", "更新時間");
    /** words a page prints right after its publication date (the source, the editor, the author) */
    private static final List<String> PUBLISHED_AFTER = List.of("来源", "编辑", "作者", "稿源", "责编", "责任编辑", "來源",
            "編輯", "作者", "責編");
    /**
     * before a date: a target, a plan or a deadline, not a day the article reports ("计划在2026年实现量产"), in both
     * scripts
     */
    private static final List<String> TARGET_BEFORE = List.of("到", "至", "将", "预计", "前", "计划", "目标", "力争", "有望",
            "將", "預計", "計劃", "目標", "力爭");
    /** how far before a year the 《 of a title around it is looked for */
    private static final int TITLE_REACH = 60;
    /** how far a publication word may stand from the date (spaces, a colon, a separator between) */
    private static final int CUE_REACH = 4;

    private final ZoneId zone;

    public PublicationTimeFinder(ZoneId zone) {
        this.zone = zone;
    }

    public Optional<ZonedDateTime> find(String text) {
        Matcher m = STAMP.matcher(text);
        int at = -1;
        Optional<ZonedDateTime> found = Optional.empty();
        while (m.find()) {
            if (insideBrackets(text, m.start(), m.end())) {
                continue;
            }
            found = toTime(m, 1, 2, 3);
            if (found.isPresent()) {
                at = m.start();
                break;
            }
        }
        // the first stamp of the text, whichever order it prints
        if (text.indexOf('/') < 0) {
            return found;
        }
        Matcher d = DAY_FIRST_STAMP.matcher(text);
        while (d.find() && (at < 0 || d.start() < at)) {
            if (!insideBrackets(text, d.start(), d.end())) {
                Optional<ZonedDateTime> dayFirst = toTime(d, 3, 2, 1);
                if (dayFirst.isPresent()) {
                    return dayFirst;
                }
            }
        }
        return found;
    }

    /**
     * The day a text without a stamp supports, at local midnight: the first bare date printed next to a
     * publication word (发布时间, 来源, 编辑, ...) or in the page's heading, else the latest day the text reports
     * that is not after {@code today}, in no brackets, and not a target (到/至/将...) nor a deadline (...日前): its
     * complete dates and its day-month dates read from them ({@link #latestDayAfterBound}), else the latest start
     * (自...起施行). Pass the cleaned text: injected wire items and link lists carry other articles' dates.
     */
    public Optional<ZonedDateTime> findDay(String text, LocalDate today) {
        LocalDate english = englishHeadingDay(text, today);
        if (english != null) {
            return Optional.of(english.atStartOfDay(zone)); // "Apr 18, 2023 08:27 AM" under the title
        }
        Matcher m = DAY.matcher(text);
        LocalDate latest = null;
        LocalDate latestStart = null;
        while (m.find()) {
            LocalDate day = toDay(m);
            if (day == null || day.isAfter(today) || insideBrackets(text, m.start(), m.end())) {
                continue;
            }
            if (cued(text, m.start(), m.end()) || heading(text, m.start(), m.end(), m.group(4) != null)) {
                return Optional.of(day.atStartOfDay(zone));
            }
            if (target(text, m.start()) || deadline(text, m.end())) {
                continue;
            }
            if (start(text, m.end())) {
                latestStart = later(latestStart, day);
            } else {
                latest = later(latest, day);
            }
        }
        // a start ("自2023年8月15日起施行") comes after the news of it: the weakest clue, taken last, and no bound
        LocalDate day = latest == null && latestStart != null ? latestStart : latestDayAfterBound(text, today, latest);
        return Optional.ofNullable(day).map(d -> d.atStartOfDay(zone));
    }

    /**
     * The day-month dates of a text ("7月9日,...宣布") read from the bound its years give. An article is written
     * after the periods and days it reports on, so the latest complete date it reports ({@code complete}, may be
     * null) and the latest year (and month) it names ("2025年上半年", "截至2025年9月末", "按2024年销量") are lower
     * bounds of its day, and each day-month date is its first occurrence from the bound on: news names the year of
     * a day of another year ("2022年7月15日,上交所受理...") and leaves out the year of its own ("5月9日晚间,上交所
     * 公告..."). A month without its day counts from the January of the year bound (a complete date says nothing of
     * "3月份" figures, and a year-in-review names its months without their year). The latest of these not after
     * {@code today}, and not before the latest month the text names, is the day the text supports. No year named: no
     * day (the article's year is unknown).
     */
    private static LocalDate latestDayAfterBound(String text, LocalDate today, LocalDate complete) {
        LocalDate years = yearBound(text, today, false);
        LocalDate bound = later(complete, years);
        if (bound == null) {
            return null;
        }
        LocalDate latest = null;
        Matcher m = MONTH_DAY.matcher(text);
        while (m.find()) {
            // a month without its day is of the year the text reports on, from its January: "2025年6月...发布报告,
            // 基于前三季度数据。3月,X获融资" tells of March 2025, not of the March after the report
            LocalDate from = m.group(2) == null ? (years == null ? null : years.withDayOfYear(1)) : bound;
            if (from == null || yearBefore(text, m.start()) || target(text, m.start()) || start(text, m.end())
                    || deadline(text, m.end()) || insideBrackets(text, m.start(), m.end())
                    || Titles.inside(text, 0, m.start(), TITLE_REACH)) {
                continue;
            }
            LocalDate day = firstFrom(from, Integer.parseInt(m.group(1)), m.group(2));
            if (day != null && !day.isAfter(today)) {
                latest = later(latest, day);
            }
        }
        if (latest != null) {
            // never before the latest month the text names: the page is written after it
            return later(later(complete, latest), yearBound(text, today, true));
        }
        // no day at all: a year-in-review ("纵目科技:2025年4月进入破产审查程序") is as late as its latest month, unless
        // the text names a later year without its month ("公布2024年度《报告》" after "2022年11月推出ChatGPT"): then
        // its day is unknown, only its year's lower bound
        if (complete != null) {
            return complete;
        }
        LocalDate months = yearBound(text, today, true);
        return months != null && years.getYear() > months.getYear() ? null : months;
    }

    /**
     * The latest year, or year and month, the text reports on: not a target, not a title, not a founding, not
     * after today. With {@code monthsOnly}, only the years named with their month count.
     */
    private static LocalDate yearBound(String text, LocalDate today, boolean monthsOnly) {
        LocalDate bound = null;
        Matcher m = YEAR_MONTH.matcher(text);
        while (m.find()) {
            if (target(text, m.start()) || Titles.inside(text, 0, m.start(), TITLE_REACH) || founding(text, m.start(), m.end())
                    || monthsOnly && m.group(2) == null) {
                continue;
            }
            int year = Integer.parseInt(m.group(1));
            int month = m.group(2) == null ? 1 : Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                continue;
            }
            LocalDate start = LocalDate.of(year, month, 1);
            if (!start.isAfter(today)) {
                bound = later(bound, start);
            }
        }
        if (!monthsOnly) {
            Matcher e = EVENT_YEAR.matcher(text);
            while (e.find()) {
                int g = e.group(1) != null ? 1 : e.group(2) != null ? 2 : 3;
                LocalDate start = LocalDate.of(Integer.parseInt(e.group(g)), 1, 1);
                if (!start.isAfter(today) && !target(text, e.start()) && !Titles.inside(text, 0, e.start(), TITLE_REACH)) {
                    bound = later(bound, start);
                }
            }
        }
        return bound;
    }

    /** words of a founding: "成立于2017年", "2020年成立", "自2017年创立以来" */
    private static final List<String> FOUNDED = List.of("成立", "创立", "创办", "创建", "诞生", "成立於", "創立", "創辦", "創建");

    /**
     * A founding year ("成立于2017年", "自2017年成立以来") says when a company began, nothing of when the page was
     * written: it is no bound.
     */
    private static boolean founding(String text, int start, int end) {
        // the last year of a range ("成立于2018—2020年间") is read with the words before the range's first year
        if (start >= 5 && "-–—~～至".indexOf(text.charAt(start - 1)) >= 0 && Character.isDigit(text.charAt(start - 2))
                && Character.isDigit(text.charAt(start - 5))) {
            start -= 5;
        }
        String around = text.substring(Math.max(0, start - 4), Math.min(text.length(), end + 6));
        for (String w : FOUNDED) {
            if (around.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * how many days before a complete date a day-month date still falls in its year: a release dated
     * "(香港,2025年10月31日)" tells of its "10月30日" ceremony, the day before, not of a day a year later
     */
    private static final int DAYS_BEFORE_BOUND = 31;

    /**
     * month and day (or the month's first day) on or after {@code bound}, its year or the next; in the bound's year
     * also when it falls just before it ({@link #DAYS_BEFORE_BOUND})
     */
    private static LocalDate firstFrom(LocalDate bound, int month, String dayOfMonth) {
        int d = dayOfMonth == null ? 1 : Integer.parseInt(dayOfMonth);
        for (int year = bound.getYear(); year <= bound.getYear() + 1; year++) {
            if (month < 1 || month > 12 || d < 1 || d > java.time.YearMonth.of(year, month).lengthOfMonth()) {
                return null;
            }
            LocalDate day = LocalDate.of(year, month, d);
            if (!day.isBefore(bound.minusDays(year == bound.getYear() ? DAYS_BEFORE_BOUND : 0))) {
                return day;
            }
        }
        return null;
    }

    /**
     * 年 right before a month (spaces between): the month of a complete date or of a year mention; or a dash: the
     * last month of a range ("2025年1–9月"), a period of figures rather than a day
     */
    private static boolean yearBefore(String text, int at) {
        int i = at - 1;
        while (i >= 0 && text.charAt(i) == ' ') {
            i--;
        }
        return i >= 0 && "年-/–—~～－".indexOf(text.charAt(i)) >= 0;
    }

    private static LocalDate later(LocalDate a, LocalDate b) {
        return a == null || b != null && b.isAfter(a) ? b : a;
    }

    /** "如未能于2026年3月31日前达成": a date before 前 / 之前 / 以前 is a deadline, not a day the article reports */
    private static boolean deadline(String text, int end) {
        int i = end < text.length() && text.charAt(end) == ' ' ? end + 1 : end;
        if (i < text.length() && (text.charAt(i) == '之' || text.charAt(i) == '以')) {
            i++;
        }
        return i < text.length() && text.charAt(i) == '前' && (i + 1 >= text.length() || text.charAt(i + 1) != '后');
    }

    private static boolean cued(String text, int start, int end) {
        String before = text.substring(Math.max(0, start - PUBLISHED_BEFORE_REACH), start);
        for (String w : PUBLISHED_BEFORE) {
            int i = before.lastIndexOf(w);
            if (i >= 0 && before.length() - (i + w.length()) <= CUE_REACH) {
                return true;
            }
        }
        String after = text.substring(end, Math.min(text.length(), end + CUE_REACH + 4));
        for (String w : PUBLISHED_AFTER) {
            int i = after.indexOf(w);
            if (i >= 0 && i <= CUE_REACH) {
                return true;
            }
        }
        return byline(text, start);
    }

    /** how far a byline's source or author name may run before its date: "来源：新华网 2024-11-20" */
    private static final int BYLINE_NAME_REACH = 16;

    /** The date closes a short line that opens with a source or author word: the page's byline. */
    private static boolean byline(String text, int start) {
        int reach = BYLINE_NAME_REACH + 3;
        int lineStart = start;
        while (lineStart > 0 && start - lineStart <= reach && text.charAt(lineStart - 1) != '\n') {
            lineStart--;
        }
        if (start - lineStart > reach) {
            return false; // looked back no further than a byline reaches: no line is scanned whole per date
        }
        String head = text.substring(lineStart, start).strip();
        for (String w : PUBLISHED_AFTER) {
            if (head.startsWith(w) && head.length() > w.length() && head.indexOf('。') < 0 && head.indexOf('，') < 0) {
                return true;
            }
        }
        return false;
    }

    private static final int PUBLISHED_BEFORE_REACH = 12;

    /** a month without its day, opening a heading line after an optional Latin label: "date 2024-04" */
    private static final Pattern HEADING_MONTH = Pattern.compile(
            "(?m)^[ \\t]*(?:[A-Za-z]{1,12}[ \\t:]{1,3})?((?:19|20)\\d{2})[-/](\\d{1,2})(?![\\d/-])");

    /**
     * The month a page prints in its heading as its publication time when it gives no day ("date 2024-04"): what its
     * bare days ("11日") and its 当天 belong to.
     */
    public static Optional<YearMonth> findHeadingMonth(String text) {
        Matcher m = HEADING_MONTH.matcher(text).region(0, Math.min(text.length(), HEADING_REACH));
        if (!m.find()) {
            return Optional.empty();
        }
        int month = Integer.parseInt(m.group(2));
        return month < 1 || month > 12 ? Optional.empty() : Optional.of(YearMonth.of(Integer.parseInt(m.group(1)), month));
    }

    /** how far into the text the page's heading (title, author, date lines) may reach */
    private static final int HEADING_REACH = 400;

    /**
     * A date the page prints in its heading, as its publication date: within the first characters of the text, at
     * the start of its line (nothing before it but spaces, bullets or a Latin label: "  • 2025-07-28", "date
     * 2025-08-27", "- 2025年3月18日"), and either written with dashes or slashes (body text writes 2025年7月28日) or
     * alone on its line. A body sentence opening with a date ("2025年3月18日,百度...") is none of these.
     */
    /** The English byline date of the page's heading ({@link #ENGLISH_DAY}), not after {@code today}, or null. */
    private static LocalDate englishHeadingDay(String text, LocalDate today) {
        Matcher e = ENGLISH_DAY.matcher(text);
        if (!e.find() || !heading(text, e.start(), e.end(), true)) {
            return null;
        }
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(e.group(3)), ENGLISH_MONTHS.indexOf(e.group(1)) + 1,
                    Integer.parseInt(e.group(2)));
            return day.isAfter(today) ? null : day;
        } catch (java.time.DateTimeException ex) {
            return null; // "Feb 30, 2025"
        }
    }

    private static boolean heading(String text, int start, int end, boolean numeric) {
        if (start > HEADING_REACH) {
            return false;
        }
        int i = start - 1;
        while (i >= 0 && text.charAt(i) != '\n') {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9' || Character.isLetter(c) && c > 0x7f) {
                return false;
            }
            i--;
        }
        if (numeric) {
            return true;
        }
        for (int k = end; k < text.length() && text.charAt(k) != '\n'; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean target(String text, int start) {
        String before = text.substring(Math.max(0, start - 3), start);
        if (before.contains("截至") || before.endsWith("到了")) {
            return false; // "as of": figures up to a day that has passed; "而到了2025年4月": a time that has come
        }
        for (String w : TARGET_BEFORE) {
            if (before.contains(w)) {
                return true;
            }
        }
        return false;
    }

    private static boolean start(String text, int end) {
        return text.substring(end, Math.min(text.length(), end + 2)).contains("起");
    }

    private static LocalDate toDay(Matcher m) {
        int month = m.group(2) != null ? 2 : 5;
        try {
            return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(month)),
                    Integer.parseInt(m.group(month + 1)));
        } catch (java.time.DateTimeException notADate) {
            return null;
        }
    }

    /** The publication day in a URL, at local midnight; only the path is read, never the host. */
    public Optional<ZonedDateTime> findInUrl(String url) {
        if (url == null || url.isBlank()) {
            return Optional.empty();
        }
        int schemeEnd = url.indexOf("://");
        int pathStart = url.indexOf('/', schemeEnd < 0 ? 0 : schemeEnd + 3);
        if (pathStart < 0) {
            return Optional.empty();
        }
        Matcher m = URL_DATE.matcher(url.substring(pathStart));
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4))).atStartOfDay(zone));
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
    }

    private static boolean insideBrackets(String text, int start, int end) {
        int before = start - 1;
        while (before >= 0 && Character.isWhitespace(text.charAt(before))) {
            before--;
        }
        int after = end;
        while (after < text.length() && Character.isWhitespace(text.charAt(after))) {
            after++;
        }
        return before >= 0 && (text.charAt(before) == '[' || text.charAt(before) == '【')
                && after < text.length() && (text.charAt(after) == ']' || text.charAt(after) == '】');
    }

    /** The stamp's time; {@code year}, {@code month}, {@code day} are its groups, hours and minutes follow as 4, 5 (6). */
    private Optional<ZonedDateTime> toTime(Matcher m, int year, int month, int day) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(year)), Integer.parseInt(m.group(month)),
                    Integer.parseInt(m.group(day)));
            int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = date.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds);
            return Optional.of(local.atZone(zone));
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
