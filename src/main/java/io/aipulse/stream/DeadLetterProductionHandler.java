package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProductionExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line when the broker still refuses an output record (validation should leave nothing it
 * refuses). The input the record came from (its {@code aipulse.input} header) is marked, and
 * {@link ArticleParser} dead-letters it when it is read again. Under exactly-once (the service's setting)
 * that is the only way: the refusal has put the producer in its error state, so the transaction aborts
 * and the stream thread is replaced, and the input is read again, this time to the dead-letter topic in a
 * transaction the broker accepts. Without transactions the refused record goes to the dead-letter topic
 * at once, with Kafka Streams' error headers ({@code __streams.errors.*}) and our reason. A record that cannot
 * be serialised was never sent: its dead letter is written with the transaction.
 */
public final class DeadLetterProductionHandler implements ProductionExceptionHandler {

    static final String REASON = "broker-refused";
    static final String SERIALIZATION_REASON = "serialization-error";
    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterProductionHandler.class);

    private DeadLetterRoute route;
    private boolean exactlyOnce;

    @Override
    public void configure(Map<String, ?> configs) {
        route = DeadLetterRoute.from(configs);
        exactlyOnce = StreamsConfig.EXACTLY_ONCE_V2.equals(configs.get(StreamsConfig.PROCESSING_GUARANTEE_CONFIG));
    }

    @Override
    public Response handleError(ErrorHandlerContext context, ProducerRecord<byte[], byte[]> record, Exception exception) {
        String input = headerValue(record.headers(), DeadLetters.INPUT_HEADER);
        LOG.warn("the broker refused a record for {} (input {}); dead-lettering it", record.topic(), input, exception);
        if (input != null) {
            route.poisoned().mark(input, "the broker refused an output of this record on " + record.topic() + ": "
                    + describe(exception));
        }
        if (exactlyOnce) {
            // the producer is in its error state: another send would throw and kill the stream thread, and
            // the transaction is aborted anyway. The input, marked, is dead-lettered when it is read again.
            return Response.resume(List.of());
        }
        route.metrics().deadLetter(REASON);
        byte[] key = context.sourceRawKey() != null ? context.sourceRawKey() : record.key();
        byte[] value = context.sourceRawValue() != null ? context.sourceRawValue() : record.value();
        return Response.resume(List.of(deadLetter(context, key, value, record.headers(), REASON, exception)));
    }

    @Override
    public Response handleSerializationError(ErrorHandlerContext context, ProducerRecord record, Exception exception,
                                             SerializationExceptionOrigin origin) {
        LOG.warn("cannot serialise the {} of a record for {}; dead-lettering its input", origin, record.topic(), exception);
        route.metrics().deadLetter(SERIALIZATION_REASON);
        return Response.resume(List.of(deadLetter(context, context.sourceRawKey(), context.sourceRawValue(),
                context.headers(), SERIALIZATION_REASON, exception)));
    }

    private ProducerRecord<byte[], byte[]> deadLetter(ErrorHandlerContext context, byte[] key, byte[] value,
                                                      Headers received, String reason, Exception exception) {
        Headers headers = DeadLetters.headers(received, reason, DeadLetterRoute.source(context), exception, true);
        DeadLetterCopy.Parts parts = route.copy().fit(key, value, headers);
        // stamped now: the time of the refused record may be what the broker refused
        return new ProducerRecord<>(route.topic(), null, System.currentTimeMillis(), parts.key(), parts.value(),
                parts.headers());
    }

    private static String describe(Exception exception) {
        return exception.getClass().getName() + ": " + exception.getMessage();
    }

    private static String headerValue(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
