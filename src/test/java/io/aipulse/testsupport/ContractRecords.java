package io.aipulse.testsupport;

import io.aipulse.contract.RecordSchema;
import io.aipulse.contract.RecordValidator;
import io.aipulse.stream.Topic;
import io.aipulse.stream.Topics;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

/**
 * Every record the topology writes to a topic of the published contract ({@code schemas/}) is checked against
 * its schema: the records a test reads, through {@link #output}, and the ones it leaves, through
 * {@link #checkRemaining} when the test ends. A record the schema refuses fails the test with the reasons.
 */
public final class ContractRecords {

    private static final RecordValidator VALIDATOR = RecordValidator.load();

    private ContractRecords() {
    }

    /** An output topic whose values are checked against {@code schema} before they are read as usual. */
    public static <V> TestOutputTopic<String, V> output(TopologyTestDriver driver, Topic<String, V> topic,
                                                        RecordSchema schema) {
        Deserializer<V> reader = topic.valueSerde().deserializer();
        Deserializer<V> checked = (name, bytes) -> {
            assertValid(schema, name, bytes);
            return reader.deserialize(name, bytes);
        };
        return driver.createOutputTopic(topic.name(), new StringDeserializer(), checked);
    }

    /**
     * Reads every record still waiting on the events, aggregate and late topics and checks it; returns how
     * many there were.
     */
    public static int checkRemaining(TopologyTestDriver driver, Topics topics) {
        int checked = 0;
        for (Map.Entry<String, RecordSchema> topic : topics.outputSchemas().entrySet()) {
            checked += checkRemaining(driver, topic.getKey(), topic.getValue());
        }
        return checked;
    }

    private static int checkRemaining(TopologyTestDriver driver, String topic, RecordSchema schema) {
        List<TestRecord<byte[], byte[]>> records = driver.createOutputTopic(topic, new ByteArrayDeserializer(),
                new ByteArrayDeserializer()).readRecordsToList();
        records.forEach(record -> assertValid(schema, topic, record.value()));
        return records.size();
    }

    /** Fails with the schema's reasons when {@code value} is not a valid record of {@code schema}. */
    public static void assertValid(RecordSchema schema, String where, byte[] value) {
        List<String> problems = VALIDATOR.problems(schema, value);
        if (!problems.isEmpty()) {
            throw new AssertionError("a record on " + where + " does not follow schemas/" + schema.fileName() + ": "
                    + problems + "\n  record: " + (value == null ? null : new String(value, StandardCharsets.UTF_8)));
        }
    }
}
