package io.aipulse.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one way a mention changes a window: its group takes it, the group's old contribution leaves the
 * totals and its new one enters, and so does each subject's count of events (kept apart from the
 * totals: a window has as many as it has subjects). An article counts in {@code articles} once one of
 * its mentions is in the window (every mention belongs to one of the window's events).
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
        // mentions are only ever added, and moving one between events never removes its article from
        // the window: the window's articles are those of its mentions
        if (articles.get(mention.articleId()) == 0) {
            articles.set(mention.articleId(), 1);
            summary.articles++;
        }
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
