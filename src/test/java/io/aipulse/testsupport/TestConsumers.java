package io.aipulse.testsupport;

import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/** Kafka consumer settings of tests that read what a broker holds. */
public final class TestConsumers {

    private TestConsumers() {
    }

    /**
     * A consumer that sees committed transactions only ({@code read_committed}: what exactly-once output
     * readers see), starts at the beginning of each partition, and commits nothing: a group of its own
     * each time, so that every read is a fresh one.
     */
    public static Properties readCommittedFromStart(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return props;
    }
}
