package io.aipulse.stream;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * A dead letter that fits the dead-letter topic. A record refused as too large for processing may still
 * be too large to be written again with our headers (a value just under the input topic's limit is over
 * it with them), and a refused write aborts the transaction, so the same record would fail forever. Such a
 * copy keeps what fits: the headers that are not ours are dropped when key and headers alone are too large,
 * then the key is cut if it still is, then the value; {@link #ORIGINAL_BYTES_HEADER} says how large the record was and {@link #TRUNCATED_HEADER}
 * what was cut.
 */
public final class DeadLetterCopy {

    /** Key, value and header bytes of the record as received, when its copy was cut. */
    public static final String ORIGINAL_BYTES_HEADER = "aipulse.error.original-bytes";
    /** What was cut: {@code value}, {@code headers}, {@code key}, comma-separated. */
    public static final String TRUNCATED_HEADER = "aipulse.error.truncated";
    /** Record and batch framing, and what a cut adds (our two headers): a generous upper bound. */
    private static final int FRAMING_BYTES = 1024;
    private static final int BYTES_PER_HEADER = 16;

    private final int maxBytes;

    /** @param maxBytes the largest record the dead-letter topic and our producer accept */
    public DeadLetterCopy(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** The parts of a dead letter as they will be written. */
    public record Parts(byte[] key, byte[] value, Headers headers) {
    }

    public Parts fit(byte[] key, byte[] value, Headers headers) {
        long original = length(key) + length(value) + headerBytes(headers);
        long budget = maxBytes - FRAMING_BYTES;
        if (original + overhead(headers) <= budget) {
            return new Parts(key, value, headers);
        }
        List<String> cut = new ArrayList<>();
        Headers kept = headers;
        if (length(key) + headerBytes(headers) + overhead(headers) > budget) {
            kept = ours(headers);
            if (kept.toArray().length < headers.toArray().length) {
                cut.add("headers");
            }
        }
        long headerRoom = budget - headerBytes(kept) - overhead(kept);
        byte[] keptKey = cut(key, headerRoom, "key", cut);
        byte[] keptValue = cut(value, headerRoom - length(keptKey), "value", cut);
        RecordHeaders out = new RecordHeaders(kept.toArray());
        out.add(ORIGINAL_BYTES_HEADER, Long.toString(original).getBytes(StandardCharsets.UTF_8));
        out.add(TRUNCATED_HEADER, String.join(",", cut).getBytes(StandardCharsets.UTF_8));
        return new Parts(keptKey, keptValue, out);
    }

    private static byte[] cut(byte[] bytes, long room, String part, List<String> cut) {
        if (bytes == null || bytes.length <= room) {
            return bytes;
        }
        cut.add(part);
        return Arrays.copyOf(bytes, (int) Math.max(0, room));
    }

    /** Only the headers that explain the dead letter (ours and Kafka Streams' error headers). */
    private static Headers ours(Headers headers) {
        RecordHeaders kept = new RecordHeaders();
        for (Header header : headers) {
            if (DeadLetters.isErrorHeader(header.key())) {
                kept.add(header);
            }
        }
        return kept;
    }

    private static long headerBytes(Headers headers) {
        return InputRecordLimits.sizeOf(headers);
    }

    private static long overhead(Headers headers) {
        return (long) headers.toArray().length * BYTES_PER_HEADER;
    }

    private static long length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }
}
