package io.aipulse.stream;

import io.aipulse.extract.EventType;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything the identity stage keeps of one identity: one {@link Slot} per date of its mentions (the
 * undated slot first), and when all of it may be forgotten. Its size grows with the distinct dates of
 * the identity still kept, never with the number of mentions.
 */
final class IdentityState {

    /** What adding a mention did. */
    enum Added { NOTHING, SLOT_CHANGED, NEW_SLOT }

    final EventType type;
    final List<Slot> slots;
    /** When every window of these mentions has closed and their dates are past the retention. */
    long expiresAt;

    IdentityState(EventType type, List<Slot> slots, long expiresAt) {
        this.type = type;
        this.slots = new ArrayList<>(slots);
        this.expiresAt = expiresAt;
    }

    Added add(Mention mention, long day, long closesAt) {
        int at = indexOf(day);
        if (at >= 0) {
            Slot before = slots.get(at);
            Slot after = before.with(mention, closesAt);
            if (after.equals(before)) {
                return Added.NOTHING;
            }
            slots.set(at, after);
            return Added.SLOT_CHANGED;
        }
        slots.add(-at - 1, Slot.of(day, mention, closesAt));
        return Added.NEW_SLOT;
    }

    /** The index of the slot of {@code day}, or {@code -(insertion point) - 1}; undated sorts first. */
    private int indexOf(long day) {
        int low = 0;
        int high = slots.size() - 1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            long midDay = slots.get(mid).day();
            if (midDay < day) {
                low = mid + 1;
            } else if (midDay > day) {
                high = mid - 1;
            } else {
                return mid;
            }
        }
        return -low - 1;
    }
}
