package io.aipulse.extract;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The dictionary hits of a text, in the order {@link Knowledge#scan} gives them (by start, longest first), with
 * their starts in an array of their own: the rules look up "the first hit at or after a place" many times per
 * sentence, and a binary search over the starts reads no hit objects (which lie all over the heap). Unmodifiable.
 */
final class HitList extends AbstractList<Knowledge.Hit> implements RandomAccess {

    private Knowledge.Hit[] hits = new Knowledge.Hit[64];
    private int[] starts = new int[64];
    private int size;

    /** Appends a hit; hits come in order of their starts. Only while the dictionary pass fills the list. */
    void append(Knowledge.Hit hit) {
        if (size == hits.length) {
            hits = Arrays.copyOf(hits, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
        }
        hits[size] = hit;
        starts[size++] = hit.start();
    }

    @Override
    public Knowledge.Hit get(int index) {
        if (index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return hits[index];
    }

    @Override
    public int size() {
        return size;
    }

    /** The start of hit {@code index}, without reading the hit. */
    int startOf(int index) {
        return starts[index];
    }

    /** Index of the first hit starting at or after {@code from}. */
    int firstAt(int from) {
        int lo = 0;
        int hi = size;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
