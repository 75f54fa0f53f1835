package io.aipulse.cli;

import io.aipulse.format.Money;
import io.aipulse.stream.AggregateRecord;
import java.io.PrintStream;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The latest aggregate per topic and key, printed as a readable table. */
final class AggregateTable {

    private final Map<String, AggregateRecord> latest = new TreeMap<>();

    /** Returns true when the record changed what the table shows. */
    synchronized boolean update(String topic, String key, AggregateRecord record) {
        return !record.equals(latest.put(topic + " " + key, record));
    }

    synchronized int size() {
        return latest.size();
    }

    static String row(String topic, String key, AggregateRecord r) {
        String byType = r.byType().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
        String funding = Money.range(r.fundingCnyMin(), r.fundingCnyMax());
        return String.format("%-28s %-48s %6d %8d  %-10s %s%s", topic, key, r.events(), r.articles(),
                r.isFinal() ? "final" : "open", funding.isEmpty() ? "" : funding + " ", byType);
    }

    static String header() {
        return String.format("%-28s %-48s %6s %8s  %-10s %s", "topic", "key", "events", "articles", "state",
                "funding / byType");
    }

    synchronized void print(PrintStream out) {
        out.println(header());
        latest.forEach((topicAndKey, record) -> {
            int space = topicAndKey.indexOf(' ');
            out.println(row(topicAndKey.substring(0, space), topicAndKey.substring(space + 1), record));
        });
        out.flush();
    }
}
