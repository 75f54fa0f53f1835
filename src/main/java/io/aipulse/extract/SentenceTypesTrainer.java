package io.aipulse.extract;

import io.aipulse.article.clean.CleanText;
import io.aipulse.article.clean.TextCleaner;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Learns {@link SentenceTypes} from hand-labelled articles: every sentence (as the extractor cuts it) that overlaps
 * a gold event's evidence is an example of that event's type, every other sentence an example of "no event". An
 * n-gram's weight for a type is the log of how much more often it occurs in that type's sentences than in
 * sentences of no event (add-half smoothing); only n-grams seen in at least {@link #MIN_SENTENCES} sentences of the
 * type and more frequent there are kept. Deterministic: the same examples give the same rows.
 */
public final class SentenceTypesTrainer {

    /** an n-gram must occur in this many sentences of a type to count for it (one sentence is an accident) */
    static final int MIN_SENTENCES = 2;

    private final TextCleaner cleaner = new TextCleaner();
    private final Map<EventType, Integer> sentencesOfType = new EnumMap<>(EventType.class);
    private int sentencesOfNoEvent;
    private final Map<Long, int[]> counts = new HashMap<>(); // key -> per type ordinal, then no event at the end
    private int unplaced;

    /** A gold event's type and where its evidence stands in the article's full text. */
    public record Evidence(EventType type, String text) {
    }

    /** Adds the sentences of one article ({@code fullText}, as {@code Article.fullText()} gives it). */
    public void add(String fullText, List<Evidence> events) {
        List<int[]> spans = new ArrayList<>();
        List<EventType> types = new ArrayList<>();
        for (Evidence e : events) {
            int at = e.text().isBlank() ? -1 : fullText.indexOf(e.text().strip());
            if (at < 0) {
                unplaced++;
                continue;
            }
            spans.add(new int[] {at, at + e.text().strip().length()});
            types.add(e.type());
        }
        CleanText clean = cleaner.clean(fullText);
        String text = clean.text();
        for (Segmenter.Sentence s : Segmenter.split(text)) {
            if (s.end <= s.start) {
                continue;
            }
            int from = clean.originOf(s.start);
            int to = clean.originOf(s.end - 1) + 1;
            Set<EventType> told = new HashSet<>();
            for (int i = 0; i < spans.size(); i++) {
                if (spans.get(i)[0] < to && spans.get(i)[1] > from) {
                    told.add(types.get(i));
                }
            }
            Set<Long> grams = new HashSet<>();
            SentenceTypes.forEachNgram(text, s.start, s.end, (key, position) -> grams.add(key));
            if (told.isEmpty()) {
                sentencesOfNoEvent++;
            }
            for (EventType t : told) {
                sentencesOfType.merge(t, 1, Integer::sum);
            }
            for (long g : grams) {
                int[] c = counts.computeIfAbsent(g, k -> new int[EventType.values().length + 1]);
                if (told.isEmpty()) {
                    c[c.length - 1]++;
                }
                for (EventType t : told) {
                    c[t.ordinal()]++;
                }
            }
        }
    }

    /** how many gold evidences were not found in their article's text (and taught nothing) */
    public int unplaced() {
        return unplaced;
    }

    /** The model's rows ({@code ngram,TYPE,weight}), sorted by n-gram then type, for {@code sentence-types.csv}. */
    public List<String> rows() {
        List<String> rows = new ArrayList<>();
        double noEvent = sentencesOfNoEvent + 1.0;
        for (Map.Entry<Long, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            double background = Math.log((c[c.length - 1] + 0.5) / noEvent);
            for (EventType t : EventType.values()) {
                int n = sentencesOfType.getOrDefault(t, 0);
                if (c[t.ordinal()] < MIN_SENTENCES) {
                    continue;
                }
                double weight = Math.log((c[t.ordinal()] + 0.5) / (n + 1.0)) - background;
                if (weight > 0) {
                    rows.add(SentenceTypes.text(e.getKey()) + "," + t + "," + String.format(Locale.ROOT, "%.3f", weight));
                }
            }
        }
        rows.sort(null);
        return rows;
    }

    /** The model the rows describe (what {@code sentence-types.csv} loads as). */
    public SentenceTypes model() {
        return SentenceTypes.of(rows().stream().map(r -> r.split(",", -1)).toList());
    }
}
