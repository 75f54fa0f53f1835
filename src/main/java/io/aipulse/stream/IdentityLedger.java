package io.aipulse.stream;

import java.time.Duration;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decides, once per mention, which distinct event it belongs to, and turns that into changes of the
 * windows: an event new to a window adds its contribution there; an event whose dates, subject
 * spelling or amount changed takes its old contribution out of its windows and puts the new one in.
 * It keeps per identity one small {@link IdentityState} and, per date, the {@link WindowSet} of its
 * mentions, and reads a date's windows only when its event changed: a mention of a known event in
 * windows it already counts in costs two look-ups, however many mentions came before.
 *
 * <p>Memory is bounded by forgetting: an identity's earliest event once every window it counts in has
 * closed and its dates are {@code retentionDays} behind the clock (later events stay as they were, since
 * each starts at its own earliest date), and the whole identity at {@link IdentityState#expiresAt}.
 */
final class IdentityLedger {

    /** The stage's stores, as the ledger uses them: a null value deletes. */
    interface Table<V> {
        V get(String key);

        void put(String key, V value);
    }

    private static final char SEP = '\u0001';

    private final Table<IdentityState> identities;
    private final Table<WindowSet> slotWindows;
    private final Table<Long> expiries;
    private final ZoneId zone;
    private final Map<CalendarWindow, Duration> grace;
    private final long retentionDays;

    IdentityLedger(Table<IdentityState> identities, Table<WindowSet> slotWindows, Table<Long> expiries, ZoneId zone,
                   Map<CalendarWindow, Duration> grace, long retentionDays) {
        this.identities = identities;
        this.slotWindows = slotWindows;
        this.expiries = expiries;
        this.zone = zone;
        this.grace = Map.copyOf(grace);
        this.retentionDays = retentionDays;
    }

    /** Adds one mention that closes at {@code closesAt} (its last window's end + grace), at clock {@code now}. */
    void add(RoutedMention routed, long closesAt, long now, WindowChanges out) {
        Mention mention = routed.mention();
        List<WindowKey> windows = routed.windows();
        for (int i = 0; i < windows.size(); i++) {
            out.touch(windows.get(i), mention.eventId(), mention.articleId(), routed.isFirstOfArticle(i));
        }
        String identity = EventIdentity.of(mention);
        IdentityState state = identities.get(identity);
        long expiredBefore = state == null ? Long.MIN_VALUE : state.expiresAt;
        if (state == null) {
            state = new IdentityState(mention.type(), List.of(), Long.MIN_VALUE);
        }
        boolean pruned = forgetExpiredFirstEvents(identity, state, now);
        long day = Slot.dayOf(mention.date());
        List<Slot> slotsBefore = List.copyOf(state.slots);
        IdentityState.Added added = state.add(mention, day, closesAt);
        WindowSet known = added == IdentityState.Added.NEW_SLOT ? WindowSet.EMPTY : windowsOf(identity, day);
        List<WindowKey> fresh = known.missing(windows);
        if (added == IdentityState.Added.NOTHING && fresh.isEmpty()) {
            if (pruned) {
                identities.put(identity, state);
            }
            return;
        }
        WindowSet grown = known.with(fresh).openAt(now, grace);
        if (!fresh.isEmpty()) {
            slotWindows.put(slotKey(identity, day), grown);
        }
        // the events are worked out only now: most mentions (a known event in known windows) never need them
        List<EventClusters.Cluster> before = EventClusters.of(state.type, slotsBefore);
        List<EventClusters.Cluster> after = EventClusters.of(state.type, state.slots);
        Set<EventClusters.Key> beforeKeys = keys(before);
        Set<EventClusters.Key> afterKeys = keys(after);
        for (EventClusters.Cluster gone : before) {
            if (!afterKeys.contains(gone.key())) {
                for (WindowKey window : windowsOf(identity, gone, day, known)) {
                    out.delta(window, gone.contribution(), -1);
                }
            }
        }
        for (EventClusters.Cluster came : after) {
            if (!beforeKeys.contains(came.key())) {
                for (WindowKey window : windowsOf(identity, came, day, grown)) {
                    out.delta(window, came.contribution(), 1);
                }
            } else if (came.has(day)) {
                // the same event as before: only the windows new to it gain it
                for (WindowKey window : fresh) {
                    if (!otherDatesHave(identity, came, day, window)) {
                        out.delta(window, came.contribution(), 1);
                    }
                }
            }
        }
        state.expiresAt = Math.max(state.expiresAt, Math.max(closesAt, retainedUntil(day, closesAt)));
        identities.put(identity, state);
        moveExpiry(identity, expiredBefore, state.expiresAt);
    }

    /** Forgets an identity whose every window has closed and whose dates are past the retention. */
    void forget(String identity) {
        IdentityState state = identities.get(identity);
        if (state != null) {
            state.slots.forEach(slot -> slotWindows.put(slotKey(identity, slot.day()), null));
            identities.put(identity, null);
            expiries.put(expiryKey(state.expiresAt, identity), null);
        }
    }

    /** The expiry index key: expiry time first, so the expired identities are one range scan. */
    static String expiryKey(long expiresAt, String identity) {
        String digits = Long.toString(Math.max(0, expiresAt));
        return "0".repeat(19 - digits.length()) + digits + SEP + identity;
    }

    static String identityOfExpiryKey(String key) {
        return key.substring(key.indexOf(SEP) + 1);
    }

    private void moveExpiry(String identity, long from, long to) {
        if (from != to) {
            if (from != Long.MIN_VALUE) {
                expiries.put(expiryKey(from, identity), null);
            }
            expiries.put(expiryKey(to, identity), to);
        }
    }

    /**
     * Drops the identity's earliest events while all their windows have closed and their dates are past
     * the retention: the events after them start at their own earliest dates, so they stay the same.
     */
    private boolean forgetExpiredFirstEvents(String identity, IdentityState state, long now) {
        boolean pruned = false;
        // the first slot belongs to the first event: while it is kept, so is the event (the usual case)
        while (!state.slots.isEmpty() && isExpired(state.slots.get(0), now)) {
            EventClusters.Cluster first = EventClusters.of(state.type, state.slots).get(0);
            boolean expired = first.slots().stream().allMatch(slot -> isExpired(slot, now));
            if (!expired || first.slots().size() == state.slots.size()) {
                return pruned; // the last event goes with the whole identity, at its expiry
            }
            for (Slot slot : first.slots()) {
                slotWindows.put(slotKey(identity, slot.day()), null);
                state.slots.remove(slot);
            }
            pruned = true;
        }
        return pruned;
    }

    private boolean isExpired(Slot slot, long now) {
        return slot.closesAt() <= now && retainedUntil(slot.day(), slot.closesAt()) <= now;
    }

    /** Until when a date is kept for deciding identities: {@code retentionDays} after it (local midnight). */
    private long retainedUntil(long day, long closesAt) {
        if (day == Slot.UNDATED) {
            return closesAt;
        }
        return java.time.LocalDate.ofEpochDay(day + retentionDays).atStartOfDay(zone).toInstant().toEpochMilli();
    }

    private WindowSet windowsOf(String identity, long day) {
        WindowSet windows = slotWindows.get(slotKey(identity, day));
        return windows == null ? WindowSet.EMPTY : windows;
    }

    /** The windows an event counts in: those of its dates ({@code day}'s as given). */
    private Set<WindowKey> windowsOf(String identity, EventClusters.Cluster event, long day, WindowSet dayWindows) {
        Set<WindowKey> windows = new java.util.LinkedHashSet<>();
        for (Slot slot : event.slots()) {
            windows.addAll(slot.day() == day ? dayWindows.windows() : windowsOf(identity, slot.day()).windows());
        }
        return windows;
    }

    private boolean otherDatesHave(String identity, EventClusters.Cluster event, long day, WindowKey window) {
        for (Slot slot : event.slots()) {
            if (slot.day() != day && windowsOf(identity, slot.day()).contains(window)) {
                return true;
            }
        }
        return false;
    }

    private static Set<EventClusters.Key> keys(List<EventClusters.Cluster> clusters) {
        Set<EventClusters.Key> keys = new HashSet<>();
        clusters.forEach(cluster -> keys.add(cluster.key()));
        return keys;
    }

    private static String slotKey(String identity, long day) {
        return identity + SEP + day;
    }
}
