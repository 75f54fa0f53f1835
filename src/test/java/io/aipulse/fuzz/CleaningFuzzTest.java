package io.aipulse.fuzz;

import io.aipulse.article.clean.CleanText;
import io.aipulse.article.clean.TextCleaner;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of {@link TextCleaner} over generated input: no exception; the offset map is whole
 * ({@code origin} has one entry per cleaned character plus the end, never decreasing, inside the
 * original); what cleaning promises to remove is gone (carriage returns, zero-width characters,
 * full-width ASCII, ideographic spaces).
 */
class CleaningFuzzTest {

    private static final TextCleaner CLEANER = new TextCleaner();

    @Test
    void randomUnicodeIsCleanedWithAWholeOffsetMap() {
        Fuzz.forAll("cleaning random Unicode", Fuzz.tries(1_000), r -> NewsText.unicode(r, 600),
                CleaningFuzzTest::cleansByContract);
    }

    @Test
    void newsWithMarkupEntitiesGlossesAndFullWidthFormsIsCleanedWithAWholeOffsetMap() {
        Function<Random, String> news = NewsText.oneOf(r -> NewsText.news(r, 80), r -> NewsText.sentences(r, 8),
                r -> NewsText.news(r, 5) + NewsText.run(r) + NewsText.news(r, 5));
        Fuzz.forAll("cleaning news with markup", Fuzz.tries(1_000), news, CleaningFuzzTest::cleansByContract);
    }

    static void cleansByContract(String raw) {
        CleanText clean = CLEANER.clean(raw);
        String text = clean.text();
        int[] origin = clean.origin();
        rule(text != null && origin != null, "clean: text and origin", raw, clean);
        rule(origin.length == text.length() + 1, "origin: one offset per cleaned character, plus the end", raw, clean);
        for (int i = 0; i < origin.length; i++) {
            rule(origin[i] >= 0 && origin[i] <= raw.length(), "origin: inside the original", raw, clean);
            rule(i == 0 || origin[i] >= origin[i - 1], "origin: never decreasing", raw, clean);
        }
        rule(origin[text.length()] == raw.length(), "origin: the last entry is the end of the original", raw, clean);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            rule(c != '\r', "text: no carriage return", raw, clean);
            rule(c != '\u200B' && c != '\u200C' && c != '\u200D' && c != '\uFEFF', "text: no zero-width characters",
                    raw, clean);
            rule(c < '\uFF01' || c > '\uFF5E', "text: no full-width ASCII", raw, clean);
            rule(c != '\u3000', "text: no ideographic space", raw, clean);
        }
        rule(text.length() <= raw.length(), "text: never longer than the original", raw, clean);
        // the spans the extractor quotes as evidence map back into the original
        for (int i = 0; i + 1 <= text.length(); i += Math.max(1, text.length() / 7)) {
            clean.originalSpan(raw, i, Math.min(text.length(), i + 5));
        }
    }

    private static void rule(boolean holds, String rule, String raw, CleanText clean) {
        if (!holds) {
            throw new AssertionError(rule + "\n  cleaned: \"" + Fuzz.escape(Fuzz.abbreviate(clean.text(), 300)) + "\"");
        }
    }
}
