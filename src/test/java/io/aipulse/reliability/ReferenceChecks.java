package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a reference run against the corpus it read, so that a broken pipeline cannot pass by agreeing
 * with itself. Deliberately independent of what the extractor finds (it is being rewritten): the checks
 * tie each aggregate to the events the same run committed and to the corpus.
 *
 * <ul>
 *   <li>every record that is not an article is dead-lettered once, with a reason;</li>
 *   <li>each event id is committed once, belongs to a corpus article, and at least 30 % of the corpus
 *       articles yield an event (the templates are written so any reasonable extractor finds them);</li>
 *   <li>the aggregate keys are exactly the (group, window) pairs the committed events route to, by the
 *       publication time of their article, minus the mentions reported late;</li>
 *   <li>in every aggregate, {@code articles} is the number of distinct articles of those events (which
 *       does not depend on how the identity rule merges events), {@code events} is between 1 and the
 *       number of distinct event ids, {@code byType} adds up to {@code events};</li>
 *   <li>every day and ISO week of the corpus has aggregates in every dimension;</li>
 *   <li>with {@code expectFinal}: a window is final exactly when the flush article moved stream time
 *       past its end plus grace; and every late record belongs to a late article.</li>
 * </ul>
 */
final class ReferenceChecks {

    static final Duration DAY_GRACE = Duration.ofHours(6);
    static final Duration WEEK_GRACE = Duration.ofDays(1);

    private ReferenceChecks() {
    }

    /** What the reference holds, for the measurement log. */
    record Summary(int articlesWithEvents, int events, int aggregateKeys, int lateRecords, int deadLetters,
                   Map<String, Integer> eventsBySector) {
    }

    static Summary verify(Corpus corpus, Snapshot reference, boolean expectFinal) {
        Map<String, Long> published = corpus.publicationTimes();

        // dead letters: the bad records, once each, with a reason
        List<String> badKeys = corpus.items().stream().filter(i -> i.kind() == Corpus.Kind.BAD)
                .map(Corpus.Item::key).sorted().toList();
        assertThat(reference.records("dlq")).as("dead letters").extracting(Snapshot.Rec::key)
                .containsExactlyInAnyOrderElementsOf(badKeys);
        assertThat(reference.records("dlq")).allSatisfy(rec -> assertThat(rec.reason()).isNotBlank());

        // events: once each, of corpus articles, enough of them
        assertThat(Verifier.duplicateEventIds(reference)).as("event ids committed more than once").isEmpty();
        Map<String, JsonNode> events = reference.latest("events");
        Set<String> articlesWithEvents = new HashSet<>();
        Map<String, Integer> bySector = new TreeMap<>();
        for (JsonNode event : events.values()) {
            String articleId = event.path("articleId").asText();
            assertThat(published).as("article of event %s", event).containsKey(articleId);
            assertThat(event.path("type").asText()).isNotBlank();
            articlesWithEvents.add(articleId);
            bySector.merge(group(event, "sector"), 1, Integer::sum);
        }
        long corpusArticles = corpus.items().stream().filter(i -> i.kind() == Corpus.Kind.ARTICLE).count();
        assertThat(articlesWithEvents.size()).as("corpus articles with at least one event (of %d)", corpusArticles)
                .isGreaterThanOrEqualTo((int) (corpusArticles * 0.3));

        // late mentions: (event id, role) pairs reported on the late topic
        Set<String> late = new HashSet<>();
        Set<String> lateArticles = new HashSet<>();
        corpus.items().stream().filter(i -> i.kind() == Corpus.Kind.LATE).forEach(i -> lateArticles.add(i.articleId()));
        for (Snapshot.Rec rec : reference.records("late")) {
            JsonNode json = rec.json();
            String role = json.path("dimension").asText() + "." + ("P1D".equals(json.path("window").asText()) ? "1d" : "1w");
            late.add(json.path("eventId").asText() + " " + role);
            if (expectFinal) {
                assertThat(lateArticles).as("late record of a late article: %s", json)
                        .contains(json.path("articleId").asText());
            }
        }
        if (expectFinal) {
            for (JsonNode event : events.values()) {
                if (lateArticles.contains(event.path("articleId").asText())) {
                    for (String role : RunTopics.AGGREGATES) {
                        assertThat(late).as("every mention of a late article's event is late")
                                .contains(event.path("eventId").asText() + " " + role);
                    }
                }
            }
        } else {
            assertThat(reference.records("late")).as("late records (grace longer than the corpus)").isEmpty();
        }

        // aggregates: recomputed from the committed events and the corpus publication times
        int keys = 0;
        long flushTime = corpus.flush().timestamp();
        for (String role : RunTopics.AGGREGATES) {
            String dimension = role.substring(0, role.indexOf('.'));
            boolean week = role.endsWith("1w");
            Map<String, Set<String>> articles = new HashMap<>();
            Map<String, Set<String>> eventIds = new HashMap<>();
            for (JsonNode event : events.values()) {
                String eventId = event.path("eventId").asText();
                if (late.contains(eventId + " " + role)) {
                    continue;
                }
                LocalDate day = Instant.ofEpochMilli(published.get(event.path("articleId").asText()))
                        .atZone(Corpus.ZONE).toLocalDate();
                LocalDate start = week ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : day;
                String key = group(event, dimension) + "@" + start;
                articles.computeIfAbsent(key, k -> new HashSet<>()).add(event.path("articleId").asText());
                eventIds.computeIfAbsent(key, k -> new HashSet<>()).add(eventId);
            }
            Map<String, JsonNode> latest = reference.latest(role);
            assertThat(latest.keySet()).as("%s keys: the windows the committed events route to", role)
                    .containsExactlyInAnyOrderElementsOf(articles.keySet());
            Set<LocalDate> windowsSeen = new TreeSet<>();
            for (Map.Entry<String, JsonNode> entry : latest.entrySet()) {
                String key = entry.getKey();
                JsonNode aggregate = entry.getValue();
                String startDate = key.substring(key.lastIndexOf('@') + 1);
                windowsSeen.add(LocalDate.parse(startDate));
                assertThat(aggregate.path("windowStart").asText()).as("%s %s", role, key).startsWith(startDate);
                assertThat(aggregate.path("window").asText()).isEqualTo(week ? "P7D" : "P1D");
                assertThat(aggregate.path("articles").asLong()).as("%s %s articles", role, key)
                        .isEqualTo(articles.get(key).size());
                long count = aggregate.path("events").asLong();
                assertThat(count).as("%s %s events", role, key).isBetween(1L, (long) eventIds.get(key).size());
                long byType = 0;
                for (JsonNode n : aggregate.path("byType")) {
                    byType += n.asLong();
                }
                assertThat(byType).as("%s %s byType sum", role, key).isEqualTo(count);
                assertThat(aggregate.path("topSubjects").size()).isBetween(1, 5);
                if (expectFinal) {
                    Instant end = OffsetDateTime.parse(aggregate.path("windowEnd").asText()).toInstant();
                    boolean closed = !end.plus(week ? WEEK_GRACE : DAY_GRACE).isAfter(Instant.ofEpochMilli(flushTime));
                    assertThat(aggregate.path("final").asBoolean()).as("%s %s final", role, key).isEqualTo(closed);
                }
                keys++;
            }
            List<LocalDate> corpusWindows = new ArrayList<>();
            for (LocalDate d = corpus.firstDay(); !d.isAfter(corpus.lastDay()); d = d.plusDays(week ? 7 : 1)) {
                corpusWindows.add(d);
            }
            assertThat(windowsSeen).as("%s: every %s of the corpus has aggregates", role, week ? "week" : "day")
                    .containsAll(corpusWindows);
        }
        return new Summary(articlesWithEvents.size(), events.size(), keys, reference.records("late").size(),
                reference.records("dlq").size(), bySector);
    }

    /** The group key of an event in a dimension, as the service forms it (missing values are "unknown"). */
    static String group(JsonNode event, String dimension) {
        String sector = orUnknown(event.path("sector"));
        String city = orUnknown(event.path("city"));
        return switch (dimension) {
            case "sector" -> sector;
            case "city" -> city;
            default -> sector + "|" + city;
        };
    }

    private static String orUnknown(JsonNode value) {
        return value.isMissingNode() || value.isNull() || value.asText().isBlank() ? "unknown" : value.asText();
    }
}
