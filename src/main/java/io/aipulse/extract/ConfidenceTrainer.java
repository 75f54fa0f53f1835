package io.aipulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Learns {@link EventConfidence} from extracted events that a scorer has compared with hand-labelled gold: a
 * logistic regression (batch gradient descent with an L2 penalty) over {@link ConfidenceFeatures}, and the threshold
 * under which an event is dropped, chosen by five-fold cross-validation over articles as the one with the best F1
 * of what is kept. Events that match an optional gold event teach nothing (they are neither right nor wrong to keep).
 */
public final class ConfidenceTrainer {

    /** How an extracted event compares with the gold. */
    public enum Label { RIGHT, WRONG, OPTIONAL }

    private record Example(String article, Map<String, Double> features, Label label) {
    }

    static final int FOLDS = 5;
    private static final int ITERATIONS = 400;
    private static final double LEARNING_RATE = 0.5;
    private static final double L2 = 1.0;
    /** the thresholds tried, from keeping nearly all to keeping the likelier half */
    private static final double[] THRESHOLDS = {0.10, 0.15, 0.20, 0.25, 0.30, 0.35, 0.40, 0.45, 0.50};

    private final List<Example> examples = new ArrayList<>();
    private final Map<String, Integer> requiredGold = new LinkedHashMap<>();
    private String summary = "not trained";

    /** An article and how many required gold events it holds (misses count against recall). */
    public void addArticle(String article, int requiredGoldEvents) {
        requiredGold.merge(article, requiredGoldEvents, Integer::sum);
    }

    public void add(String article, Map<String, Double> features, Label label) {
        examples.add(new Example(article, Map.copyOf(features), label));
    }

    /** The model's rows ({@code feature,weight}, with the intercept and the threshold), trained on every example. */
    public List<String> rows() {
        List<String> names = featureNames();
        double best = -1;
        double threshold = THRESHOLDS[0];
        double[] cv = crossValidated(names);
        StringBuilder curve = new StringBuilder();
        for (double t : THRESHOLDS) {
            double f1 = f1(cv, t)[2];
            curve.append(String.format(" %.2f:%.3f", t, f1));
            if (f1 > best + 1e-9) {
                best = f1;
                threshold = t;
            }
        }
        double[] all = f1(cv, 0);
        double[] chosen = f1(cv, threshold);
        summary = String.format("threshold %.2f: cross-validated F1 %.3f (P %.3f / R %.3f), keeping every event %.3f "
                + "(P %.3f / R %.3f); F1 by threshold%s", threshold, chosen[2], chosen[0], chosen[1], all[2], all[0], all[1],
                curve);
        double[] w = fit(names, examples);
        List<String> rows = new ArrayList<>();
        rows.add(EventConfidence.BIAS + "," + round(w[names.size()]));
        rows.add(EventConfidence.THRESHOLD + "," + threshold);
        for (int k = 0; k < names.size(); k++) {
            if (Math.abs(w[k]) >= 1e-4) {
                rows.add(names.get(k) + "," + round(w[k]));
            }
        }
        return rows;
    }

    /** What the cross-validation measured, once {@link #rows()} has run. */
    public String summary() {
        return summary;
    }

    public int size() {
        return examples.size();
    }

    private List<String> featureNames() {
        TreeSet<String> names = new TreeSet<>();
        examples.forEach(e -> names.addAll(e.features().keySet()));
        return List.copyOf(names);
    }

    /** Each example's probability from a model trained on the other folds' articles. */
    private double[] crossValidated(List<String> names) {
        double[] p = new double[examples.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            List<Example> train = new ArrayList<>();
            for (Example e : examples) {
                if (fold(e.article()) != fold) {
                    train.add(e);
                }
            }
            double[] w = fit(names, train);
            for (int i = 0; i < examples.size(); i++) {
                if (fold(examples.get(i).article()) == fold) {
                    p[i] = probability(w, names, examples.get(i).features());
                }
            }
        }
        return p;
    }

    private static int fold(String article) {
        return Math.floorMod(article.hashCode(), FOLDS);
    }

    /** Precision, recall and F1 of the events whose probability reaches {@code threshold}. */
    private double[] f1(double[] p, double threshold) {
        int tp = 0;
        int predicted = 0;
        for (int i = 0; i < examples.size(); i++) {
            Label label = examples.get(i).label();
            if (p[i] >= threshold && label != Label.OPTIONAL) {
                predicted++;
                if (label == Label.RIGHT) {
                    tp++;
                }
            }
        }
        int gold = requiredGold.values().stream().mapToInt(Integer::intValue).sum();
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = gold == 0 ? 0 : (double) tp / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1};
    }

    /**
     * Weights (the last one the intercept) fitted to the right and wrong examples of {@code train}: first to the
     * examples with none of the {@link ConfidenceFeatures#FITTED_LAST} features, then each of those alone to the
     * examples that carry it, the others held. A kind of candidate that comes in large numbers (the back-off's further
     * guesses) then gets its own weight without moving what the rules' events weigh (docs/EXTRACTION.md, row 41a and
     * "The back-off").
     */
    private static double[] fit(List<String> names, List<Example> train) {
        List<Example> first = train.stream()
                .filter(e -> ConfidenceFeatures.FITTED_LAST.stream().noneMatch(e.features()::containsKey)).toList();
        boolean[] all = new boolean[names.size() + 1];
        java.util.Arrays.fill(all, true);
        double[] w = new double[names.size() + 1];
        descend(names, first, w, all);
        for (String last : ConfidenceFeatures.FITTED_LAST) {
            int k = names.indexOf(last);
            if (k >= 0) {
                boolean[] only = new boolean[names.size() + 1];
                only[k] = true;
                descend(names, train.stream().filter(e -> e.features().containsKey(last)).toList(), w, only);
            }
        }
        return w;
    }

    /** Gradient descent from {@code w} on the weights {@code free} marks, over the right and wrong examples. */
    private static void descend(List<String> names, List<Example> train, double[] w, boolean[] free) {
        Map<String, Integer> index = new HashMap<>();
        for (int k = 0; k < names.size(); k++) {
            index.put(names.get(k), k);
        }
        List<double[]> x = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        for (Example e : train) {
            if (e.label() == Label.OPTIONAL) {
                continue;
            }
            double[] row = new double[names.size()];
            e.features().forEach((name, value) -> {
                Integer k = index.get(name);
                if (k != null) {
                    row[k] = value;
                }
            });
            x.add(row);
            y.add(e.label() == Label.RIGHT ? 1.0 : 0.0);
        }
        int n = x.size();
        int d = names.size();
        if (n == 0) {
            return;
        }
        double[] gradient = new double[d + 1];
        for (int it = 0; it < ITERATIONS; it++) {
            java.util.Arrays.fill(gradient, 0);
            for (int i = 0; i < n; i++) {
                double[] row = x.get(i);
                double z = w[d];
                for (int k = 0; k < d; k++) {
                    z += w[k] * row[k];
                }
                double err = 1 / (1 + Math.exp(-z)) - y.get(i);
                for (int k = 0; k < d; k++) {
                    gradient[k] += err * row[k];
                }
                gradient[d] += err;
            }
            for (int k = 0; k < d; k++) {
                if (free[k]) {
                    w[k] -= LEARNING_RATE * (gradient[k] / n + L2 * w[k] / n);
                }
            }
            if (free[d]) {
                w[d] -= LEARNING_RATE * gradient[d] / n;
            }
        }
    }

    private static double probability(double[] w, List<String> names, Map<String, Double> features) {
        double z = w[names.size()];
        for (int k = 0; k < names.size(); k++) {
            Double v = features.get(names.get(k));
            if (v != null) {
                z += w[k] * v;
            }
        }
        return 1 / (1 + Math.exp(-z));
    }

    private static String round(double v) {
        return String.format(java.util.Locale.ROOT, "%.4f", v);
    }
}
