package io.aipulse.extract;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@link Matcher#find()} for a pattern whose matches can only start with one of a few words: the pattern is
 * tried ({@code lookingAt} on the rest of the region) only where the text has one of them, instead of at
 * every position. The matches are those of {@code find()} on the region, provided the pattern looks at nothing
 * before its start (no look-behind, {@code ^}, {@code \b}) and never matches the empty string; a test checks
 * each pattern of the engine against {@code find()}. Immutable and thread-safe; {@link Scan}s are not.
 */
final class Finder {

    final Pattern pattern;
    private final FirstWords first;

    /** @param firstWords every word a match can start with (a match starts with one of them) */
    Finder(Pattern pattern, String... firstWords) {
        this.pattern = pattern;
        this.first = new FirstWords(firstWords);
    }

    /** The matches of {@code [from, to)} of {@code text}, one {@link Scan#find()} at a time. */
    Scan scan(CharSequence text, int from, int to) {
        return new Scan(this, text, from, to);
    }

    /** One pass over a region; {@link #matcher()} holds the current match. */
    static final class Scan {
        private final Finder finder;
        private final CharSequence text;
        private final int to;
        private final Matcher m;
        private int pos;

        private Scan(Finder finder, CharSequence text, int from, int to) {
            this.finder = finder;
            this.text = text;
            this.to = to;
            this.pos = from;
            this.m = finder.pattern.matcher(text);
        }

        /** The next match, as {@link Matcher#find()} on the region would give it. */
        boolean find() {
            FirstWords first = finder.first;
            for (int s = pos; s < to; s++) {
                if (!first.at(text, s, to)) {
                    continue;
                }
                m.region(s, to);
                if (m.lookingAt()) {
                    pos = m.end() > s ? m.end() : s + 1;
                    return true;
                }
            }
            pos = to;
            return false;
        }

        Matcher matcher() {
            return m;
        }
    }
}
