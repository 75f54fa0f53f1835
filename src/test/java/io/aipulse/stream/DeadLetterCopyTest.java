package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.RejectedInputException;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class DeadLetterCopyTest {

    private static final int MAX = 16 * 1024;
    private final DeadLetterCopy copy = new DeadLetterCopy(MAX);

    @Test
    void keepsADeadLetterThatFitsAsItIs() {
        // given
        byte[] key = utf8("k");
        byte[] value = new byte[1000];
        Headers headers = reason();

        // when
        DeadLetterCopy.Parts parts = copy.fit(key, value, headers);

        // then
        assertThat(parts.key()).isSameAs(key);
        assertThat(parts.value()).isSameAs(value);
        assertThat(parts.headers().lastHeader(DeadLetterCopy.TRUNCATED_HEADER)).isNull();
    }

    @Test
    void cutsTheValueOfADeadLetterJustUnderTheLimitAndSaysHowLargeItWas() {
        // given a value just under the topic's limit: with our headers the record is over it
        byte[] value = new byte[MAX - 10];

        // when
        DeadLetterCopy.Parts parts = copy.fit(utf8("k"), value, reason());

        // then the value is cut, its start kept, and the headers say so
        assertThat(parts.value().length).isLessThan(MAX - 1024);
        assertThat(parts.value()).isNotEmpty();
        assertThat(header(parts.headers(), DeadLetterCopy.TRUNCATED_HEADER)).isEqualTo("value");
        assertThat(Long.parseLong(header(parts.headers(), DeadLetterCopy.ORIGINAL_BYTES_HEADER)))
                .isEqualTo(1 + value.length + sizeOf(reason()));
        assertThat(header(parts.headers(), DeadLetters.REASON_HEADER)).isEqualTo("too-large");
    }

    @Test
    void dropsForeignHeadersThatAloneAreTooLargeAndKeepsOurs() {
        // given a header of the sender larger than the topic takes
        Headers headers = reason().add("trace", new byte[MAX * 2]);

        // when
        DeadLetterCopy.Parts parts = copy.fit(utf8("k"), utf8("{}"), headers);

        // then the sender's header is gone, our reason kept, the value whole
        assertThat(parts.headers().lastHeader("trace")).isNull();
        assertThat(header(parts.headers(), DeadLetters.REASON_HEADER)).isEqualTo("too-large");
        assertThat(parts.value()).isEqualTo(utf8("{}"));
        assertThat(header(parts.headers(), DeadLetterCopy.TRUNCATED_HEADER)).isEqualTo("headers");
    }

    @Test
    void cutsAKeyTooLargeForTheTopic() {
        // when
        DeadLetterCopy.Parts parts = copy.fit(new byte[MAX * 2], utf8("{}"), reason());

        // then the key fits, and the value is given up for it
        assertThat(parts.key().length + parts.value().length).isLessThan(MAX - 1024);
        assertThat(header(parts.headers(), DeadLetterCopy.TRUNCATED_HEADER)).isEqualTo("key,value");
    }

    private static Headers reason() {
        return DeadLetters.headers(new RecordHeaders(), "too-large", new DeadLetters.Source("aipulse.articles", 0, 7),
                new RejectedInputException("too-large", "article of many bytes is over the maximum"), false);
    }

    private static long sizeOf(Headers headers) {
        long bytes = 0;
        for (Header header : headers) {
            bytes += header.key().length() + header.value().length;
        }
        return bytes;
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
