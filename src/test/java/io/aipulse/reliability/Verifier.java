package io.aipulse.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares what a faulty run committed with what the uninterrupted reference run committed, key by key,
 * like the verifier of Kafka's own Streams system tests.
 */
final class Verifier {

    /** What was compared, and every difference found (the first {@value #SHOWN} are kept verbatim). */
    static final class Result {
        static final int SHOWN = 25;
        int aggregateKeys;
        int aggregateRecords;
        int events;
        int lateRecords;
        int deadLetters;
        int differenceCount;
        final List<String> differences = new ArrayList<>();

        void differ(String what) {
            if (differences.size() < SHOWN) {
                differences.add(what);
            }
            differenceCount++;
        }

        boolean identical() {
            return differenceCount == 0;
        }

        @Override
        public String toString() {
            return String.format("%d aggregate keys (%d records), %d events, %d late records, %d dead letters compared; "
                    + "%d differences%s", aggregateKeys, aggregateRecords, events, lateRecords, deadLetters,
                    differenceCount, differences.isEmpty() ? "" : ":\n  " + String.join("\n  ", differences));
        }
    }

    private Verifier() {
    }

    /**
     * One-partition runs see their input in one order, so everything they commit is determined by it:
     * the latest record of every aggregate key with all its fields ({@code final} included), every event,
     * every late record and every dead letter, each as many times as in the reference.
     *
     * <p>Not compared: the earlier records of an aggregate key. The aggregate topics are compacted and the
     * broker's log cleaner removes superseded records at its own pace (segments roll by record time, and
     * record times here span weeks), so two runs keep different subsets of them; only the latest record
     * per key is the contract.
     */
    static Result exact(Snapshot expected, Snapshot actual) {
        Result result = new Result();
        for (String role : RunTopics.AGGREGATES) {
            compareLatest(role, expected.latest(role), actual.latest(role), false, result);
            result.aggregateRecords += actual.records(role).size();
        }
        compareEvents(expected, actual, result);
        compareMultiset("late", expected.multiset("late"), actual.multiset("late"), result);
        result.lateRecords = actual.records("late").size();
        compareDeadLetters(expected, actual, result);
        return result;
    }

    /**
     * Multi-partition runs: the aggregating tasks see the mentions of their groups in an order that
     * depends on how the upstream tasks interleave, and each task closes windows by its own stream
     * time. So the comparison is of the content of the latest record per key (events, articles, byType,
     * funding, topSubjects, window) without {@code final}; events, late records (without their stream
     * time) and dead letters as in {@link #exact}.
     */
    static Result content(Snapshot expected, Snapshot actual) {
        Result result = new Result();
        for (String role : RunTopics.AGGREGATES) {
            compareLatest(role, expected.latest(role), actual.latest(role), true, result);
            result.aggregateRecords += actual.records(role).size();
        }
        compareEvents(expected, actual, result);
        compareMultiset("late", lateWithoutStreamTime(expected), lateWithoutStreamTime(actual), result);
        result.lateRecords = actual.records("late").size();
        compareDeadLetters(expected, actual, result);
        return result;
    }

    /** Each event id at most once on the events topic. */
    static List<String> duplicateEventIds(Snapshot snapshot) {
        Map<String, Integer> counts = new HashMap<>();
        snapshot.records("events").forEach(rec -> counts.merge(rec.key(), 1, Integer::sum));
        return counts.entrySet().stream().filter(e -> e.getValue() > 1)
                .map(e -> e.getKey() + " x" + e.getValue()).sorted().toList();
    }

    private static void compareLatest(String role, Map<String, JsonNode> expected, Map<String, JsonNode> actual,
                                      boolean contentOnly, Result result) {
        TreeSet<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        for (String key : keys) {
            JsonNode want = expected.get(key);
            JsonNode got = actual.get(key);
            if (want == null) {
                result.differ(role + " " + key + ": not in the reference, got " + got);
            } else if (got == null) {
                result.differ(role + " " + key + ": missing, expected " + want);
            } else {
                result.aggregateKeys++;
                if (!(contentOnly ? withoutFinal(want).equals(withoutFinal(got)) : want.equals(got))) {
                    result.differ(role + " " + key + ":\n    expected " + want + "\n    got      " + got);
                }
            }
        }
    }

    private static JsonNode withoutFinal(JsonNode aggregate) {
        ObjectNode copy = aggregate.deepCopy();
        copy.remove("final");
        return copy;
    }

    private static void compareMultiset(String role, Map<String, Integer> expected, Map<String, Integer> actual,
                                        Result result) {
        TreeSet<String> entries = new TreeSet<>(expected.keySet());
        entries.addAll(actual.keySet());
        for (String entry : entries) {
            int want = expected.getOrDefault(entry, 0);
            int got = actual.getOrDefault(entry, 0);
            if (want != got) {
                result.differ(role + ": record committed " + got + " times, reference " + want + ": "
                        + abbreviate(entry));
            }
        }
    }

    private static void compareEvents(Snapshot expected, Snapshot actual, Result result) {
        for (String duplicate : duplicateEventIds(actual)) {
            result.differ("events: event id committed more than once: " + duplicate);
        }
        compareMultiset("events", expected.multiset("events"), actual.multiset("events"), result);
        result.events = actual.records("events").size();
    }

    private static void compareDeadLetters(Snapshot expected, Snapshot actual, Result result) {
        Map<String, Integer> want = new HashMap<>();
        Map<String, Integer> got = new HashMap<>();
        expected.records("dlq").forEach(rec -> want.merge(rec.key() + " " + rec.reason() + " " + rec.value(), 1,
                Integer::sum));
        actual.records("dlq").forEach(rec -> got.merge(rec.key() + " " + rec.reason() + " " + rec.value(), 1,
                Integer::sum));
        compareMultiset("dlq", want, got, result);
        result.deadLetters = actual.records("dlq").size();
    }

    private static Map<String, Integer> lateWithoutStreamTime(Snapshot snapshot) {
        Map<String, Integer> counts = new HashMap<>();
        for (Snapshot.Rec rec : snapshot.records("late")) {
            ObjectNode json = (ObjectNode) rec.json();
            json.remove("streamTime");
            counts.merge(rec.key() + "\t" + json, 1, Integer::sum);
        }
        return counts;
    }

    private static String abbreviate(String s) {
        return s.length() <= 400 ? s : s.substring(0, 400) + "...";
    }
}
