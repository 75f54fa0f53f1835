package io.aipulse.article.clean;

import java.util.Arrays;

/** A growing char buffer that remembers, for each char, its offset in the text it was copied from. */
final class TextBuffer {

    private char[] chars;
    private int[] origin;
    private int length;
    /** counted on the way for {@link #looksTraditional()}: CJK ideographs, and those only traditional */
    private int han;
    private int traditional;
    private final long[] traditionalBits = ChineseScript.traditionalBits();

    TextBuffer(int capacity) {
        chars = new char[Math.max(16, capacity)];
        origin = new int[chars.length + 1];
    }

    void append(char c, int from) {
        if (length == chars.length) {
            grow(length + 1);
        }
        chars[length] = c;
        origin[length++] = from;
        count(c);
    }

    /**
     * Appends the run of {@code s} from {@code from} up to {@code to} or the first character that is not
     * {@link TextCleaner#usual}, each character from its own offset in {@code s}; returns the end of the run. One
     * loop finds, copies, maps and counts the run.
     */
    int appendUsualRun(char[] s, int from, int to) {
        if (length + (to - from) > chars.length) {
            grow(length + (to - from));
        }
        char[] out = chars;
        int[] from0 = origin;
        long[] bits = traditionalBits;
        int len = length;
        int hanCount = han;
        int traditionalCount = traditional;
        int j = from;
        for (; j < to; j++) {
            char c = s[j];
            if (!TextCleaner.usual(c)) {
                break;
            }
            out[len] = c;
            from0[len++] = j;
            if (c >= ChineseScript.FIRST && c <= ChineseScript.LAST) {
                hanCount++;
                int k = c - ChineseScript.FIRST;
                traditionalCount += (int) ((bits[k >>> 6] >>> k) & 1);
            }
        }
        length = len;
        han = hanCount;
        traditional = traditionalCount;
        return j;
    }

    /**
     * Appends {@code s[from, to)}, character i from offset {@code origins[i]}. The characters are not counted for
     * {@link #looksTraditional()}: this copies text whose script was already decided (the noise pass's output).
     */
    void appendRun(String s, int from, int to, int[] origins) {
        int n = to - from;
        if (length + n > chars.length) {
            grow(length + n);
        }
        s.getChars(from, to, chars, length);
        System.arraycopy(origins, from, origin, length, n);
        length += n;
    }

    private void grow(int needed) {
        int size = Math.max(needed, chars.length * 2);
        chars = Arrays.copyOf(chars, size);
        origin = Arrays.copyOf(origin, size + 1);
    }

    private void count(char c) {
        if (c >= ChineseScript.FIRST && c <= ChineseScript.LAST) {
            han++;
            int k = c - ChineseScript.FIRST;
            if ((traditionalBits[k >>> 6] & (1L << k)) != 0) {
                traditional++;
            }
        }
    }

    int length() {
        return length;
    }

    char charAt(int i) {
        return chars[i];
    }

    int originAt(int i) {
        return origin[i];
    }

    void setLength(int newLength) {
        length = newLength;
    }

    /** {@link ChineseScript#looksTraditional} of the text so far (what {@link #appendRun} copied left out). */
    boolean looksTraditional() {
        return ChineseScript.looksTraditional(han, traditional);
    }

    /** Freezes into a {@link CleanText}; {@code end} is the origin offset of the end of the text. */
    CleanText toCleanText(int end) {
        int[] o = Arrays.copyOf(origin, length + 1);
        o[length] = end;
        return new CleanText(new String(chars, 0, length), o);
    }
}
