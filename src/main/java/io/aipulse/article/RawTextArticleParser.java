package io.aipulse.article;

import io.aipulse.article.clean.TextCleaner;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw text article such as those in {@code seeds/}: an optional header of {@code 标题:},
 * {@code 链接:} and {@code 总结:} lines (the 总结 value may hold the whole body), empty trailing metadata
 * fields ({@code 关键词:}, {@code 行业:} ...), and otherwise free text whose publication time is searched
 * for with {@link PublicationTimeFinder}.
 */
public final class RawTextArticleParser {

    private static final Pattern FIELD = Pattern.compile("^\\s*([\\p{IsHan}A-Za-z]{1,8})\\s*[:：]\\s?(.*)$");
    private static final List<String> TITLE_KEYS = List.of("标题", "題目", "标题名", "title", "Title");
    private static final List<String> URL_KEYS = List.of("链接", "鏈接", "网址", "url", "URL", "link");
    private static final List<String> BODY_KEYS = List.of("总结", "總結", "正文", "内容", "content", "text");
    private static final List<String> DATE_KEYS = List.of("日期", "发布时间", "發布時間", "date", "published");

    private final ZoneId zone;
    /** the day a text supports is read from its cleaned text, without wire items and link lists */
    private final TextCleaner cleaner = new TextCleaner();
    private final InputLimits limits;
    private final PublicationTimeFinder timeFinder;

    public RawTextArticleParser(ZoneId zone, InputLimits limits) {
        this.zone = zone;
        this.limits = limits;
        this.timeFinder = new PublicationTimeFinder(zone);
    }

    /** Parses raw bytes: strict UTF-8, size limit, no binary content. */
    public Article parse(String sourceName, byte[] bytes, Instant now) throws RejectedInputException {
        limits.checkSize(bytes.length);
        return parse(sourceName, Utf8.decode(bytes), now);
    }

    public Article parse(String sourceName, String content, Instant now) throws RejectedInputException {
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        if (Utf8.isBinary(text)) {
            throw new RejectedInputException("binary", "input looks binary (control characters), not an article");
        }
        Fields fields = Fields.read(text);
        if (fields.body.isBlank()) {
            throw new RejectedInputException("empty-text", "article has no text");
        }
        Instant published = now;
        TimeSource timeSource = TimeSource.INGEST;
        Optional<ZonedDateTime> stamp = fields.date == null
                ? timeFinder.find(text) : timeFinder.find(fields.date).or(() -> timeFinder.find(text));
        Optional<ZonedDateTime> urlDay = timeFinder.findInUrl(fields.url);
        LocalDate today = now.atZone(zone).toLocalDate();
        if (stamp.isEmpty() && fields.date != null) {
            // "发布时间:2024-11-20": a date field without a time still names the day the page was published
            stamp = timeFinder.findDay(fields.date, today);
        }
        Optional<ZonedDateTime> textDay = stamp.isPresent() || urlDay.isPresent() ? Optional.empty()
                : timeFinder.findDay(cleaner.clean(fields.body).text(), today);
        if (stamp.isPresent()) {
            published = stamp.get().toInstant();
            timeSource = TimeSource.TEXT;
        } else if (urlDay.isPresent()) {
            published = urlDay.get().toInstant();
            timeSource = TimeSource.URL;
        } else if (textDay.isPresent()) {
            published = textDay.get().toInstant();
            timeSource = TimeSource.TEXT;
        }
        if (stamp.isEmpty() && urlDay.isEmpty() && textDay.isPresent() && !limits.plausible(published, now)) {
            // a day the body only seems to support ("1月30日" read against "始建于1958年"): a misreading, not a
            // reason to refuse the article, which is dated when it is read; a stamp the page prints stays checked
            published = now;
            timeSource = TimeSource.INGEST;
        }
        if (timeSource != TimeSource.INGEST) {
            limits.checkPublished(published, now);
        }
        String id = ArticleIds.of(fields.url, fields.body);
        return new Article(id, fields.url, fields.title, null, fields.body, published, timeSource, sourceName);
    }

    /** The header fields and the body of a raw article. */
    private static final class Fields {
        String title;
        String url;
        String date;
        String body = "";

        static Fields read(String text) {
            Fields fields = new Fields();
            List<String> bodyLines = new ArrayList<>();
            boolean inHeader = true;
            for (String line : text.split("\r?\n", -1)) {
                Matcher m = FIELD.matcher(line);
                if (m.matches() && fields.take(m.group(1), m.group(2).strip(), inHeader, bodyLines)) {
                    continue;
                }
                if (!line.isBlank()) {
                    inHeader = false;
                }
                bodyLines.add(line);
            }
            fields.body = String.join("\n", bodyLines).strip();
            return fields;
        }

        /** Takes a {@code key: value} line as a field; false leaves it in the body. */
        private boolean take(String key, String value, boolean inHeader, List<String> bodyLines) {
            if (value.isEmpty()) {
                return true; // an empty metadata field (关键词:, 行业:) says nothing
            }
            if (!inHeader) {
                return false;
            }
            if (TITLE_KEYS.contains(key)) {
                title = value;
            } else if (URL_KEYS.contains(key)) {
                url = value;
            } else if (DATE_KEYS.contains(key)) {
                date = value;
            } else if (BODY_KEYS.contains(key)) {
                bodyLines.add(value);
            } else {
                return false;
            }
            return true;
        }
    }
}
