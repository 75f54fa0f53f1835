package io.aipulse.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a mention changes a window: its group takes it, the group's old contribution leaves the
 * totals and its new one enters; each article's count of events in the window moves with it (an
 * article counts in {@code articles} while at least one event of the window has it), and so does each
 * subject's count of events (kept apart from the totals: a window has as many as it has subjects).
 */
final class WindowUpdate {

    private WindowUpdate() {
    }

    /** Returns false when the mention changed nothing. */
    static boolean add(Mention mention, EventGroup group, WindowSummary summary, Counters articles,
                       Counters subjects) {
        List<EventGroup.Event> before = group.events();
        if (!group.add(mention)) {
            return false;
        }
        List<EventGroup.Event> after = group.events();
        summary.apply(before, -1);
        summary.apply(after, 1);
        Map<String, Long> articleDelta = new HashMap<>();
        before.forEach(event -> event.articles().forEach(a -> articleDelta.merge(a, -1L, Long::sum)));
        after.forEach(event -> event.articles().forEach(a -> articleDelta.merge(a, 1L, Long::sum)));
        articleDelta.forEach((article, change) -> {
            if (change == 0) {
                return;
            }
            long old = articles.get(article);
            long now = old + change;
            if (old == 0 && now > 0) {
                summary.articles++;
            } else if (old > 0 && now == 0) {
                summary.articles--;
            }
            articles.set(article, now);
        });
        Map<String, Long> subjectDelta = new HashMap<>();
        before.forEach(event -> subjectDelta.merge(event.first().subject(), -1L, Long::sum));
        after.forEach(event -> subjectDelta.merge(event.first().subject(), 1L, Long::sum));
        subjectDelta.forEach((subject, change) -> {
            if (change != 0) {
                subjects.set(subject, subjects.get(subject) + change);
            }
        });
        return true;
    }
}
