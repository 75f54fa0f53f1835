package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule's example corpus ({@code src/test/resources/extract/rules/<type>.tsv}, one file per event type,
 * written by the team): a sentence of an article published on 2024-11-20 gives an event of the file's type
 * with the expected subject, date and amount; and each counter-example ({@code <type>-not.tsv}, where a rule has
 * one) gives no event of the type.
 */
class RuleExamplesTest {

    private static final Path EXAMPLES = Path.of("src/test/resources/extract/rules");
    private static final Instant PUBLISHED = Instant.parse("2024-11-20T02:00:00Z");
    private static RuleBasedExtractor extractor;

    @BeforeAll
    static void loadTheShippedKnowledge() {
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
    }

    /**
     * What the rules (and the back-off) find, before the confidence model drops unlikely events: an example is the
     * rules' own, and one sentence alone is no article the model was learnt on ({@code EventConfidenceTest}); a
     * counter-example must give no event even before the model. The back-off guesses only where the rules find
     * nothing: a guess beside the rules' events is the model's to weigh, not the rules'.
     */
    private static List<Event> rulesAndBackOff(Article article) {
        return extractor.scored(article, CompanyDirectory.empty(), false).stream().map(RuleBasedExtractor.Scored::event).toList();
    }

    static Stream<Arguments> examples() {
        List<Arguments> out = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            Path file = EXAMPLES.resolve(rule.type().name().toLowerCase(Locale.ROOT) + ".tsv");
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        String[] f = line.split("\t");
                        out.add(Arguments.of(rule.type(), f[0], f[1], f[2], f[3]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("every rule has its example file: " + file, e);
            }
        }
        return out.stream();
    }

    static Stream<Arguments> counterExamples() {
        List<Arguments> out = new ArrayList<>();
        for (Rule rule : Rules.ALL) {
            Path file = EXAMPLES.resolve(rule.type().name().toLowerCase(Locale.ROOT) + "-not.tsv");
            if (!Files.exists(file)) {
                continue;
            }
            try {
                for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(Arguments.of(rule.type(), line.split("\t")[0]));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "no {0}: {1}")
    @MethodSource("counterExamples")
    void theSentenceGivesNoEventOfTheType(EventType type, String text) {
        Article article = new Article("example", null, null, null, text, PUBLISHED, TimeSource.TEXT, "example");

        List<Event> events = rulesAndBackOff(article);

        assertThat(events).as("events of %s", text).noneMatch(e -> e.type() == type);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("examples")
    void theSentenceGivesItsEvent(EventType type, String text, String subject, String date, String amount) {
        Article article = new Article("example", null, null, null, text, PUBLISHED, TimeSource.TEXT, "example");

        List<Event> events = rulesAndBackOff(article);

        assertThat(events).as("events of %s", text).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(type);
            assertThat(EventMerger.sameOrg(e.subject(), subject)).as("subject %s is %s", e.subject(), subject).isTrue();
            assertThat(e.date()).isEqualTo(date);
            if (amount.equals("none")) {
                assertThat(e.amount()).isNull();
            } else if (!amount.equals("-")) {
                String[] a = amount.split(" ");
                assertThat(e.amount()).isNotNull();
                assertThat(e.amount().currency()).isEqualTo(a[0]);
                assertThat(e.amount().min()).isEqualTo(Long.parseLong(a[1]));
            }
        });
    }
}
