package io.aipulse.observability;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** The samples of a Prometheus text-format page (what /metrics serves), parsed for assertions. */
public final class MetricsText {

    /** One sample line: name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {

        public String label(String key) {
            return labels.get(key);
        }
    }

    private final List<Sample> samples;

    private MetricsText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static MetricsText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(parseLine(line.strip()));
            }
        }
        return new MetricsText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The sum of the samples of {@code name} that match. */
    public double sum(String name, Predicate<Sample> filter) {
        return named(name).stream().filter(filter).mapToDouble(Sample::value).sum();
    }

    public double sum(String name) {
        return sum(name, s -> true);
    }

    /** Sums the samples of {@code name} by the value of label {@code key} (like PromQL's sum by). */
    public Map<String, Double> sumBy(String name, String key) {
        Map<String, Double> sums = new LinkedHashMap<>();
        for (Sample s : named(name)) {
            sums.merge(s.label(key), s.value(), Double::sum);
        }
        return sums;
    }

    static Sample parseLine(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        String name;
        Map<String, String> labels = new LinkedHashMap<>();
        int rest;
        if (brace >= 0 && (space < 0 || brace < space)) {
            name = line.substring(0, brace);
            int i = brace + 1;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String key = line.substring(i, eq).strip();
                if (line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("label value without quotes: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char next = line.charAt(++j);
                        value.append(next == 'n' ? '\n' : next);
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(key, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            rest = i + 1;
        } else {
            name = line.substring(0, space);
            rest = space;
        }
        String[] valueAndTime = line.substring(rest).strip().split("\\s+");
        return new Sample(name, labels, parseValue(valueAndTime[0]));
    }

    private static double parseValue(String text) {
        return switch (text) {
            case "NaN" -> Double.NaN;
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(text);
        };
    }
}
