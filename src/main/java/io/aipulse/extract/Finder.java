package io.aipulse.extract;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for a pattern whose matches can only start with one of a few words: the pattern is
 * tried ({@code lookingAt} on the rest of the region) only where the text has one of them, instead of at
 * every position. The matches are those of {@code find()} on the region, provided the pattern never matches
 * the empty string and, unless the finder {@link #lookingAround() looks around}, looks at nothing before its
 * start (no look-behind, {@code ^}, {@code \b}); {@code FinderTest} checks every finder of the engine against
 * {@code find()}. A pattern is built from the word lists it starts with ({@link #anyOf}), so each list is
 * written once. Immutable and thread-safe; {@link Scan}s are not.
 */
final class Finder {

    final Pattern pattern;
    private final FirstWords first;
    /** look-behind and look-ahead see the text outside the region (transparent bounds) */
    private final boolean transparent;
    /** what every match holds near its start ({@link #needing}); null when not declared */
    private final Need needed;
    /** what a match that starts with one of these first words holds near its start ({@link #needingAfter}) */
    private final Map<String, Need> neededAfter;

    /**
     * One of {@code chars} lies less than {@code reach} characters after a match's start, with no clause punctuation
     * before it (the punctuation a match reads across only after that character, if at all).
     */
    private record Need(String chars, int reach) {

        /** False when no match of this need can start at {@code s}. */
        boolean metAt(CharSequence text, int s, int to) {
            for (int i = s, end = Math.min(to, s + reach); i < end; i++) {
                char c = text.charAt(i);
                if (chars.indexOf(c) >= 0) {
                    return true;
                }
                if (isClausePunctuation(c)) {
                    return false;
                }
            }
            return false;
        }

        /** One of {@code ，。；,;} (compared, not looked up in a string: this runs at every character within reach). */
        private static boolean isClausePunctuation(char c) {
            return c == '，' || c == '。' || c == '；' || c == ',' || c == ';';
        }
    }

    /** @param firstWords every word a match can start with (a match starts with one of them) */
    Finder(Pattern pattern, String... firstWords) {
        this(pattern, List.of(firstWords), false, null, Map.of());
    }

    private Finder(Pattern pattern, Collection<String> firstWords, boolean transparent, Need needed,
                   Map<String, Need> neededAfter) {
        this.pattern = pattern;
        this.first = new FirstWords(firstWords.toArray(new String[0]));
        this.transparent = transparent;
        this.needed = needed;
        this.neededAfter = neededAfter;
    }

    /** A finder of {@code regex}, whose matches start with a word of one of {@code firstWords}. */
    @SafeVarargs
    static Finder of(String regex, Collection<String>... firstWords) {
        return new Finder(Pattern.compile(regex), union(firstWords), false, null, Map.of());
    }

    /** The same finder, whose look-behind and look-ahead see the text before and after the scanned region. */
    Finder lookingAround() {
        return new Finder(pattern, first.words(), true, needed, neededAfter);
    }

    /**
     * The same finder, told that every match holds one of {@code chars} less than {@code reach} characters after
     * its start, with none of {@code ，。；,;} before it: the pattern is then not tried at a first word that has
     * none of them within reach. A first word common in text whose match is rare (据 of 数据, every space before
     * a round's 融资) then costs a short scan instead of resetting the matcher and running the pattern.
     */
    Finder needing(String chars, int reach) {
        return new Finder(pattern, first.words(), transparent, new Need(chars, reach), neededAfter);
    }

    /**
     * {@link #needing} for the matches that start with {@code firstWord} only: it must hold for every alternative of
     * the pattern that can start with that word. Where several first words start at a place (上 and 上线), the
     * pattern is tried unless each of them has a need and none is met.
     */
    Finder needingAfter(String firstWord, String chars, int reach) {
        if (!first.words().contains(firstWord)) {
            throw new IllegalArgumentException("not a first word: " + firstWord);
        }
        Map<String, Need> after = new java.util.HashMap<>(neededAfter);
        after.put(firstWord, new Need(chars, reach));
        return new Finder(pattern, first.words(), transparent, needed, Map.copyOf(after));
    }

    /** The first characters of {@code words}: what {@link #needing} takes when a match must hold one of them. */
    static String firstChars(Collection<String> words) {
        StringBuilder sb = new StringBuilder();
        for (String w : words) {
            if (sb.indexOf(String.valueOf(w.charAt(0))) < 0) {
                sb.append(w.charAt(0));
            }
        }
        return sb.toString();
    }

    /** The length of the longest of {@code words}: what a pattern's alternation of them can take. */
    static int longest(Collection<String> words) {
        int longest = 0;
        for (String w : words) {
            longest = Math.max(longest, w.length());
        }
        return longest;
    }

    /** False when no match can start at {@code s}, a first word's place: what it needs is not there. */
    private boolean mayMatchAt(CharSequence text, int s, int to) {
        if (needed != null && !needed.metAt(text, s, to)) {
            return false;
        }
        return neededAfter.isEmpty() || first.anyAt(text, s, to, w -> {
            Need n = neededAfter.get(w);
            return n == null || n.metAt(text, s, to);
        });
    }

    boolean transparent() {
        return transparent;
    }

    /** {@code (?:w1|w2|...)}: the words as one regex alternation, in their order. */
    static String anyOf(Collection<String> words) {
        StringBuilder sb = new StringBuilder("(?:");
        for (String w : words) {
            if (sb.length() > 3) {
                sb.append('|');
            }
            sb.append(isLiteral(w) ? w : Pattern.quote(w));
        }
        return sb.append(')').toString();
    }

    /** The literal start of each regex alternative ("首席[\\p{IsHan}]{1,5}官" -> "首席"): the words its matches start with. */
    static List<String> literalStarts(Collection<String> alternatives) {
        List<String> out = new ArrayList<>();
        for (String a : alternatives) {
            int i = 0;
            while (i < a.length() && "\\^$.|?*+()[]{}".indexOf(a.charAt(i)) < 0) {
                i++;
            }
            if (i == 0) {
                throw new IllegalArgumentException("no literal start: " + a);
            }
            out.add(a.substring(0, i));
        }
        return out;
    }

    private static boolean isLiteral(String w) {
        for (int i = 0; i < w.length(); i++) {
            if ("\\^$.|?*+()[]{}".indexOf(w.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** The words of the lists, each once, in order: a rule's triggers made of its other lists. */
    @SafeVarargs
    static List<String> union(Collection<String>... lists) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        for (Collection<String> l : lists) {
            out.addAll(l);
        }
        return List.copyOf(out);
    }

    /** False when no match can start at a character of {@code chars} (a {@link CharFilter}). */
    boolean mayStartWithOneOf(long[] chars) {
        return first.mayStartWithOneOf(chars);
    }

    /** The matches of {@code [from, to)} of {@code text}, one {@link Scan#find()} at a time. */
    Scan scan(CharSequence text, int from, int to) {
        return new Scan(this, text, from, to);
    }

    /**
     * One pass over a region; {@link #matcher()} holds the current match. The matcher is made when a first word
     * is found: most regions a rule scans hold none, and a scan that finds nothing then allocates nothing.
     */
    static final class Scan {
        private final Finder finder;
        private final CharSequence text;
        private final int to;
        private Matcher m;
        private int pos;

        private Scan(Finder finder, CharSequence text, int from, int to) {
            this.finder = finder;
            this.text = text;
            this.to = to;
            this.pos = from;
        }

        /** The next match, as {@link Matcher#find()} on the region would give it. */
        boolean find() {
            FirstWords first = finder.first;
            for (int s = pos; s < to; s++) {
                if (!first.at(text, s, to) || !finder.mayMatchAt(text, s, to)) {
                    continue;
                }
                Matcher matcher = matcher();
                matcher.region(s, to);
                if (matcher.lookingAt()) {
                    pos = matcher.end() > s ? matcher.end() : s + 1;
                    return true;
                }
            }
            pos = to;
            return false;
        }

        /** The matcher of the scan: after {@link #find()} returned true, its current match. */
        Matcher matcher() {
            if (m == null) {
                m = finder.pattern.matcher(text);
                if (finder.transparent) {
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                }
            }
            return m;
        }
    }
}
