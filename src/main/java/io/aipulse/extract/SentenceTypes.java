package io.aipulse.extract;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which event type a sentence most likely tells, from the character pairs and triples it contains: for each
 * type, the sum of the weights of the n-grams that are more frequent in that type's evidence sentences than in
 * sentences that tell no event (a log ratio learnt by {@link SentenceTypesTrainer} from the corpus's train split,
 * kept as data in {@code sentence-types.csv}). The rules' vocabulary is hand-written and misses ways of telling
 * an event it was never shown; this guess is the back-off for an article in which no rule found anything
 * ({@link Fallback}). Immutable.
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

    /** n-gram key ({@link #key}) -> weight per type (indexed by ordinal) */
    private final Map<Long, float[]> weights;

    private SentenceTypes(Map<Long, float[]> weights) {
        this.weights = weights;
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
        return new SentenceTypes(Map.copyOf(w));
    }

    public boolean isEmpty() {
        return weights.isEmpty();
    }

    public int size() {
        return weights.size();
    }

    /** A sentence's most likely type, its score, and where its strongest n-gram for that type starts. */
    public record Guess(EventType type, double score, int at) {
    }

    /** The best guess for {@code text[from, to)}, or null when no n-gram of the model occurs there. */
    public Guess guess(CharSequence text, int from, int to) {
        if (weights.isEmpty()) {
            return null;
        }
        double[] score = new double[TYPES.length];
        float[] strongest = new float[TYPES.length];
        int[] at = new int[TYPES.length];
        Set<Long> seen = new HashSet<>();
        forEachNgram(text, from, to, (key, position) -> {
            float[] w = weights.get(key);
            if (w == null || !seen.add(key)) {
                return; // each n-gram counts once per sentence
            }
            for (int t = 0; t < w.length; t++) {
                score[t] += w[t];
                if (w[t] > strongest[t]) {
                    strongest[t] = w[t];
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
