package io.aipulse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ResponseCompressionTest {

    @ParameterizedTest(name = "Accept-Encoding: [{0}] -> gzip {1}")
    @CsvSource(delimiter = '|', value = {
            "gzip | true",
            "gzip, deflate, br | true",
            "GZIP | true",
            "x-gzip | true",
            "identity, gzip;q=0.5 | true",
            "* | true",
            "deflate, * ;q=0.1 | true",
            "gzip;q=0 | false",
            "gzip; q=0, * | false",
            "*;q=0 | false",
            "identity | false",
            "deflate, br | false",
            "gzip;q=nonsense | false",
            "'' | false"})
    void gzipIsUsedOnlyWhenTheClientAcceptsIt(String header, boolean expected) {
        assertThat(ResponseCompression.acceptsGzip(header)).isEqualTo(expected);
    }

    @Test
    void noHeaderMeansNoCompression() {
        assertThat(ResponseCompression.acceptsGzip(null)).isFalse();
    }

    @Test
    void gzipRoundTrips() throws IOException {
        byte[] text = "aipulse_events_extracted_total{sector=\"finance\",type=\"FUNDING\"} 3.0\n".repeat(200)
                .getBytes(StandardCharsets.UTF_8);

        byte[] compressed = ResponseCompression.gzip(text);

        assertThat(compressed.length).isLessThan(text.length / 10);
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(compressed))) {
            assertThat(in.readAllBytes()).isEqualTo(text);
        }
    }
}
