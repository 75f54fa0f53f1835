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
     * 48-49); the weights of the key in slot i are {@code weights[i * TYPES.length + type ordinal]}. A sentence's
     * guess looks up each of its n-grams: primitive arrays instead of a map of boxed keys.
     */
    private final long[] keys;
    private final float[] weights;
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
        int capacity = Integer.highestOneBit(Math.max(2, byKey.size() * 2 - 1)) << 1;
        this.keys = new long[capacity];
        this.weights = new float[capacity * TYPES.length];
        this.mask = capacity - 1;
        this.shift = 64 - Integer.numberOfTrailingZeros(capacity);
        this.size = byKey.size();
        for (Map.Entry<Long, float[]> e : byKey.entrySet()) {
            int slot = slot(e.getKey());
            keys[slot] = e.getKey();
            int bit = presentBit(e.getKey());
            present[bit >>> 6] |= 1L << bit;
            System.arraycopy(e.getValue(), 0, weights, slot * TYPES.length, TYPES.length);
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
        double[] score = new double[TYPES.length];
        float[] strongest = new float[TYPES.length];
        int[] at = new int[TYPES.length];
        // the slots already counted (each n-gram counts once per sentence), an open-addressed set of slot + 1
        int[] counted = new int[Integer.highestOneBit(Math.max(8, (to - from) * 4 - 1)) << 1];
        forEachNgram(text, from, to, (key, position) -> {
            int bit = presentBit(key);
            if ((present[bit >>> 6] & (1L << bit)) == 0) {
                return;
            }
            int slot = slot(key);
            if (keys[slot] == 0 || !firstTime(counted, slot)) {
                return;
            }
            int w = slot * TYPES.length;
            for (int t = 0; t < TYPES.length; t++) {
                score[t] += weights[w + t];
                if (weights[w + t] > strongest[t]) {
                    strongest[t] = weights[w + t];
                    at[t] = position;
                }
            }
        });
        int best = -1;
        for (int t = 0; t < score.length; t++) {
            if (score[t] > 0 && (best < 0 || score[t] > score[best])) {
                best = t;
            }
        }
        return best < 0 ? null : new Guess(TYPES[best], score[best], at[best]);
    }

    /** Adds {@code slot} to the set {@code counted}; false when it was there already. */
    private static boolean firstTime(int[] counted, int slot) {
        int m = counted.length - 1;
        int i = (int) ((slot * 0x9E3779B97F4A7C15L) >>> (64 - Integer.numberOfTrailingZeros(counted.length)));
        while (counted[i] != 0) {
            if (counted[i] == slot + 1) {
                return false;
            }
            i = (i + 1) & m;
        }
        counted[i] = slot + 1;
        return true;
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
