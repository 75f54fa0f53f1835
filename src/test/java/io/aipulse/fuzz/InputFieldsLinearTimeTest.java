package io.aipulse.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aipulse.article.ArticleIds;
import io.aipulse.article.ArticleJson;
import io.aipulse.article.InputLimits;
import io.aipulse.article.RejectedInputException;
import io.aipulse.stream.InputRecordLimits;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every field of an input record is read in linear time: each field of the JSON article (through
 * {@link ArticleJson#read}, the path of both {@code produce} and the topology), the URL's id, the record key
 * and the headers, with an adversarial pattern repeated to 1 MiB ({@link LinearTime}). A URL of 750,000
 * {@code /} ran for over 20 minutes in {@code replaceAll("/+$")} before; the time is printed, the ratio asserted.
 */
class InputFieldsLinearTimeTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2024-05-06T04:00:00Z");
    /** Large enough for a 1 MiB field inside its JSON: the time of reading is under test, not the limit. */
    private static final ArticleJson ARTICLES = new ArticleJson(ZoneId.of("Asia/Shanghai"),
            InputLimits.of(4 * 1024 * 1024, InputLimits.DEFAULT_MAX_ID_CHARS));
    private static final InputRecordLimits RECORDS = new InputRecordLimits(4096, 65536);

    static Stream<Arguments> fields() {
        return Stream.of(
                Arguments.of("url", "http://a.cn", "/", "x"),
                Arguments.of("url", "http://a.cn", "/", ""),
                Arguments.of("url", "", "a", ""),
                Arguments.of("url", "http://a.cn", "/2023-07-2", ""),
                Arguments.of("url", "http://a.cn/", "%2F", "x"),
                Arguments.of("url", "http://a.cn/n?", "utm_a=1&", "id=1"),
                Arguments.of("url", "http://a.cn/n?", "&", "spm"),
                Arguments.of("id", "", "i", ""),
                Arguments.of("title", "", "标题", ""),
                Arguments.of("summary", "", "总结", ""),
                Arguments.of("source", "", "a/", "x"),
                Arguments.of("timeSource", "", "METADATA", ""),
                Arguments.of("publishedAt", "2023-07-26 ", "0", ""),
                Arguments.of("publishedAt", "2023-07-26", " ", "x"),
                Arguments.of("text", "", "2023-07-26 1", ""),
                Arguments.of("text", "", "2023年7月", ""),
                Arguments.of("text", "", "发布时间:", ""));
    }

    @ParameterizedTest(name = "{0}: {1} + {2}... + {3}")
    @MethodSource("fields")
    void readsEachArticleFieldInLinearTime(String field, String prefix, String unit, String suffix) {
        LinearTime.assertLinear(field + " " + prefix + unit + "..." + suffix, bytes -> {
            byte[] json = article(field, prefix + LinearTime.repeatToBytes(unit, bytes) + suffix);
            return () -> read(json);
        });
    }

    @Test
    void givesAUrlOfSlashesItsIdInLinearTime() {
        // slashes then one more character: "/+$" failed at the end from every slash (40,000 took 0.9 s)
        LinearTime.assertLinear("ArticleIds.of(url of slashes)", bytes -> {
            String url = "http://a.cn" + "/".repeat(bytes) + "x";
            return () -> ArticleIds.of(url, "x");
        });
    }

    @Test
    void checksARecordKeyInLinearTime() {
        LinearTime.assertLinear("record key", bytes -> {
            String key = "k".repeat(bytes);
            return () -> check(key, new RecordHeaders());
        });
    }

    @Test
    void checksOneLargeHeaderInLinearTime() {
        LinearTime.assertLinear("one large header", bytes -> {
            Headers headers = new RecordHeaders().add("h", new byte[bytes]);
            return () -> check("k", headers);
        });
    }

    @Test
    void checksManySmallHeadersInLinearTime() {
        LinearTime.assertLinear("many small headers", bytes -> {
            Headers headers = new RecordHeaders();
            for (int i = 0; i < bytes / 16; i++) {
                headers.add("header-" + i, new byte[8]);
            }
            return () -> check("k", headers);
        });
    }

    private static byte[] article(String field, String value) {
        ObjectNode node = JSON.createObjectNode().put("text", "百度完成数千万元A轮融资。");
        node.put(field, value);
        try {
            return JSON.writeValueAsBytes(node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accepted or refused, either is fine: only the time matters. */
    private static void read(byte[] json) {
        try {
            ARTICLES.read(json, NOW);
        } catch (RejectedInputException refused) {
            // refused (an id over the limit, a date that is none): read all the same
        }
    }

    private static void check(String key, Headers headers) {
        try {
            RECORDS.check(key, headers);
        } catch (RejectedInputException refused) {
            // over the limits, as most of these are
        }
    }
}
