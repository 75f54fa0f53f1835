package io.aipulse.extract;

/**
 * A set of characters kept as a 1,024-bit filter on their low ten bits: 128 bytes, which stay in cache while
 * dozens of word lists are read over the same sentence (an exact bit per UTF-16 character takes 8 KB per
 * list, and the lists' bits then push each other and the dictionary out of cache). The filter may say yes for
 * a character outside the set that shares its low bits: callers compare the words of the character's bucket
 * (indexed by its low eight bits, so a character the filter passes always has a bucket), as they must anyway.
 */
final class CharFilter {

    private CharFilter() {
    }

    /** An empty filter. */
    static long[] create() {
        return new long[16];
    }

    static void add(long[] filter, char c) {
        int k = c & 1023;
        filter[k >>> 6] |= 1L << k;
    }

    /** False when {@code c} is certainly not in the set. */
    static boolean mayContain(long[] filter, char c) {
        int k = c & 1023;
        return (filter[k >>> 6] & (1L << k)) != 0;
    }
}
