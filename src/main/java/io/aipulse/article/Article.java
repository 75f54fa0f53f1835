package io.aipulse.article;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * An article as it travels on the input topic (UTF-8 JSON).
 *
 * @param id          stable id: hash of the normalised text, or of the URL when there is one
 * @param url         link, when known
 * @param title       headline, when known
 * @param summary     the 总结 header or a JSON summary, when known
 * @param text        the body as received (cleaning happens downstream)
 * @param publishedAt publication time; the record timestamp on the topic
 * @param timeSource  where {@code publishedAt} came from
 * @param source      the input's name (file name), when known
 */
@JsonPropertyOrder({"id", "url", "title", "summary", "publishedAt", "timeSource", "source", "text"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String id,
        String url,
        String title,
        String summary,
        String text,
        Instant publishedAt,
        TimeSource timeSource,
        String source) {

    public Article {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(publishedAt, "publishedAt");
        Objects.requireNonNull(timeSource, "timeSource");
    }

    /** The publication day in the given zone. */
    public LocalDate publishedOn(ZoneId zone) {
        return publishedAt.atZone(zone).toLocalDate();
    }

    /** Everything the extractor reads: headline, summary and body. */
    public String fullText() {
        StringBuilder all = new StringBuilder();
        if (title != null && !title.isBlank()) {
            all.append(title).append('\n');
        }
        if (summary != null && !summary.isBlank()) {
            all.append(summary).append('\n');
        }
        return all.append(text).toString();
    }
}
