package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * The identity rule: the mentions of one identity are one event when their dates are close. In date
 * order, an event starts at its earliest date and takes every date at most {@value #SAME_EVENT_DAYS}
 * days after that start; mentions without a date join the earliest event. An event's subject is its
 * first mention's (date, then event id), its amount the first one stated in that order. Everything is
 * worked out from the dates alone, so it does not depend on the order mentions arrived in.
 */
final class EventClusters {

    static final int SAME_EVENT_DAYS = 3;

    private EventClusters() {
    }

    /** One distinct event: its dates (the undated slot first, if it belongs here) and what it adds to a window. */
    record Cluster(List<Slot> slots, Contribution contribution) {

        boolean has(long day) {
            return slots.stream().anyMatch(slot -> slot.day() == day);
        }

        /** The event's identity across two versions of its identity's state: its dates and contribution. */
        Key key() {
            return new Key(slots.stream().map(Slot::day).toList(), contribution);
        }
    }

    record Key(List<Long> days, Contribution contribution) {
    }

    /** The events of one identity, from its slots in date order (the undated slot, if any, first). */
    static List<Cluster> of(EventType type, List<Slot> slots) {
        List<List<Slot>> groups = new ArrayList<>();
        Slot undated = null;
        long start = 0;
        for (Slot slot : slots) {
            if (!slot.isDated()) {
                undated = slot;
            } else if (groups.isEmpty() || slot.day() - start > SAME_EVENT_DAYS) {
                groups.add(new ArrayList<>(List.of(slot)));
                start = slot.day();
            } else {
                groups.get(groups.size() - 1).add(slot);
            }
        }
        if (undated != null) {
            if (groups.isEmpty()) {
                groups.add(new ArrayList<>());
            }
            groups.get(0).add(0, undated);
        }
        List<Cluster> clusters = new ArrayList<>(groups.size());
        for (List<Slot> group : groups) {
            clusters.add(new Cluster(List.copyOf(group), contribution(type, group)));
        }
        return clusters;
    }

    private static Contribution contribution(EventType type, List<Slot> slots) {
        Slot first = slots.get(0);
        if (type != EventType.FUNDING) {
            return new Contribution(type, first.subject(), 0, null);
        }
        for (Slot slot : slots) {
            if (slot.hasAmount()) {
                return new Contribution(type, first.subject(), slot.cnyMin(), slot.cnyMax());
            }
        }
        return new Contribution(type, first.subject(), 0, null);
    }
}
