package io.aipulse.stream;

import io.aipulse.config.Settings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.streams.StreamsConfig;

/** Kafka Streams properties and window settings derived from the service configuration. */
public final class StreamsSettings {

    private StreamsSettings() {
    }

    /**
     * Exactly-once; a stable client id; the dead-letter topic and our handlers for records that fail past
     * our own validation (processing, production and deserialization errors: Kafka Streams' KIP-1034 hooks,
     * with Kafka's error headers and ours, counted); replication left to the broker unless set; RocksDB on
     * one bounded memory budget ({@link RocksDbMemory}); then every {@code kafka.*} pass-through setting.
     */
    public static Properties properties(Settings settings, String stateDir) {
        return properties(settings, stateDir, StreamMetrics.none());
    }

    /** The same, with the metrics the dead-letter handlers count into. */
    public static Properties properties(Settings settings, String stateDir, StreamMetrics metrics) {
        return properties(settings, stateDir, deadLetterRoute(settings, InputGuards.from(settings), metrics));
    }

    /** The route the topology's guards share with the handlers (the same inputs marked as refused). */
    public static DeadLetterRoute deadLetterRoute(Settings settings, InputGuards guards, StreamMetrics metrics) {
        return new DeadLetterRoute(settings.get("topic.dlq"), guards.deadLetterCopy(), guards.poisoned(), metrics);
    }

    /** The same, with the dead-letter route of the handlers. */
    public static Properties properties(Settings settings, String stateDir, DeadLetterRoute route) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.get("application.id"));
        props.put(StreamsConfig.CLIENT_ID_CONFIG, clientId(settings));
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, settings.get("topic.dlq"));
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProcessingHandler.class.getName());
        // the company table's processors too (Kafka Streams 5 will do it by default): an exception there is
        // logged and counted instead of stopping the global thread
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, true);
        // Kafka Streams reads its settings a second time from the main consumer's (for its partition assignor)
        // and warns there too when the flag is missing
        props.put(StreamsConfig.mainConsumerPrefix(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG), true);
        props.put(StreamsConfig.PRODUCTION_EXCEPTION_HANDLER_CLASS_CONFIG, DeadLetterProductionHandler.class.getName());
        props.put(DeadLetterRoute.CONFIG, route);
        props.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class.getName());
        // changelogs and repartition topics: as the service's own topics, the broker's default unless set
        props.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, TopicSetup.replicationFactor(settings).map(Short::intValue).orElse(-1));
        String applicationServer = settings.get("application.server", "");
        if (!applicationServer.isBlank()) {
            props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, applicationServer);
        }
        if (stateDir != null && !stateDir.isBlank()) {
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir);
        }
        // every RocksDB store of this instance shares one bounded budget of off-heap memory
        props.put(StreamsConfig.ROCKSDB_CONFIG_SETTER_CLASS_CONFIG, BoundedRocksDbConfig.class);
        props.put(RocksDbMemory.CONFIG, RocksDbMemory.from(settings));
        // the dead-letter topic receives oversized inputs whole
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                settings.get("topic.max.message.bytes"));
        props.putAll(settings.kafkaClientProperties());
        return props;
    }

    /**
     * {@code application.id-instance}: the same on every start of an instance, so its clients' metrics keep
     * their names and labels across restarts (without it Kafka Streams takes a random id per process, and
     * every restart starts new series). The instance is {@code instance.id}, by default the host name.
     * Thread and client names follow it ({@code aipulse-host-StreamThread-1-consumer}).
     */
    public static String clientId(Settings settings) {
        String instance = settings.get("instance.id", "").strip();
        if (instance.isEmpty()) {
            instance = hostName();
        }
        return settings.get("application.id") + "-" + instance.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    private static String hostName() {
        String fromEnvironment = System.getenv("HOSTNAME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return fromEnvironment.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "0";
        }
    }

    public static WindowTime windowTime(Settings settings) {
        return WindowTime.fromConfig(settings.get("window.time", "publication"));
    }

    /** Grace per window size; event-date windows have their own, longer grace. */
    public static Map<CalendarWindow, Duration> grace(Settings settings) {
        String prefix = windowTime(settings) == WindowTime.EVENT ? "window.event-time.grace." : "window.grace.";
        Map<CalendarWindow, Duration> grace = new EnumMap<>(CalendarWindow.class);
        grace.put(CalendarWindow.DAY, settings.getDuration(prefix + "day"));
        grace.put(CalendarWindow.WEEK, settings.getDuration(prefix + "week"));
        return grace;
    }
}
