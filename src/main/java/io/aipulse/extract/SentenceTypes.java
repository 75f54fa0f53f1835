package io.aipulse.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Which event type a sentence most likely tells, from the character pairs and triples it contains: for each
 * type, the sum of the weights of the n-grams that are more frequent in that type's evidence sentences than in
 * sentences that tell no event (a log ratio learnt by {@link SentenceTypesTrainer} from the corpus's train split,
 * kept as data in {@code sentence-types.csv}). The rules' vocabulary is hand-written and misses ways of telling
 * an event it was never shown; this guess is the back-off ({@link Fallback}). Immutable.
 *
 * <p>Text is read as the cleaner leaves it (simplified script); a run of digits reads as one {@code 0} and a run
 * of Latin letters as one {@code a}, so that "V4", "Qwen3" and "50亿" share their n-grams with other names and
 * figures; punctuation and spaces break n-grams.
 */
public final class SentenceTypes {

    /** The character a run of digits is read as. */
    public static final char DIGITS = '0';
    /** The character a run of Latin letters is read as. */
    public static final char LATIN = 'a';

    private static final EventType[] TYPES = EventType.values();
    private static final SentenceTypes NONE = new SentenceTypes(Map.of());

    /**
     * n-gram keys ({@link #key}) in an open-addressed table (0 is an empty slot: every key has its length in bits
     * 48-49). Most n-grams weigh for one type or two, so a slot's weights are a run of the flat arrays below:
     * {@code entries[i]} holds the run's start (bits 8-31) and length (bits 0-7). A sentence's guess looks up each
     * of its n-grams: primitive arrays, small enough for the cache, instead of a map of boxed keys.
     */
    private final long[] keys;
    private final int[] entries;
    private final byte[] entryTypes;
    private final float[] entryWeights;
    private final int mask;
    /** 64 less the table's bits: the top bits of a key's product with a large odd constant pick its slot */
    private final int shift;
    private final int size;
    /**
     * one bit per hash of the model's keys, small enough to stay in cache: most n-grams of a sentence are in no
     * type's vocabulary, and a clear bit says so without a probe into the large table
     */
    private final long[] present = new long[1 << (PRESENT_BITS - 6)];
    private static final int PRESENT_BITS = 18;

    private SentenceTypes(Map<Long, float[]> byKey) {
        // a load of a half to a quarter: probes stay short, and the table small
        int capacity = Integer.highestOneBit(Math.max(2, byKey.size() * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.entries = new int[capacity];
        this.mask = capacity - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.size = byKey.size();
        int runs = 0;
        for (float[] w : byKey.values()) {
            for (float x : w) {
                runs += x != 0 ? 1 : 0;
            }
        }
        this.entryTypes = new byte[runs];
        this.entryWeights = new float[runs];
        int next = 0;
        for (Map.Entry<Long, float[]> e : byKey.entrySet()) {
            int slot = slot(e.getKey());
            keys[slot] = e.getKey();
            int bit = presentBit(e.getKey());
            present[bit >>> 6] |= 1L << bit;
            int start = next;
            float[] w = e.getValue();
            for (int t = 0; t < w.length; t++) {
                if (w[t] != 0) {
                    entryTypes[next] = (byte) t;
                    entryWeights[next++] = w[t];
                }
            }
            entries[slot] = start << 8 | (next - start);
        }
    }

    /** The bit of {@link #present} for {@code key}: another hash than the table's, the top bits of another product. */
    private static int presentBit(long key) {
        return (int) ((key * 0xC2B2AE3D27D4EB4FL) >>> (64 - PRESENT_BITS));
    }

    /** The slot of {@code key}: where it is, or the empty slot where it would be. */
    private int slot(long key) {
        int i = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    /** A model that guesses nothing (no {@code sentence-types.csv}). */
    public static SentenceTypes none() {
        return NONE;
    }

    /** The model of rows {@code ngram, TYPE, weight}; rows of unknown types or bad shapes are skipped. */
    static SentenceTypes of(List<String[]> rows) {
        Map<Long, float[]> w = new HashMap<>();
        for (String[] f : rows) {
            long key = key(f[0].strip());
            EventType type;
            float weight;
            try {
                type = EventType.valueOf(f[1].strip());
                weight = Float.parseFloat(f[2].strip());
            } catch (IllegalArgumentException e) { // NumberFormatException is one
                continue;
            }
            if (key < 0) {
                continue;
            }
            w.computeIfAbsent(key, k -> new float[TYPES.length])[type.ordinal()] = weight;
        }
        return new SentenceTypes(w);
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public int size() {
        return size;
    }

    /** A sentence's most likely type, its score, and where its strongest n-gram for that type starts. */
    public record Guess(EventType type, double score, int at) {
    }

    /** The best guess for {@code text[from, to)}, or null when no n-gram of the model occurs there. */
    public Guess guess(CharSequence text, int from, int to) {
        if (size == 0) {
            return null;
        }
        // the model's n-grams of the span as (slot, offset) pairs: sorted, each n-gram's first offset comes first, and
        // an n-gram counts once per sentence
        Hits found = new Hits(Math.max(0, 2 * (to - from)));
        forEachNgram(text, from, to, found);
        long[] hits = found.hits;
        int n = found.n;
        java.util.Arrays.sort(hits, 0, n);
        double[] score = new double[TYPES.length];
        float[] strongest = new float[TYPES.length];
        int[] at = new int[TYPES.length];
        int previous = -1;
        for (int h = 0; h < n; h++) {
            int slot = (int) (hits[h] >>> 32);
            if (slot == previous) {
                continue;
            }
            previous = slot;
            int position = (int) hits[h];
            int run = entries[slot];
            for (int e = run >>> 8, end = e + (run & 0xFF); e < end; e++) {
                int t = entryTypes[e];
                float w = entryWeights[e];
                score[t] += w;
                // the strongest n-gram, the first in the text of equally strong ones
                if (w > strongest[t] || w == strongest[t] && w > 0 && position < at[t]) {
                    strongest[t] = w;
                    at[t] = position;
                }
            }
        }
        int best = -1;
        for (int t = 0; t < score.length; t++) {
            if (score[t] > 0 && (best < 0 || score[t] > score[best])) {
                best = t;
            }
        }
        return best < 0 ? null : new Guess(TYPES[best], score[best], at[best]);
    }

    /** The n-grams of a span the model has, as (slot, offset) pairs in the order they were found. */
    private final class Hits implements NgramSink {
        final long[] hits;
        int n;

        Hits(int capacity) {
            this.hits = new long[capacity];
        }

        @Override
        public void accept(long key, int position) {
            int bit = presentBit(key);
            if ((present[bit >>> 6] & (1L << bit)) == 0) {
                return;
            }
            int slot = slot(key);
            if (keys[slot] != 0) {
                hits[n++] = (long) slot << 32 | position;
            }
        }
    }

    /** Receives each n-gram's {@link #key} and the offset in the text where it starts. */
    @FunctionalInterface
    interface NgramSink {
        void accept(long key, int position);
    }

    /** The pairs and triples of symbols of {@code text[from, to)}, in order. */
    static void forEachNgram(CharSequence text, int from, int to, NgramSink sink) {
        char a = 0;
        char b = 0;
        int posA = -1;
        int posB = -1;
        for (int i = from; i < to; i++) {
            char c = symbol(text.charAt(i));
            if ((c == DIGITS || c == LATIN) && b == c) {
                continue; // a run reads as one symbol
            }
            if (c != 0 && b != 0) {
                sink.accept(key(b, c), posB);
                if (a != 0) {
                    sink.accept(key(a, b, c), posA);
                }
            }
            a = b;
            posA = posB;
            b = c;
            posB = i;
        }
    }

    /** The symbol a character is read as: itself (Han), {@link #DIGITS}, {@link #LATIN}, or 0 (a break). */
    static char symbol(char c) {
        if (c >= '\u4e00' && c <= '\u9fff') {
            return c;
        }
        if (c >= '0' && c <= '9' || c >= '０' && c <= '９') {
            return DIGITS;
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return LATIN;
        }
        return 0;
    }

    /** The key of a pair: 1 in bits 48-49, the characters in bits 16-31 and 0-15. */
    static long key(char a, char b) {
        return (1L << 48) | ((long) a << 16) | b;
    }

    /** The key of a triple: 2 in bits 48-49, the characters in bits 32-47, 16-31 and 0-15. */
    static long key(char a, char b, char c) {
        return (2L << 48) | ((long) a << 32) | ((long) b << 16) | c;
    }

    /** The n-gram a key stands for, as text. */
    static String text(long key) {
        char c = (char) (key & 0xFFFF);
        char b = (char) ((key >>> 16) & 0xFFFF);
        return (key >>> 48) == 1 ? "" + b + c : "" + (char) ((key >>> 32) & 0xFFFF) + b + c;
    }

    /** The key of an n-gram written as text (2 or 3 symbols), or -1. */
    static long key(String ngram) {
        if (ngram.length() == 2 && symbol(ngram.charAt(0)) == ngram.charAt(0) && symbol(ngram.charAt(1)) == ngram.charAt(1)) {
            return key(ngram.charAt(0), ngram.charAt(1));
        }
        if (ngram.length() == 3 && ngram.chars().allMatch(c -> symbol((char) c) == c)) {
            return key(ngram.charAt(0), ngram.charAt(1), ngram.charAt(2));
        }
        return -1;
    }
}
