package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.config.Settings;
import io.aipulse.config.SettingsLoader;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.Test;

/** The Kafka Streams settings the service runs with. */
class StreamsSettingsTest {

    @Test
    void namesItsClientsAfterTheApplicationAndTheInstanceTheSameOnEveryStart() {
        // given an instance name
        Settings settings = settings(Map.of("instance.id", "node 1/a"));

        // when the settings are made twice (two starts)
        Object first = StreamsSettings.properties(settings, null).get(StreamsConfig.CLIENT_ID_CONFIG);
        Object second = StreamsSettings.properties(settings, null).get(StreamsConfig.CLIENT_ID_CONFIG);

        // then the client id is the same, made of characters metric names take
        assertThat(first).isEqualTo("aipulse-node_1_a").isEqualTo(second);
    }

    @Test
    void namesTheInstanceAfterTheHostWhenNotTold() {
        String clientId = (String) StreamsSettings.properties(settings(Map.of()), null).get(StreamsConfig.CLIENT_ID_CONFIG);

        assertThat(clientId).startsWith("aipulse-").hasSizeGreaterThan("aipulse-".length()).matches("[A-Za-z0-9._-]+");
    }

    @Test
    void leavesTheReplicationOfInternalTopicsToTheBrokerUnlessSet() {
        assertThat(StreamsSettings.properties(settings(Map.of()), null).get(StreamsConfig.REPLICATION_FACTOR_CONFIG))
                .isEqualTo(-1);
        assertThat(StreamsSettings.properties(settings(Map.of("topic.replication.factor", "3")), null)
                .get(StreamsConfig.REPLICATION_FACTOR_CONFIG)).isEqualTo(3);
    }

    @Test
    void enablesTheProcessingHandlerInTheGlobalThreadWhereverKafkaStreamsReadsItsSettings() {
        // when Kafka Streams reads the settings, and again from its main consumer's (for the assignor)
        StreamsConfig config = new StreamsConfig(StreamsSettings.properties(settings(Map.of()), null));
        Map<String, Object> consumer = config.getMainConsumerConfigs("group", "client", 0);

        // then the global thread's processing handler is on in both, so neither warns that it is off
        assertThat(config.getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
        assertThat(new StreamsConfig(withRequired(consumer))
                .getBoolean(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG)).isTrue();
    }

    @Test
    void sendsEveryKindOfFailedRecordToOurHandlers() {
        Properties props = StreamsSettings.properties(settings(Map.of()), null);

        assertThat(props).containsEntry(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterDeserializationHandler.class.getName())
                .containsEntry(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProcessingHandler.class.getName())
                .containsEntry(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG,
                        DeadLetterProductionHandler.class.getName())
                .containsEntry(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, "aipulse.dlq");
    }

    private static Map<String, Object> withRequired(Map<String, Object> consumer) {
        Map<String, Object> copy = new java.util.HashMap<>(consumer);
        copy.putIfAbsent(StreamsConfig.APPLICATION_ID_CONFIG, "aipulse");
        return copy;
    }

    private static Settings settings(Map<String, String> options) {
        return SettingsLoader.load(null, Map.of(), options);
    }
}
