package io.aipulse.article.clean;

/**
 * Control characters and terminal escape sequences, which cleaning removes: text copied from a terminal or
 * a log carries ANSI colours ({@code ESC [31m}) that would glue {@code [31m} to the name after it, and a
 * control character between two words splits a name the dictionary would find. Tab, line feed and carriage
 * return are text, not controls.
 */
final class ControlSequences {

    private static final char ESC = '\u001B';
    /** The one-character form of ESC [ (C1 control sequence introducer). */
    private static final char CSI = '\u009B';
    private static final char BEL = '\u0007';
    /** An operating-system command (a window title) is short; a longer one is not one. */
    private static final int MAX_COMMAND = 256;

    private ControlSequences() {
    }

    /**
     * End (exclusive) of the control character or escape sequence at {@code i}, or -1 when the character is
     * none. Each character is looked at once, except an unterminated command: at most {@link #MAX_COMMAND}.
     */
    static int end(String s, int i) {
        char c = s.charAt(i);
        if (c == CSI) {
            return csiEnd(s, i + 1);
        }
        if (c == ESC) {
            return escapeEnd(s, i + 1);
        }
        return isControl(c) ? i + 1 : -1;
    }

    private static boolean isControl(char c) {
        return c < ' ' && c != '\t' && c != '\n' && c != '\r' || c >= '\u007F' && c <= '\u009F';
    }

    private static int escapeEnd(String s, int i) {
        if (i >= s.length()) {
            return i;
        }
        char next = s.charAt(i);
        if (next == '[') {
            return csiEnd(s, i + 1);
        }
        if (next == ']') {
            return commandEnd(s, i + 1);
        }
        // a two-character sequence (ESC 7, ESC M, ...); ESC before a letter of the text takes only itself
        return next >= 0x20 && next <= 0x7E && next < 0x80 && !Character.isLetterOrDigit(next) ? i + 1 : i;
    }

    /** Parameters (0x30-0x3F), intermediates (0x20-0x2F), then one final character (0x40-0x7E). */
    private static int csiEnd(String s, int i) {
        int j = i;
        while (j < s.length() && s.charAt(j) >= 0x20 && s.charAt(j) <= 0x3F) {
            j++;
        }
        return j < s.length() && s.charAt(j) >= 0x40 && s.charAt(j) <= 0x7E ? j + 1 : j;
    }

    /** Up to BEL or ESC \, within {@link #MAX_COMMAND} characters; else only the introducer goes. */
    private static int commandEnd(String s, int i) {
        int limit = Math.min(s.length(), i + MAX_COMMAND);
        for (int j = i; j < limit; j++) {
            if (s.charAt(j) == BEL) {
                return j + 1;
            }
            if (s.charAt(j) == ESC && j + 1 < s.length() && s.charAt(j + 1) == '\\') {
                return j + 2;
            }
        }
        return i;
    }
}
