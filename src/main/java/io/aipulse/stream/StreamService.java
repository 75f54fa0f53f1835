package io.aipulse.stream;

import io.aipulse.article.ArticleJson;
import io.aipulse.config.Settings;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.Knowledge;
import java.time.Duration;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running stream application: makes sure its topics exist, loads the company registry into its
 * topic on first start, builds the topology and runs it with exactly-once processing.
 */
public final class StreamService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StreamService.class);
    /**
     * How long the streams may take to close: within the 30 s the whole service has after SIGTERM (what
     * Kubernetes gives a pod by default), the rest for the HTTP server, the metrics and the JVM's exit.
     * Closing took the full 30 s when SIGTERM came while a stream thread was being replaced, and the
     * process was still alive after them.
     */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(25);

    private final KafkaStreams streams;
    private final Topics topics;

    private StreamService(KafkaStreams streams, Topics topics) {
        this.streams = streams;
        this.topics = topics;
    }

    /**
     * Prepares topics and registry and starts the streams. {@code onRunning} is called every time the
     * instance becomes RUNNING (metric binders must bind then, when tasks exist).
     */
    public static StreamService start(Settings settings, Knowledge knowledge, EventExtractor extractor,
                                      ArticleJson articleJson, StreamMetrics metrics, String stateDir,
                                      Consumer<KafkaStreams> onRunning) {
        Topics topics = Topics.from(settings);
        Properties clientProps = settings.kafkaClientProperties();
        TopicSetup.from(topics, settings).prepare(clientProps);
        int loaded = new RegistryBootstrap(topics.companies).loadIfEmpty(clientProps, knowledge.companies());
        if (loaded > 0) {
            LOG.info("loaded {} companies into {}", loaded, topics.companies.name());
        }
        InputGuards guards = new InputGuards(InputGuards.recordLimits(settings),
                BrokerLimitsReader.read(clientProps, topics, settings.getInt("topic.max.message.bytes")),
                new PoisonedInputs());
        Topology topology = AipulseTopology.from(topics, extractor, articleJson, settings, metrics, guards).build();
        KafkaStreams streams = new KafkaStreams(topology, StreamsSettings.properties(settings, stateDir,
                StreamsSettings.deadLetterRoute(settings, guards, metrics)));
        streams.setStateListener((newState, oldState) -> {
            LOG.info("stream state {} -> {}", oldState, newState);
            if (newState == KafkaStreams.State.RUNNING) {
                onRunning.accept(streams);
            }
        });
        streams.setUncaughtExceptionHandler(error -> {
            LOG.error("stream thread failed; replacing it", error);
            metrics.streamThreadFailed(); // counted: failures that repeat mark the stream stalled
            return org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse
                    .REPLACE_THREAD;
        });
        streams.start();
        return new StreamService(streams, topics);
    }

    public KafkaStreams streams() {
        return streams;
    }

    public Topics topics() {
        return topics;
    }

    public KafkaStreams.State state() {
        return streams.state();
    }

    /**
     * Closes the streams within {@link #CLOSE_TIMEOUT}. A stream thread blocked in a rebalance (one that
     * replaced a failed thread waits for the old member's session to expire) does not stop sooner, and the
     * service then exits without waiting further: under exactly-once the open transaction is aborted.
     */
    @Override
    public void close() {
        streams.close(CLOSE_TIMEOUT);
    }
}
