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
            chars = Arrays.copyOf(chars, chars.length * 2);
            origin = Arrays.copyOf(origin, chars.length + 1);
        }
        chars[length] = c;
        origin[length++] = from;
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

    /** {@link ChineseScript#looksTraditional} of the text so far. */
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
