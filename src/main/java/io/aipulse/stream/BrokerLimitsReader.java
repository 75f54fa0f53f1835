package io.aipulse.stream;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@link BrokerLimits} from the configuration of the service's topics: the tightest timestamp range
 * of those that keep record times ({@code CreateTime}), and the record size of the dead-letter topic. A
 * topic without its own setting shows the broker's default, which the internal topics Kafka Streams
 * creates also get. When the configuration cannot be read (no permission, say), Kafka's defaults.
 */
public final class BrokerLimitsReader {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerLimitsReader.class);

    private BrokerLimitsReader() {
    }

    /** @param producerMaxBytes the producer's {@code max.request.size}: no dead letter may be larger either */
    public static BrokerLimits read(Properties adminProps, Topics topics, int producerMaxBytes) {
        try (Admin admin = Admin.create(adminProps)) {
            List<ConfigResource> resources = topics.all().stream()
                    .map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic.name())).toList();
            Map<ConfigResource, Config> configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            Config deadLetters = configs.get(new ConfigResource(ConfigResource.Type.TOPIC, topics.deadLetters.name()));
            BrokerLimits limits = limits(configs.values(), deadLetters, producerMaxBytes);
            LOG.info("topic limits: {}", limits);
            return limits;
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            LOG.warn("cannot read the topics' limits ({}); assuming Kafka's defaults", e.toString());
            return BrokerLimits.kafkaDefaults(producerMaxBytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return BrokerLimits.kafkaDefaults(producerMaxBytes);
        }
    }

    static BrokerLimits limits(Collection<Config> configs, Config deadLetters, int producerMaxBytes) {
        long before = Long.MAX_VALUE;
        long after = BrokerLimits.KAFKA_DEFAULT_AFTER.toMillis();
        boolean anyCreateTime = false;
        for (Config config : configs) {
            if ("LogAppendTime".equals(value(config, TopicConfig.MESSAGE_TIMESTAMP_TYPE_CONFIG, "CreateTime"))) {
                continue;
            }
            long topicAfter = millis(config, TopicConfig.MESSAGE_TIMESTAMP_AFTER_MAX_MS_CONFIG, after);
            after = anyCreateTime ? Math.min(after, topicAfter) : topicAfter;
            before = Math.min(before, millis(config, TopicConfig.MESSAGE_TIMESTAMP_BEFORE_MAX_MS_CONFIG, Long.MAX_VALUE));
            anyCreateTime = true;
        }
        long deadLetterMax = millis(deadLetters, TopicConfig.MAX_MESSAGE_BYTES_CONFIG, producerMaxBytes);
        return new BrokerLimits((int) Math.min(producerMaxBytes, deadLetterMax),
                before == Long.MAX_VALUE ? null : Duration.ofMillis(before), Duration.ofMillis(after));
    }

    private static long millis(Config config, String name, long fallback) {
        try {
            return Long.parseLong(value(config, name, Long.toString(fallback)).strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String value(Config config, String name, String fallback) {
        ConfigEntry entry = config == null ? null : config.get(name);
        return entry == null || entry.value() == null ? fallback : entry.value();
    }
}
