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
 * @param id          stable id computed by the service: hash of the normalised URL when there is one, else
 *                    of the normalised text (see {@link ArticleIds})
 * @param url         link, when known
 * @param title       headline, when known
 * @param summary     the 总结 header or a JSON summary, when known
 * @param text        the body as received (cleaning happens downstream)
 * @param publishedAt publication time; the record timestamp on the topic
 * @param timeSource  where {@code publishedAt} came from
 * @param source      the input's name (file name), when known
 * @param clientId    the id the input carried, when it was not the computed one: kept for the sender,
 *                    never used to identify the article (five spoofed ids would be five articles)
 */
@JsonPropertyOrder({"id", "clientId", "url", "title", "summary", "publishedAt", "timeSource", "source", "text"})
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Article(
        String id,
        String url,
        String title,
        String summary,
        String text,
        Instant publishedAt,
        TimeSource timeSource,
        String source,
        String clientId) {

    /** An article whose input carried no other id than the computed one. */
    public Article(String id, String url, String title, String summary, String text, Instant publishedAt,
                   TimeSource timeSource, String source) {
        this(id, url, title, summary, text, publishedAt, timeSource, source, null);
    }

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
