package io.aipulse.stream;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The one way a mention changes a window: its group takes it, the group's old contribution leaves the
 * totals and its new one enters, and each article's count of events in the window moves with it (an
 * article counts in {@code articles} while at least one event of the window has it).
 */
final class WindowUpdate {

    private WindowUpdate() {
    }

    /** Returns false when the mention changed nothing. */
    static boolean add(Mention mention, EventGroup group, WindowSummary summary, Function<String, Long> articleCount,
                       BiConsumer<String, Long> putArticleCount, Consumer<String> removeArticleCount) {
        List<EventGroup.Event> before = group.events();
        if (!group.add(mention)) {
            return false;
        }
        List<EventGroup.Event> after = group.events();
        summary.apply(before, -1);
        summary.apply(after, 1);
        Map<String, Long> delta = new HashMap<>();
        before.forEach(event -> event.articles().forEach(a -> delta.merge(a, -1L, Long::sum)));
        after.forEach(event -> event.articles().forEach(a -> delta.merge(a, 1L, Long::sum)));
        delta.forEach((article, change) -> {
            if (change == 0) {
                return;
            }
            long old = articleCount.apply(article) == null ? 0 : articleCount.apply(article);
            long now = old + change;
            if (old == 0 && now > 0) {
                summary.articles++;
            } else if (old > 0 && now == 0) {
                summary.articles--;
            }
            if (now == 0) {
                removeArticleCount.accept(article);
            } else {
                putArticleCount.accept(article, now);
            }
        });
        return true;
    }
}
