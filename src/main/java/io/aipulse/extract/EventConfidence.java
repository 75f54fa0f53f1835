package io.aipulse.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How likely an extracted event is one an analyst would list: a logistic model over plain features of the event and
 * its article ({@link ConfidenceFeatures}), learnt from the corpus's train split by {@link ConfidenceTrainer} and kept
 * as data in {@code event-confidence.csv}. The rules find an event wherever their words meet; the model weighs what
 * the rules cannot see at once (a subject the article never names again, a lone guessed name, a type the article
 * tells many of). The extractor drops the events it gives less than its threshold. Immutable.
 */
public final class EventConfidence {

    /** the file's rows that hold the intercept and the threshold instead of a feature's weight */
    static final String BIAS = "(bias)";
    static final String THRESHOLD = "(threshold)";

    private static final EventConfidence NONE = new EventConfidence(Map.of(), 0, 0);

    private final Map<String, Double> weights;
    private final double bias;
    private final double threshold;

    private EventConfidence(Map<String, Double> weights, double bias, double threshold) {
        this.weights = weights;
        this.bias = bias;
        this.threshold = threshold;
    }

    /** A model that keeps every event (no {@code event-confidence.csv}). */
    public static EventConfidence none() {
        return NONE;
    }

    /** The model of rows {@code feature, weight}; rows whose weight is no number are skipped. */
    static EventConfidence of(List<String[]> rows) {
        Map<String, Double> w = new HashMap<>();
        double bias = 0;
        double threshold = 0;
        for (String[] f : rows) {
            double value;
            try {
                value = Double.parseDouble(f[1].strip());
            } catch (NumberFormatException e) {
                continue;
            }
            switch (f[0].strip()) {
                case BIAS -> bias = value;
                case THRESHOLD -> threshold = value;
                default -> w.put(f[0].strip(), value);
            }
        }
        return w.isEmpty() ? NONE : new EventConfidence(Map.copyOf(w), bias, threshold);
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    /** The probability the model gives an event of these features (0.5 for every event without a model). */
    public double probability(Map<String, Double> features) {
        double z = bias;
        for (Map.Entry<String, Double> f : features.entrySet()) {
            z += weights.getOrDefault(f.getKey(), 0.0) * f.getValue();
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Whether an event of this probability is kept (always, without a model). */
    public boolean keeps(double probability) {
        return weights.isEmpty() || probability >= threshold;
    }

    /** Whether the model has a weight for this feature: what it was trained on. */
    public boolean weighs(String feature) {
        return weights.containsKey(feature);
    }

    public double threshold() {
        return threshold;
    }
}
