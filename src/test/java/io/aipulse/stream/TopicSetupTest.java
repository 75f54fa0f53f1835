package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/** The topic specification the service creates its topics from and prints with {@code aipulse topics}. */
class TopicSetupTest {

    @Test
    void leavesTheReplicationFactorToTheBrokerByDefault() {
        // given the default configuration
        TopicSetup setup = setup(Map.of());

        // then no topic names a replication factor: the broker's default.replication.factor applies
        assertThat(setup.specs()).allSatisfy(spec -> assertThat(spec.replicationFactor()).isEmpty());
        assertThat(setup.newTopics()).extracting(NewTopic::replicationFactor).containsOnly((short) -1);
    }

    @Test
    void usesAReplicationFactorThatIsSet() {
        assertThat(setup(Map.of("topic.replication.factor", "3")).newTopics()).extracting(NewTopic::replicationFactor)
                .containsOnly((short) 3);
    }

    @Test
    void compactsTheAggregatesAndTheRegistryAndKeepsTheOthersWithoutTimeLimit() {
        List<TopicSpec> specs = setup(Map.of()).specs();

        assertThat(specs).extracting(TopicSpec::name, TopicSpec::cleanupPolicy, TopicSpec::retentionMs,
                        TopicSpec::maxMessageBytes, TopicSpec::input)
                .containsExactly(
                        tuple("aipulse.articles", "delete", Optional.of(-1L), Optional.of(16_777_216), true),
                        tuple("aipulse.events", "delete", Optional.of(-1L), Optional.empty(), false),
                        tuple("aipulse.dlq", "delete", Optional.of(-1L), Optional.of(16_777_216), false),
                        tuple("aipulse.late", "delete", Optional.of(-1L), Optional.empty(), false),
                        tuple("aipulse.companies", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.sector.1d", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.sector.1w", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.city.1d", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.city.1w", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.sector-city.1d", "compact", Optional.empty(), Optional.empty(), false),
                        tuple("aipulse.agg.sector-city.1w", "compact", Optional.empty(), Optional.empty(), false));
        assertThat(specs).allSatisfy(spec -> assertThat(spec.purpose()).isNotBlank());
    }

    @Test
    void createsEachTopicWithTheSettingsOfItsSpecification() {
        NewTopic articles = setup(Map.of("topic.partitions", "4")).newTopics().get(0);

        assertThat(articles.name()).isEqualTo("aipulse.articles");
        assertThat(articles.numPartitions()).isEqualTo(4);
        assertThat(articles.configs()).containsExactlyInAnyOrderEntriesOf(Map.of("cleanup.policy", "delete",
                "retention.ms", "-1", "max.message.bytes", "16777216"));
    }

    private static TopicSetup setup(Map<String, String> options) {
        Settings settings = SettingsLoader.load(null, Map.of(), options);
        return TopicSetup.from(Topics.from(settings), settings);
    }
}
