package io.aipulse.article;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.aipulse.article.clean.TextCleaner;
import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.VersionedJson;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Articles as JSON: reads what users send ({@code .json}/{@code .jsonl} files, or records on the input
 * topic) with clear refusals, and writes the canonical form the producer puts on the topic.
 *
 * <p>Accepted fields: {@code text} (or {@code content}/{@code body}, required), {@code title},
 * {@code url} (or {@code link}), {@code summary}, {@code publishedAt} (or {@code published_at},
 * {@code date}: ISO instant, offset or local date-time, local date, or epoch milliseconds),
 * {@code id}, {@code timeSource}, {@code source}. The article's id is always computed from its URL or text;
 * an {@code id} sent with it is kept as {@code clientId} when it differs (and a {@code clientId} as it is).
 * A {@code schemaVersion} is written ({@link RecordSchema#ARTICLE}) and not needed on read: version 1 is the only
 * one, and articles from before it was written are the same shape.
 */
public final class ArticleJson {

    private static final List<String> TEXT_FIELDS = List.of("text", "content", "body");
    private static final List<String> URL_FIELDS = List.of("url", "link");
    private static final List<String> TIME_FIELDS = List.of("publishedAt", "published_at", "publishTime", "date");

    private final ObjectMapper mapper;
    private final ZoneId zone;
    /** the day a text supports is read from its cleaned text, without wire items and link lists */
    private final TextCleaner cleaner = new TextCleaner();
    private final InputLimits limits;
    private final PublicationTimeFinder timeFinder;
    private final VersionedJson<Article> writer;

    public ArticleJson(ZoneId zone, InputLimits limits) {
        this.zone = zone;
        this.limits = limits;
        this.timeFinder = new PublicationTimeFinder(zone);
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(limits.maxJsonDepth())
                        .maxStringLength(limits.maxBytes())
                        .build())
                .build();
        this.mapper = new ObjectMapper(factory)
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // two concatenated articles in one record must be refused, not silently cut to the first
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.writer = VersionedJson.of(mapper, Article.class, RecordSchema.ARTICLE);
    }

    /** The canonical form {@code produce} puts on the input topic, with its schema version first. */
    public byte[] write(Article article) {
        return writer.writeBytes(article);
    }

    /** Reads one JSON article. {@code now} is the ingest time, used when the article carries no date. */
    public Article read(byte[] bytes, Instant now) throws RejectedInputException {
        return read(bytes, now, now);
    }

    /**
     * Reads one JSON article: {@code ingestTime} is its time when it carries no date; publication dates
     * are checked against {@code now}, the wall clock (never against a record timestamp, which the sender
     * sets to the very date being checked).
     */
    public Article read(byte[] bytes, Instant now, Instant ingestTime) throws RejectedInputException {
        if (bytes == null) {
            throw new RejectedInputException("null-value", "record has no value");
        }
        limits.checkSize(bytes.length);
        return read(Utf8.decode(bytes), now, ingestTime);
    }

    public Article read(String json, Instant now) throws RejectedInputException {
        return read(json, now, now);
    }

    private Article read(String json, Instant now, Instant ingestTime) throws RejectedInputException {
        if (json.isBlank()) {
            throw new RejectedInputException("empty-body", "record body is empty");
        }
        JsonNode node = parse(json);
        if (!node.isObject()) {
            throw new RejectedInputException("not-an-object", "article JSON must be an object, got " + node.getNodeType());
        }
        String text = textField(node, TEXT_FIELDS, true);
        if (text == null || text.isBlank()) {
            throw new RejectedInputException("empty-text", "article has no text (field text/content/body)");
        }
        if (Utf8.isBinary(text)) {
            throw new RejectedInputException("binary", "article text looks binary (control characters)");
        }
        String url = textField(node, URL_FIELDS, false);
        Instant published = publishedAt(node);
        TimeSource timeSource = published == null ? TimeSource.INGEST : timeSource(node);
        if (published == null) {
            Optional<ZonedDateTime> urlDay = timeFinder.findInUrl(url);
            if (urlDay.isPresent()) {
                published = urlDay.get().toInstant();
                timeSource = TimeSource.URL;
            }
        }
        if (published == null) {
            // as for raw text: a stamp in the text, else the day the text supports
            Optional<ZonedDateTime> textTime = timeFinder.find(text)
                    .or(() -> timeFinder.findDay(cleaner.clean(text).text(), now.atZone(zone).toLocalDate()));
            if (textTime.isPresent()) {
                published = textTime.get().toInstant();
                timeSource = TimeSource.TEXT;
            }
        }
        // the ingest time too: a record timestamp of 1971 on an undated article is as implausible as a 1971 date
        limits.checkPublished(published == null ? ingestTime : published, now);
        // the service's own id: a sent id may be spoofed, or differ between copies of one page
        String id = ArticleIds.of(url, text);
        String clientId = clientId(node, id);
        return new Article(
                id,
                url,
                textField(node, List.of("title"), false),
                textField(node, List.of("summary"), false),
                text,
                published == null ? ingestTime : published,
                timeSource,
                textField(node, List.of("source"), false),
                clientId);
    }

    /**
     * The sender's id: {@code clientId} as {@code produce} writes it, else an {@code id} other than the
     * computed one. Limited in length like every id, as it travels with the article.
     */
    private String clientId(JsonNode node, String computedId) throws RejectedInputException {
        String kept = textField(node, List.of("clientId"), false);
        String sent = textField(node, List.of("id"), false);
        for (String id : new String[] {kept, sent}) {
            if (id != null) {
                limits.checkId(id);
            }
        }
        if (kept != null && !kept.isBlank()) {
            return kept;
        }
        return sent == null || sent.isBlank() || sent.equals(computedId) ? null : sent;
    }

    private JsonNode parse(String json) throws RejectedInputException {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            String what = e.getMessage() != null && e.getMessage().contains("nesting depth")
                    ? "too-deep" : "not-json";
            throw new RejectedInputException(what, "not a JSON article: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new RejectedInputException("not-json", "not a JSON article: " + e.getMessage());
        }
    }

    private static String textField(JsonNode node, List<String> names, boolean required) throws RejectedInputException {
        for (String name : names) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (!value.isTextual()) {
                throw new RejectedInputException("wrong-type",
                        "field '" + name + "' must be a string, got " + value.getNodeType());
            }
            return value.textValue();
        }
        if (required) {
            throw new RejectedInputException("missing-field", "missing required field " + String.join("/", names));
        }
        return null;
    }

    private Instant publishedAt(JsonNode node) throws RejectedInputException {
        for (String name : TIME_FIELDS) {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                continue;
            }
            if (value.isIntegralNumber()) {
                return epochMillis(name, value);
            }
            if (!value.isTextual()) {
                throw new RejectedInputException("wrong-type", "field '" + name + "' must be a date string or epoch millis");
            }
            return parseTime(name, value.textValue().strip());
        }
        return null;
    }

    /** Epoch milliseconds; a number past the range of a long (2^64 + an epoch value) would wrap silently. */
    private static Instant epochMillis(String field, JsonNode value) throws RejectedInputException {
        if (!value.canConvertToLong()) {
            throw new RejectedInputException("bad-date", "field '" + field + "' is out of range for epoch milliseconds: "
                    + abbreviated(value.asText()));
        }
        return Instant.ofEpochMilli(value.longValue());
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private Instant parseTime(String field, String value) throws RejectedInputException {
        String iso = value.length() > 10 && value.charAt(10) == ' ' ? value.replaceFirst(" ", "T") : value;
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            // try the forms without an offset, in the service's zone
        }
        try {
            return LocalDateTime.parse(iso).atZone(zone).toInstant();
        } catch (DateTimeParseException notLocalDateTime) {
            // try a plain date
        }
        try {
            return LocalDate.parse(iso).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new RejectedInputException("bad-date", "field '" + field + "' is not a date: " + value);
        }
    }

    private static TimeSource timeSource(JsonNode node) {
        JsonNode value = node.get("timeSource");
        if (value != null && value.isTextual()) {
            try {
                return TimeSource.valueOf(value.textValue());
            } catch (IllegalArgumentException unknown) {
                return TimeSource.METADATA;
            }
        }
        return TimeSource.METADATA;
    }
}
