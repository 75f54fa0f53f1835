package io.aipulse.extract;

import io.aipulse.article.Titles;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Date expressions of Chinese news: {@code 2023年4月14日}, {@code 2023-08-01}, {@code 7 月 26 日},
 * {@code 7月初} (the 1st), {@code 5月末 / 月底} (the last day), {@code 今年5月}, {@code 去年12月},
 * {@code 同年9月}, {@code 2023年上半年}, {@code 今日}. Day-month dates take the anchor's year, or the
 * year before when that would put them after the anchor. One precompiled pattern whose alternatives
 * are all bounded, so a long line cannot make it backtrack.
 */
public final class DateParser {

    /** How precise a resolved date is. */
    public enum Precision {
        /** a day: 7 月 26 日 */
        DAY,
        /** a month, or part of one: 2023年5月, 7月初, 5月末 */
        MONTH,
        /** part of a year: 上半年, 年初, 年底 */
        PERIOD,
        /** only a year: 2017年, 去年 */
        YEAR
    }

    /** A date expression at {@code [start, end)}, resolved. */
    public record Mention(int start, int end, LocalDate date, Precision precision, boolean relativeDay) {
    }

    private static final Pattern DATE = Pattern.compile(
            // 1 full: 2023年4月14日; in Taiwan the year of the Republic, 114年12月23日 (2025)
            "((?:19|20)\\d{2}|(?<!\\d)1[01]\\d)\\s?年\\s?(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?[日号]"
            // 4 numeric: 2023-08-01, 2023/8/1
            + "|(?<![\\d.])((?:19|20)\\d{2})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d.])"
            // 7 relative year + month (+ day): 去年12月, 今年5月末, 同年9月
            + "|(今年|去年|前年|同年|次年|明年|当年)\\s?(\\d{1,2})\\s?月\\s?(?:(\\d{1,2})\\s?[日号]|(初|底|末|上旬|中旬|下旬))?"
            // 11 year + month: 2023年5月, 2024年2月底, 114年4月
            + "|((?:19|20)\\d{2}|(?<!\\d)1[01]\\d)\\s?年\\s?(\\d{1,2})\\s?月(初|底|末|上旬|中旬|下旬)?"
            // 14 relative year (+ part): 今年年初, 去年
            + "|(今年|去年|前年|同年|次年|明年|当年)(年初|年底|年末|年中|上半年|下半年)?"
            // 16 month + day: 7 月 26 日
            + "|(?<![\\d.])(\\d{1,2})\\s?月\\s?(\\d{1,2})\\s?[日号]"
            // 18 month (+ part): 7月初, 3月
            + "|(?<![\\d.年])(\\d{1,2})\\s?月(初|底|末|上旬|中旬|下旬|份)?(?![\\d个])"
            // 20 year (+ part): 2023年, 2023年上半年
            + "|(?<![\\d.])((?:19|20)\\d{2})\\s?年(年初|初|年底|底|年末|年中|上半年|下半年)?"
            // 22 relative day
            + "|(今日|今天|今晨|今早|今晚|当天|当日|同日|昨日|昨天|昨晚|前天)"
            // 23 relative day with its number, as Hong Kong papers print it: 昨(22)日, 今(4)日
            + "|(今|昨|前)\\s?\\((\\d{1,2})\\)\\s?[日号]"
            // 25 a day of the reference month in parentheses: 周一晚上(2日)
            + "|\\((\\d{1,2})\\s?[日号]\\)"
            // 26 a bare day of the reference month: 19日在港举办, 23 日,; its neighbours are checked in code
            + "|(?<![\\d.])(\\d{1,2})\\s?[日号]"
            // 27 the month before: 上月, 上个月 (本月 stays the article's day: the month has not ended)
            + "|(上个?月)"
            // 28 昨 alone before a verb: 昨公布, 昨宣布
            + "|(昨)(?=[\\u4e00-\\u9fff])"
            // 29 month/day in parentheses after a weekday, as Taiwan papers print it: 周日(12/14)
            + "|(?<=[周星期礼拜][一二三四五六日天]\\s?)\\((\\d{1,2})/(\\d{1,2})\\)"
            // 31 a weekday, of last week, this week or the latest: 上周五, 本周一, 周四 (not 周日内, 周一至)
            // (a day in parentheses after it dates it instead: 周一晚上(2日))
            + "|(上|本|这)?(?:周|星期|礼拜)([一二三四五六日天])(?![内至到]|[^，。,;；]{0,3}\\(\\d)");

    /** before a number of days, a count or a span: 第3日, 近7日, 连续5日, 为期7日, 共3日 */
    private static final String COUNT_BEFORE = "第近续每数几余个期满前后共约超达逾连隔";
    /**
     * after a bare day that follows a word: a part of the day, a verb of the event itself, or the wire's own word
     * after its place ("台北19日电", "旧金山30日专电"), or the first character of a verb of publishing and deals after
     * its actor ("勤业众信14日发布", "鸿海27日公告", "星海9日完成")
     */
    private static final String AFTER_WORD_DAY = "晚早上下凌在举宣召电专登报发公推披正获完签";
    /** before a bare day (19日): the start of a clause, a bracket, or a word that introduces a time */
    private static final String BEFORE_BARE_DAY = " \n,，。;；:：()（）、于在至到间";
    /** after a bare day: punctuation, a part of the day, or the first character of a verb news puts after a date */
    private static final String AFTER_BARE_DAY = ",，。;；()（）晚早上下中凌夜在起电讯专消宣发正召举开公表披于至到与向对签通获完推将再";

    /** how far before a date the 《 of a title around it is looked for */
    private static final int TITLE_REACH = 80;

    private DateParser() {
    }

    /** the first characters of the relative words a date can open with (今天, 去年, 前天, 同日, 次日, 明年, 当天, 昨日, 上月, 上周五, 本周一, 周四, 星期三, 礼拜天) and "(" */
    private static final String RELATIVE_STARTS = "今去前同次明当昨上(本这周星礼";
    /** {@link #RELATIVE_STARTS} as a {@link CharFilter}: the scan asks at every character that is no digit */
    private static final long[] RELATIVE_FILTER = CharFilter.create();

    static {
        for (char c : RELATIVE_STARTS.toCharArray()) {
            CharFilter.add(RELATIVE_FILTER, c);
        }
    }

    private static boolean relativeStart(char c) {
        return CharFilter.mayContain(RELATIVE_FILTER, c) && RELATIVE_STARTS.indexOf(c) >= 0;
    }

    /**
     * All date expressions in {@code [from, to)} of {@code s}, resolved against {@code anchor} (the
     * article's day; may be null when unknown) and {@code contextYear} (the last explicit year before,
     * for 同年; may be null). Relative days (今日) resolve against {@code today} when given, else the anchor.
     * Expressions inside 《book titles》 are skipped.
     */
    public static List<Mention> findAll(CharSequence s, int from, int to, LocalDate anchor, Integer contextYear,
                                        LocalDate today) {
        return findAll(s, from, to, anchor, contextYear, today, null);
    }

    /**
     * As {@link #findAll(CharSequence, int, int, LocalDate, Integer, LocalDate)}, with {@code contextDay}: the
     * last day the text named before {@code from}, which 当日 / 当天 / 同日 refer to (may be null: then they are
     * {@code today}). A day named inside the range becomes the context day of what follows it.
     */
    public static List<Mention> findAll(CharSequence s, int from, int to, LocalDate anchor, Integer contextYear,
                                        LocalDate today, LocalDate contextDay) {
        List<Mention> out = new ArrayList<>();
        LocalDate lastDay = contextDay;
        int end = Math.min(to, s.length());
        Matcher m = null;
        int i = Math.max(0, from);
        // only where a date can start: a digit, or the first character of a relative word
        while (i < end) {
            char c = s.charAt(i);
            boolean digit = c >= '0' && c <= '9';
            if (!digit && !relativeStart(c) || digit && i > 0 && s.charAt(i - 1) >= '0' && s.charAt(i - 1) <= '9') {
                i++;
                continue;
            }
            if (!mayStartDate(s, i, end, digit)) {
                i++;
                continue;
            }
            if (m == null) {
                m = DATE.matcher(s).useTransparentBounds(true).useAnchoringBounds(false);
            }
            m.region(i, end);
            if (!m.lookingAt()) {
                i++;
                continue;
            }
            int next = Math.max(m.end(), i + 1);
            if (!Titles.inside(s, from - TITLE_REACH, m.start(), TITLE_REACH)
                    && (m.group(26) == null || bareDay(s, m.start(), m.end(), end))) {
                Mention mention = resolve(m, anchor, contextYear, today, lastDay);
                if (mention != null) {
                    out.add(mention);
                    if (!mention.relativeDay()) {
                        contextYear = mention.date().getYear();
                    }
                    if (mention.precision() == Precision.DAY) {
                        lastDay = mention.date();
                    }
                }
            }
            i = next;
        }
        return out;
    }

    /**
     * A necessary condition for the pattern to match at {@code i} (the first digit of a run, or a relative
     * word's first character), read from the few characters after it: a run of one or two digits needs 月 next
     * (one space allowed), a run of four needs 年 or a separator, a run of three 年 (Taiwan's year of the Republic),
     * other runs are no date; a relative word must be one of the pattern's.
     */
    private static boolean mayStartDate(CharSequence s, int i, int end, boolean digit) {
        if (!digit) {
            if (i + 1 >= end) {
                return false;
            }
            char a = s.charAt(i);
            char b = s.charAt(i + 1);
            return switch (a) {
                case '今' -> "年日天晨早晚(".indexOf(b) >= 0 || NamePatterns.isRegexSpace(b);
                case '去', '次', '明' -> b == '年';
                case '同' -> b == '年' || b == '日';
                case '前' -> b == '年' || b == '天' || b == '(' || NamePatterns.isRegexSpace(b);
                case '当' -> b == '年' || b == '天' || b == '日';
                case '昨' -> b == '(' || b >= '\u4e00' && b <= '\u9fff' || NamePatterns.isRegexSpace(b);
                case '上', '本', '这' -> a == '上' && (b == '月' || b == '个' && i + 2 < end && s.charAt(i + 2) == '月')
                        || b == '周' || b == '星' || b == '礼';
                case '周' -> WEEKDAYS.indexOf(b) >= 0;
                case '星' -> b == '期';
                case '礼' -> b == '拜';
                case '(' -> b >= '0' && b <= '9';
                default -> false;
            };
        }
        int j = i;
        while (j < end && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
            j++;
        }
        int run = j - i;
        if (run < 1 || run > 4) {
            return false;
        }
        if (j >= end) {
            return false;
        }
        char next = s.charAt(j);
        if (run == 4 && (next == '-' || next == '/' || next == '.')) {
            return true;
        }
        if (isRegexSpace(next)) {
            if (j + 1 >= end) {
                return false;
            }
            next = s.charAt(j + 1);
        }
        return run >= 3 ? next == '年' : next == '月' || next == '日' || next == '号';
    }

    /**
     * A bare day ({@code 19日}) is a date only between a clause start or a time word and a verb or punctuation:
     * {@code 3日内}, {@code 第3日}, {@code 5日均线} and {@code 为期7日} are spans or counts.
     */
    private static boolean bareDay(CharSequence s, int start, int end, int limit) {
        int b = start - 1;
        if (b >= 0 && isRegexSpace(s.charAt(b)) && s.charAt(b) != '\n') {
            b--;
        }
        int a = end < limit && s.charAt(end) == ' ' ? end + 1 : end;
        if (a >= limit) {
            return b < 0 || BEFORE_BARE_DAY.indexOf(s.charAt(b)) >= 0;
        }
        char next = s.charAt(a);
        if (b < 0 || BEFORE_BARE_DAY.indexOf(s.charAt(b)) >= 0) {
            return AFTER_BARE_DAY.indexOf(next) >= 0 || hourAfter(s, a, limit);
        }
        // after a word ("论坛19日在港举办"): only before a part of the day or an event verb, never after a count;
        // or before its hour ("北京时间9日11时")
        return COUNT_BEFORE.indexOf(s.charAt(b)) < 0 && (AFTER_WORD_DAY.indexOf(next) >= 0 || hourAfter(s, a, limit));
    }

    /** an hour of the day starts at {@code at}: "11时", "9点" */
    private static boolean hourAfter(CharSequence s, int at, int limit) {
        int i = at;
        while (i < limit && i - at < 2 && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i > at && i < limit && (s.charAt(i) == '时' || s.charAt(i) == '点');
    }

    /** {@code \s} of java.util.regex: space, tab, line feed, vertical tab, form feed, carriage return. */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** The first date of a text, resolved against {@code anchor}. */
    public static Mention first(String s, LocalDate anchor) {
        List<Mention> all = findAll(s, 0, s.length(), anchor, anchor == null ? null : anchor.getYear(), null);
        return all.isEmpty() ? null : all.get(0);
    }

    private static Mention resolve(Matcher m, LocalDate anchor, Integer contextYear, LocalDate today,
                                   LocalDate contextDay) {
        int s = m.start();
        int e = m.end();
        Integer anchorYear = anchor == null ? contextYear : Integer.valueOf(anchor.getYear());
        if (m.group(1) != null) {
            return day(s, e, gregorian(num(m.group(1))), num(m.group(2)), num(m.group(3)));
        }
        if (m.group(4) != null) {
            return day(s, e, num(m.group(4)), num(m.group(5)), num(m.group(6)));
        }
        if (m.group(7) != null) {
            Integer year = relativeYear(m.group(7), anchorYear, contextYear);
            if (year == null) {
                return null;
            }
            if (m.group(9) != null) {
                return day(s, e, year, num(m.group(8)), num(m.group(9)));
            }
            return month(s, e, year, num(m.group(8)), m.group(10));
        }
        if (m.group(11) != null) {
            return month(s, e, gregorian(num(m.group(11))), num(m.group(12)), m.group(13));
        }
        if (m.group(14) != null) {
            Integer year = relativeYear(m.group(14), anchorYear, contextYear);
            if (year == null) {
                return null;
            }
            return yearPart(s, e, year, m.group(15));
        }
        if (m.group(16) != null || m.group(29) != null) {
            int month = num(m.group(16) != null ? m.group(16) : m.group(29));
            int dayOfMonth = num(m.group(16) != null ? m.group(17) : m.group(30));
            if (anchorYear == null || !valid(anchorYear, month, dayOfMonth)) {
                return null;
            }
            LocalDate d = LocalDate.of(anchorYear, month, dayOfMonth);
            if (anchor != null && d.isAfter(anchor)) {
                if (!valid(anchorYear - 1, month, dayOfMonth)) {
                    return null;
                }
                d = LocalDate.of(anchorYear - 1, month, dayOfMonth);
            }
            return new Mention(s, e, d, Precision.DAY, false);
        }
        if (m.group(18) != null) {
            int month = num(m.group(18));
            if (anchorYear == null || month < 1 || month > 12) {
                return null;
            }
            Mention mention = month(s, e, anchorYear, month, m.group(19));
            if (mention != null && anchor != null && mention.date().withDayOfMonth(1).isAfter(anchor)) {
                mention = month(s, e, anchorYear - 1, month, m.group(19));
            }
            return mention;
        }
        if (m.group(20) != null) {
            return yearPart(s, e, num(m.group(20)), m.group(21));
        }
        LocalDate base = today != null ? today : anchor;
        if (base == null) {
            return null;
        }
        if (m.group(32) != null) {
            return weekday(s, e, base, m.group(31), Math.min(WEEKDAYS.indexOf(m.group(32).charAt(0)), 6) + 1);
        }
        if (m.group(22) != null) {
            return switch (m.group(22)) {
                case "当天", "当日", "同日" -> new Mention(s, e, contextDay != null ? contextDay : base, Precision.DAY, true);
                case "昨日", "昨天", "昨晚" -> new Mention(s, e, base.minusDays(1), Precision.DAY, true);
                case "前天" -> new Mention(s, e, base.minusDays(2), Precision.DAY, true);
                default -> new Mention(s, e, base, Precision.DAY, true);
            };
        }
        if (m.group(23) != null) {
            return dayOfReferenceMonth(s, e, base, num(m.group(24)));
        }
        if (m.group(25) != null || m.group(26) != null) {
            return dayOfReferenceMonth(s, e, base, num(m.group(25) != null ? m.group(25) : m.group(26)));
        }
        if (m.group(27) != null) {
            return new Mention(s, e, base.minusMonths(1).withDayOfMonth(1), Precision.MONTH, true);
        }
        if (m.group(28) != null) {
            return new Mention(s, e, base.minusDays(1), Precision.DAY, true);
        }
        return null;
    }

    /** The day {@code dayOfMonth} of the reference day's month, or of the month before when that is later. */
    private static Mention dayOfReferenceMonth(int s, int e, LocalDate base, int dayOfMonth) {
        YearMonth month = YearMonth.from(base);
        if (dayOfMonth > base.getDayOfMonth()) {
            month = month.minusMonths(1);
        }
        if (dayOfMonth < 1 || dayOfMonth > month.lengthOfMonth()) {
            return null;
        }
        return new Mention(s, e, month.atDay(dayOfMonth), Precision.DAY, true);
    }

    private static Integer relativeYear(String word, Integer anchorYear, Integer contextYear) {
        return switch (word) {
            case "今年" -> anchorYear;
            case "去年" -> anchorYear == null ? null : anchorYear - 1;
            case "前年" -> anchorYear == null ? null : anchorYear - 2;
            case "明年" -> anchorYear == null ? null : anchorYear + 1;
            case "同年", "当年" -> contextYear != null ? contextYear : anchorYear;
            case "次年" -> contextYear != null ? Integer.valueOf(contextYear + 1) : null;
            default -> null;
        };
    }

    private static Mention day(int s, int e, int year, int month, int dayOfMonth) {
        if (!valid(year, month, dayOfMonth)) {
            return null;
        }
        return new Mention(s, e, LocalDate.of(year, month, dayOfMonth), Precision.DAY, false);
    }

    /** the year the Republic of China was founded in: its year N (民国N年, Taiwan's calendar) is 1911 + N */
    private static final int REPUBLIC_EPOCH = 1911;

    /** A year as written: four digits are the Gregorian year; three (100-119) the Republic's, as Taiwan writes them. */
    private static int gregorian(int year) {
        return year < 1000 ? REPUBLIC_EPOCH + year : year;
    }

    private static Mention month(int s, int e, int year, int month, String part) {
        if (month < 1 || month > 12 || year < 1900 || year > 2100) {
            return null;
        }
        YearMonth ym = YearMonth.of(year, month);
        int dayOfMonth = 1;
        if (part != null) {
            dayOfMonth = switch (part) {
                case "底", "末" -> ym.lengthOfMonth();
                case "中旬" -> 15;
                case "下旬" -> 21;
                default -> 1;
            };
        }
        return new Mention(s, e, ym.atDay(dayOfMonth), Precision.MONTH, false);
    }

    private static Mention yearPart(int s, int e, int year, String part) {
        if (year < 1900 || year > 2100) {
            return null;
        }
        if (part == null) {
            return new Mention(s, e, LocalDate.of(year, 1, 1), Precision.YEAR, false);
        }
        LocalDate d = switch (part) {
            case "年底", "底", "年末" -> LocalDate.of(year, 12, 31);
            case "年中" -> LocalDate.of(year, 6, 30);
            case "下半年" -> LocalDate.of(year, 7, 1);
            default -> LocalDate.of(year, 1, 1);
        };
        return new Mention(s, e, d, Precision.PERIOD, false);
    }

    /** the weekdays in their order, Monday first; 天 is Sunday as 日 is */
    private static final String WEEKDAYS = "一二三四五六日天";

    /**
     * The day of a weekday ({@code 1} Monday to {@code 7} Sunday) in the week of {@code base}: of the week before
     * (上周五), of that week (本周一, 这周三), else the latest such day not after {@code base} (周四上市).
     */
    private static Mention weekday(int s, int e, LocalDate base, String which, int day) {
        LocalDate monday = base.minusDays(base.getDayOfWeek().getValue() - 1L);
        LocalDate d = monday.plusDays(day - 1L);
        if ("上".equals(which)) {
            d = d.minusWeeks(1);
        } else if (which == null && d.isAfter(base)) {
            d = d.minusWeeks(1);
        }
        return new Mention(s, e, d, Precision.DAY, true);
    }

    private static boolean valid(int year, int month, int dayOfMonth) {
        return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && dayOfMonth >= 1
                && dayOfMonth <= YearMonth.of(year, month).lengthOfMonth();
    }

    private static int num(String s) {
        return Integer.parseInt(s);
    }
}
