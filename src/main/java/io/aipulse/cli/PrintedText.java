package io.aipulse.cli;

/**
 * Text from input (file names, ids, messages that quote them) as printed on one output line: control
 * characters, line and paragraph separators and bidirectional controls are written as escapes, so a file
 * named with a newline cannot forge a line ({@code sent ...}) that scripts read, nor reorder what a
 * terminal shows; a backslash is doubled, so the escapes are unambiguous.
 */
final class PrintedText {

    private PrintedText() {
    }

    static String escaped(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static boolean needsEscape(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069' || c == '\u200E' || c == '\u200F';
    }
}
