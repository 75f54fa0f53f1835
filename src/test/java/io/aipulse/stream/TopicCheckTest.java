package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.junit.jupiter.api.Test;

/** What the start-up check says about a topic that exists, against what the service needs of it. */
class TopicCheckTest {

    private final Settings settings = SettingsLoader.load(null, Map.of(), Map.of());
    private final Topics topics = Topics.from(settings);
    private final Map<String, TopicSpec> specs = specsByName();

    @Test
    void findsNothingInATopicAsTheServiceCreatesIt() {
        for (TopicSpec spec : specs.values()) {
            assertThat(TopicCheck.differences(spec, spec.partitions(), config(spec.configs()))).as(spec.name()).isEmpty();
        }
    }

    @Test
    void saysThatAnAggregateTopicWithoutCompactionLosesTheCurrentTruth() {
        // given an aggregate topic created with the broker's default policy
        TopicSpec aggregate = specs.get(topics.aggregate(Dimension.SECTOR, CalendarWindow.DAY).name());

        // when
        List<String> found = TopicCheck.differences(aggregate, 1,
                config(Map.of("cleanup.policy", "delete", "retention.ms", "604800000")));

        // then
        assertThat(found).singleElement().asString().startsWith("cleanup.policy=delete where the service needs compact");
    }

    @Test
    void saysThatACompactedTopicThatAlsoDeletesByTimeLosesOldKeys() {
        TopicSpec companies = specs.get(topics.companies.name());

        List<String> found = TopicCheck.differences(companies, 1,
                config(Map.of("cleanup.policy", "compact,delete", "retention.ms", "604800000")));

        assertThat(found).singleElement().asString().contains("retention.ms=604800000").contains("7 days")
                .contains("even the latest of their key");
    }

    @Test
    void saysThatAnInputTopicWithTheBrokersRetentionDeletesABackfill() {
        // given the articles topic created by a platform team with Kafka's default retention (7 days)
        TopicSpec articles = specs.get(topics.articles.name());

        // when
        List<String> found = TopicCheck.differences(articles, 1, config(Map.of("cleanup.policy", "delete",
                "retention.ms", "604800000", "max.message.bytes", "16777216")));

        // then
        assertThat(found).singleElement().asString()
                .startsWith("retention.ms=604800000 (7 days) where the service is configured for -1 (topic.retention.ms)")
                .contains("published more than 7 days ago are deleted");
    }

    @Test
    void saysThatAnInputTopicTakingSmallerRecordsBouncesLargeArticlesOffTheBroker() {
        TopicSpec articles = specs.get(topics.articles.name());

        List<String> found = TopicCheck.differences(articles, 1, config(Map.of("retention.ms", "-1",
                "max.message.bytes", "1048588")));

        assertThat(found).singleElement().asString().startsWith("max.message.bytes=1048588 where the service needs 16777216");
    }

    @Test
    void checksThePartitionsOfTheInputTopicOnly() {
        // given topics with 6 partitions where the service is configured for 1
        TopicSpec articles = specs.get(topics.articles.name());
        TopicSpec events = specs.get(topics.events.name());

        // then only the input's count matters: the stream's internal topics follow topic.partitions
        assertThat(TopicCheck.differences(articles, 6, config(articles.configs()))).singleElement().asString()
                .startsWith("6 partitions where the service is configured for 1 (topic.partitions)");
        assertThat(TopicCheck.differences(events, 6, config(events.configs()))).isEmpty();
    }

    private Map<String, TopicSpec> specsByName() {
        Map<String, TopicSpec> byName = new java.util.LinkedHashMap<>();
        TopicSetup.from(topics, settings).specs().forEach(spec -> byName.put(spec.name(), spec));
        return byName;
    }

    private static Config config(Map<String, String> values) {
        List<ConfigEntry> entries = new ArrayList<>();
        values.forEach((name, value) -> entries.add(new ConfigEntry(name, value)));
        return new Config(entries);
    }
}
