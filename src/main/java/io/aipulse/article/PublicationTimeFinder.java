package io.aipulse.article;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds an article's publication time in its text: the first date-and-time stamp such as
 * {@code 2023-08-01 18:42}, {@code 2024/3/5 03:43:32} or {@code 2023年8月1日 18:42}. Stamps in square
 * brackets are skipped: they belong to injected wire items ({@code [2021/9/9 23:12:07]}), not to the
 * article. A bare date without a time is not taken: in body text it is usually an event date, and in
 * "related reading" lists the date of another article.
 */
public final class PublicationTimeFinder {

    private static final Pattern STAMP = Pattern.compile(
            "(?<![\\d\\[])((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "[\\sT]{0,3}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d\\]])");

    /** A date as news sites put it in a path: /2023-10-23/, /2023/10/23/, /20231023/, t20231023_123.html. */
    private static final Pattern URL_DATE = Pattern.compile(
            "(?<=[/_\\-a-z])((?:19|20)\\d{2})([-/_]?)(0[1-9]|1[0-2])\\2(0[1-9]|[12]\\d|3[01])(?=[/_.\\-?#]|$)");

    private final ZoneId zone;

    public PublicationTimeFinder(ZoneId zone) {
        this.zone = zone;
    }

    public Optional<ZonedDateTime> find(String text) {
        Matcher m = STAMP.matcher(text);
        while (m.find()) {
            if (insideBrackets(text, m.start(), m.end())) {
                continue;
            }
            Optional<ZonedDateTime> stamp = toTime(m);
            if (stamp.isPresent()) {
                return stamp;
            }
        }
        return Optional.empty();
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

    private Optional<ZonedDateTime> toTime(Matcher m) {
        try {
            LocalDate day = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = day.atTime(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)), seconds);
            return Optional.of(local.atZone(zone));
        } catch (java.time.DateTimeException notADate) {
            return Optional.empty();
        }
    }
}
