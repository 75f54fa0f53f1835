package io.aipulse.fuzz;

import java.util.Random;
import java.util.function.Function;

/**
 * A small property-based testing harness on plain JUnit 5: a property is checked on {@code tries}
 * inputs drawn from a generator with a seeded {@link Random}; the first input that falsifies it is
 * shrunk (chunks, then single characters removed while the property still fails the same way) and
 * reported with the seed, so that any failure is reproducible with {@code -Daipulse.fuzz.seed=SEED}.
 *
 * <p>Why not jqwik: its author asks that AI coding agents not use it (an "Anti-AI usage clause" from
 * 1.10 on, and messages aimed at agents in its log output). These tests were written by one, and
 * the project's sessions run them; the generators here port to jqwik {@code Arbitraries} directly should
 * the team decide otherwise.
 *
 * <p>Knobs: {@code -Daipulse.fuzz.tries=N} (default per property), {@code -Daipulse.fuzz.seed=S} (default:
 * a fixed seed, so CI runs are deterministic; set a new one to explore).
 */
final class Fuzz {

    /** The default seed: fixed, so that a failure in CI is the same failure on a laptop. */
    static final long DEFAULT_SEED = 20_240_726L;

    private Fuzz() {
    }

    /** A check of one input: returns normally when the property holds, throws when it does not. */
    interface Check {
        void accept(String input) throws Exception;
    }

    /** What one run of a property saw. */
    record Report(String property, long seed, int tries, int maxLength, long totalChars) {

        @Override
        public String toString() {
            return String.format("%s: %d tries, seed %d, longest input %d chars, %d chars in all", property, tries,
                    seed, maxLength, totalChars);
        }
    }

    static long seed() {
        return Long.getLong("aipulse.fuzz.seed", DEFAULT_SEED);
    }

    static int tries(int fallback) {
        return Integer.getInteger("aipulse.fuzz.tries", fallback);
    }

    /**
     * Checks {@code property} on {@code tries} inputs of {@code generator}. On the first failure the input
     * is shrunk and an {@link AssertionError} names the seed, the try, the minimal input (escaped) and the
     * original failure (as the cause).
     */
    static Report forAll(String property, int tries, Function<Random, String> generator, Check check) {
        long seed = seed();
        Random random = new Random(seed);
        int maxLength = 0;
        long total = 0;
        for (int i = 0; i < tries; i++) {
            String input = generator.apply(random);
            maxLength = Math.max(maxLength, input.length());
            total += input.length();
            Throwable failure = failure(check, input);
            if (failure != null) {
                String minimal = shrink(input, failure, check);
                Throwable minimalFailure = failure(check, minimal);
                AssertionError error = new AssertionError(String.format(
                        "property '%s' falsified at try %d of %d (seed %d, -Daipulse.fuzz.seed=%d reproduces it)%n"
                                + "  minimal input (%d chars): \"%s\"%n  fails with: %s%n"
                                + "  original input (%d chars): \"%s\"",
                        property, i + 1, tries, seed, seed, minimal.length(), escape(minimal), minimalFailure,
                        input.length(), escape(abbreviate(input, 2_000))),
                        minimalFailure == null ? failure : minimalFailure);
                throw error;
            }
        }
        Report report = new Report(property, seed, tries, maxLength, total);
        System.out.println("[fuzz] " + report);
        return report;
    }

    /** The failure of {@code check} on {@code input}, or null when the property holds. */
    static Throwable failure(Check check, String input) {
        try {
            check.accept(input);
            return null;
        } catch (Exception | AssertionError | StackOverflowError e) {
            return e;
        }
    }

    /**
     * Removes chunks of the input (halves, quarters ... single characters, then single code points) as
     * long as the check still fails with the same kind of failure. Bounded to a few thousand checks.
     */
    static String shrink(String input, Throwable original, Check check) {
        String current = input;
        int budget = 4_000;
        int chunk = Math.max(1, current.length() / 2);
        while (chunk >= 1 && budget > 0) {
            boolean removed = false;
            for (int start = 0; start < current.length() && budget > 0; ) {
                int end = Math.min(current.length(), start + chunk);
                // never cut a surrogate pair in two: that would test another input
                if (end < current.length() && Character.isLowSurrogate(current.charAt(end))) {
                    end++;
                }
                if (start > 0 && Character.isLowSurrogate(current.charAt(start))) {
                    start++;
                    continue;
                }
                String candidate = current.substring(0, start) + current.substring(end);
                budget--;
                Throwable f = failure(check, candidate);
                if (f != null && sameKind(f, original)) {
                    current = candidate;
                    removed = true;
                } else {
                    start = end;
                }
            }
            if (!removed) {
                chunk /= 2;
            }
        }
        return current;
    }

    private static boolean sameKind(Throwable a, Throwable b) {
        if (a.getClass() != b.getClass()) {
            return false;
        }
        StackTraceElement[] x = a.getStackTrace();
        StackTraceElement[] y = b.getStackTrace();
        if (a instanceof AssertionError) {
            // a contract violation: the same first line of message (which contract rule)
            return firstLine(a.getMessage()).equals(firstLine(b.getMessage()));
        }
        return x.length > 0 && y.length > 0 && x[0].getMethodName().equals(y[0].getMethodName())
                && x[0].getClassName().equals(y[0].getClassName());
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    static String abbreviate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "...(" + (s.length() - max) + " more chars)";
    }

    /** Java-escaped form of a string: control characters, non-BMP halves and quotes visible. */
    static String escape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || Character.isSurrogate(c) || (c >= 0x80 && c < 0xa0)
                            || Character.getType(c) == Character.FORMAT) {
                        out.append(String.format("\\u%04X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
