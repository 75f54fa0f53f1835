package io.aipulse.stream;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One window worked out in memory by the two stages' own code: the identity stage's ledger on maps
 * instead of stores, and the window's totals and subject counts as the aggregation applies changes to
 * them. Tests of the identity and counting rules read here what a window would show.
 */
public final class WindowState {

    private final WindowKey window;
    private final Map<String, IdentityState> identities = new HashMap<>();
    private final Map<String, WindowSet> slotWindows = new HashMap<>();
    private final Map<String, Long> expiries = new HashMap<>();
    private final IdentityLedger ledger;
    private final Set<String> articlesSeen = new HashSet<>();
    private final WindowSummary summary = new WindowSummary();
    private final Map<String, Long> subjects = new TreeMap<>();

    public WindowState(WindowKey window, ZoneId zone) {
        this.window = window;
        this.ledger = new IdentityLedger(table(identities), table(slotWindows), table(expiries), zone,
                Map.of(CalendarWindow.DAY, Duration.ofHours(6), CalendarWindow.WEEK, Duration.ofDays(1)), 7);
    }

    private static <V> IdentityLedger.Table<V> table(Map<String, V> map) {
        return new IdentityLedger.Table<>() {
            @Override
            public V get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, V value) {
                if (value == null) {
                    map.remove(key);
                } else {
                    map.put(key, value);
                }
            }
        };
    }

    /** Adds a mention; false when it changed nothing in the window. */
    public boolean add(Mention mention) {
        boolean first = articlesSeen.add(mention.articleId());
        WindowChanges changes = new WindowChanges();
        ledger.add(new RoutedMention(mention, List.of(window), first ? 1 : 0), window.endMillis(), Long.MIN_VALUE,
                changes);
        boolean changed = false;
        for (WindowBatch batch : changes.batches(1, false)) {
            for (WindowChange change : batch.changes()) {
                for (WindowChange.Touch touch : change.touches()) {
                    if (touch.firstOfArticle()) {
                        summary.articles++;
                        changed = true;
                    }
                }
                for (WindowChange.Delta delta : change.deltas()) {
                    summary.apply(delta.contribution(), delta.sign());
                    String subject = String.valueOf(delta.contribution().subject());
                    long count = subjects.getOrDefault(subject, 0L) + delta.sign();
                    if (count == 0) {
                        subjects.remove(subject);
                    } else {
                        subjects.put(subject, count);
                    }
                    summary.subjectCounted(subject, count, delta.sign());
                    changed = true;
                }
            }
        }
        return changed;
    }

    public AggregateRecord toRecord(ZoneId zone, boolean isFinal) {
        if (!summary.topKnown) {
            summary.rankSubjects(subjects.entrySet().iterator());
        }
        return summary.toRecord(window, zone, isFinal);
    }
}
