package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An exception inside the topology (a bug on some text) sends the record that caused it, as it was read,
 * to the dead-letter topic with the same reason headers as refused input ({@code processing-error}, the
 * exception), counts it, and processing continues with the next record.
 */
public final class DeadLetterProcessingHandler implements ProcessingExceptionHandler {

    /** Config key under which the service passes its {@link StreamMetrics} instance. */
    public static final String METRICS_CONFIG = "aipulse.stream.metrics";
    static final String REASON = "processing-error";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProcessingHandler.class);

    private String topic;
    private StreamMetrics metrics = StreamMetrics.none();

    @Override
    public void configure(Map<String, ?> configs) {
        Object name = configs.get(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG);
        if (name == null) {
            throw new IllegalArgumentException(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG + " is required");
        }
        topic = name.toString();
        if (configs.get(METRICS_CONFIG) instanceof StreamMetrics configured) {
            metrics = configured;
        }
    }

    @Override
    public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
        LOG.warn("processing failed in {} at {}-{}@{}; record sent to {}", context.processorNodeId(), context.topic(),
                context.partition(), context.offset(), topic, exception);
        metrics.deadLetter(REASON);
        RecordHeaders headers = new RecordHeaders(context.headers().toArray());
        DeadLetters.annotate(headers, REASON, exception.getClass().getName() + ": " + exception.getMessage());
        headers.add("aipulse.error.processor", context.processorNodeId().getBytes(StandardCharsets.UTF_8));
        headers.add("aipulse.error.source", (context.topic() + "-" + context.partition() + "@" + context.offset())
                .getBytes(StandardCharsets.UTF_8));
        return Response.resume(List.of(new ProducerRecord<>(topic, null, context.timestamp(), context.sourceRawKey(),
                context.sourceRawValue(), headers)));
    }
}
