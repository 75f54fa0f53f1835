package io.aipulse.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.extract.EventType;
import io.aipulse.stream.AggregateRecord;
import io.aipulse.stream.CalendarWindow;
import io.aipulse.stream.Dimension;
import io.aipulse.stream.Mention;
import io.aipulse.stream.WindowKey;
import io.aipulse.stream.WindowState;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The aggregate of a window must not depend on the order its mentions arrive in: with more than one
 * input partition (or after a failover) that order is not determined by the input. Regression test for
 * finding 4 of docs/RELIABILITY.md: the identity rule compares a mention with the first date of an
 * entry only, and the first amount wins, so the order decides how many events a window has.
 */
class WindowStateOrderTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final WindowKey WEEK = WindowKey.of(CalendarWindow.WEEK, Dimension.SECTOR, "robotics",
            Instant.parse("2024-03-06T04:00:00Z"), ZONE);

    @Test
    void everyOrderOfTheSameMentionsGivesTheSameAggregate() {
        // one company reported on Monday, Thursday and Sunday of one week (each 3 days from the next),
        // with two different amounts, by four articles; and another company once
        List<Mention> mentions = List.of(
                new Mention("e1", "a1", EventType.FUNDING, "星澜机器人", "2024-03-04", 50_000_000L, 50_000_000L, true),
                new Mention("e2", "a2", EventType.FUNDING, "星澜机器人", "2024-03-07", 10_000_000L, 99_999_999L, true),
                new Mention("e3", "a3", EventType.FUNDING, "星澜机器人", "2024-03-10", null, null, false),
                new Mention("e4", "a4", EventType.FUNDING, "星澜 机器人", "2024-03-07", 50_000_000L, 50_000_000L, true),
                new Mention("e5", "a5", EventType.MODEL_RELEASE, "云途智能", "2024-03-05", null, null, false));
        // each distinct aggregate with the first order that gave it and how many orders did
        Map<String, String> byResult = new LinkedHashMap<>();
        Map<String, Integer> orders = new LinkedHashMap<>();
        for (List<Mention> order : permutations(mentions)) {
            WindowState state = new WindowState(WEEK, ZONE);
            order.forEach(state::add);
            AggregateRecord record = state.toRecord(ZONE, false);
            String summary = "events=" + record.events() + " byType=" + record.byType() + " funding="
                    + record.fundingCnyMin() + ".." + record.fundingCnyMax() + " top=" + record.topSubjects();
            byResult.putIfAbsent(summary, order.stream().map(Mention::eventId).toList().toString());
            orders.merge(summary, 1, Integer::sum);
        }
        assertThat(byResult).as("distinct aggregates of the 120 orders (first order giving each; orders: %s)", orders)
                .hasSize(1);
    }

    private static <T> List<List<T>> permutations(List<T> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> order = new ArrayList<>();
                order.add(head);
                order.addAll(tail);
                all.add(order);
            }
        }
        return all;
    }
}
