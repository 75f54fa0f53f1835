package io.aipulse.stream;

import io.aipulse.extract.Company;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Loads the bundled company registry into the compacted company topic the first time the service starts
 * (when the topic is empty). After that the topic is the registry: users correct or add a company by
 * producing one record, and the service never overwrites their corrections.
 */
public final class RegistryBootstrap {

    private final Topic<String, Company> topic;

    public RegistryBootstrap(Topic<String, Company> topic) {
        this.topic = topic;
    }

    /** Returns how many companies were loaded (0 when the topic already had records). */
    public int loadIfEmpty(Properties clientProps, List<Company> companies) {
        if (!isEmpty(clientProps)) {
            return 0;
        }
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        try (KafkaProducer<String, Company> producer = new KafkaProducer<>(props,
                topic.keySerde().serializer(), topic.valueSerde().serializer())) {
            for (Company company : companies) {
                producer.send(new ProducerRecord<>(topic.name(), company.name(), company));
            }
            producer.flush();
        }
        return companies.size();
    }

    private boolean isEmpty(Properties clientProps) {
        Properties props = new Properties();
        props.putAll(clientProps);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(props,
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            return ends.values().stream().allMatch(offset -> offset == 0L);
        }
    }

}
