package io.aipulse.stream;

import io.aipulse.article.RejectedInputException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Limits on what a record carries besides its value: its key and its headers. A 1.1 MB key or header was
 * accepted and then copied onto output records the broker refused (its limit is 1 MiB by default), which
 * stopped the stream; such records are refused here, before anything is written for them.
 */
public record InputRecordLimits(int maxKeyBytes, int maxHeaderBytes) {

    public void check(String key, Headers headers) throws RejectedInputException {
        int keyBytes = key == null ? 0 : key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes > maxKeyBytes) {
            throw new RejectedInputException("key-too-large",
                    "record key of " + keyBytes + " bytes is over the maximum of " + maxKeyBytes);
        }
        long headerBytes = sizeOf(headers);
        if (headerBytes > maxHeaderBytes) {
            throw new RejectedInputException("headers-too-large",
                    "record headers of " + headerBytes + " bytes are over the maximum of " + maxHeaderBytes);
        }
    }

    /** Names and values of all headers, in bytes. */
    static long sizeOf(Headers headers) {
        long bytes = 0;
        for (Header header : headers) {
            bytes += header.key().getBytes(StandardCharsets.UTF_8).length;
            bytes += header.value() == null ? 0 : header.value().length;
        }
        return bytes;
    }
}
