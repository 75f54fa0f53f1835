package io.aipulse.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.testsupport.Await;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The progress line {@code produce} prints on stderr while it reads and sends a large input. */
class ProduceProgressTest {

    @Test
    void countsInputsAndMegabytesWhileReadingThenArticlesOfTheTotalWhileSending() {
        try (ProduceProgress progress = ProduceProgress.silent()) {
            // when two inputs of 1.5 MB each are read
            progress.read(1_572_864);
            progress.read(1_572_864);

            // then
            assertThat(progress.line()).startsWith("produce: read 2 inputs, 3.0 MB, ").contains("articles/s")
                    .contains("MB/s");

            // and when one of two articles is acknowledged
            progress.sending(2);
            progress.sent(524_288);
            assertThat(progress.line()).startsWith("produce: sent 1 of 2 articles, 0.5 MB, ");
        }
    }

    @Test
    void printsALineEveryIntervalUntilClosed() {
        // given progress printed every 50 ms
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (ProduceProgress progress = ProduceProgress.every(Duration.ofMillis(50),
                new PrintStream(err, true, StandardCharsets.UTF_8))) {
            progress.read(100);

            // then lines come while it runs
            Await.until("two progress lines", Duration.ofSeconds(10),
                    () -> err.toString(StandardCharsets.UTF_8).lines().count() >= 2);
        }
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).allMatch(line -> line.startsWith("produce: read 1 inputs"));
    }

    @Test
    void printsNothingWhenSilent() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try (ProduceProgress progress = ProduceProgress.silent()) {
            progress.read(100);
            Await.sleep(200);
        } finally {
            System.setErr(original);
        }
        assertThat(err.size()).isZero();
    }
}
