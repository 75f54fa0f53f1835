package io.aipulse.article.clean;

import java.util.List;

/**
 * {@code <script>} and {@code <style>} elements, whose content is code, not text: cleaning drops them whole
 * (an HTML-only record gave an event from inside a script). Without its closing tag an element runs to the
 * end of the input, as browsers read it, so each character is looked at once.
 */
final class ScriptElements {

    private static final List<String> NAMES = List.of("script", "style");

    private ScriptElements() {
    }

    /**
     * End (exclusive) of the script or style element whose opening tag is {@code [i, tagEnd)}, or -1 when
     * that tag opens another element.
     */
    static int end(String s, int i, int tagEnd) {
        for (String name : NAMES) {
            if (opens(s, i, name)) {
                int close = indexOfIgnoreCase(s, "</" + name, tagEnd);
                if (close < 0) {
                    return s.length();
                }
                int gt = s.indexOf('>', close);
                return gt < 0 ? s.length() : gt + 1;
            }
        }
        return -1;
    }

    private static boolean opens(String s, int i, String name) {
        int after = i + 1 + name.length();
        return s.regionMatches(true, i + 1, name, 0, name.length()) && after < s.length()
                && !Character.isLetterOrDigit(s.charAt(after));
    }

    private static int indexOfIgnoreCase(String s, String what, int from) {
        for (int j = from; j + what.length() <= s.length(); j++) {
            if (s.charAt(j) == '<' && s.regionMatches(true, j, what, 0, what.length())) {
                return j;
            }
        }
        return -1;
    }
}
