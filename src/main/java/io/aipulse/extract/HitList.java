package io.aipulse.extract;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * The dictionary hits of a text, in the order {@link Knowledge#scan} gives them (by start, longest first), with
 * their starts in an array of their own: the rules look up "the first hit at or after a place" many times per
 * sentence, and a binary search over the starts reads no hit objects (which lie all over the heap). The ends and
 * the trigger bits of the terms are kept the same way, for the dispatch of every sentence to its rules
 * ({@link Rules#triggeredIn}), which then reads neither hits nor terms. Unmodifiable.
 */
final class HitList extends AbstractList<Knowledge.Hit> implements RandomAccess {

    private Knowledge.Hit[] hits = new Knowledge.Hit[64];
    private int[] starts = new int[64];
    private int[] ends = new int[64];
    /** {@link Knowledge.Term#rules()} of each hit's term */
    private int[] rules = new int[64];
    private int size;

    /** Appends a hit; hits come in order of their starts. Only while the dictionary pass fills the list. */
    void append(Knowledge.Hit hit) {
        if (size == hits.length) {
            hits = Arrays.copyOf(hits, size * 2);
            starts = Arrays.copyOf(starts, size * 2);
            ends = Arrays.copyOf(ends, size * 2);
            rules = Arrays.copyOf(rules, size * 2);
        }
        hits[size] = hit;
        starts[size] = hit.start();
        ends[size] = hit.end();
        rules[size++] = hit.term().rules();
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

    /** The end of hit {@code index}, without reading the hit. */
    int endOf(int index) {
        return ends[index];
    }

    /** The trigger bits of hit {@code index}'s term ({@link Knowledge.Term#rules()}), without reading the hit. */
    int rulesOf(int index) {
        return rules[index];
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
