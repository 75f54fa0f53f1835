package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The investor lists of a round ("本轮融资由红杉中国、IDG资本等联合领投") cut into names by hand, with the answers of
 * the patterns kept here as the reference ({@code replaceAll("")} of the head and tail patterns, {@code split} by
 * the separators): a list is read once instead of once per pattern.
 */
final class NameLists {

    static final Pattern LIST_HEAD = Pattern.compile("^(?:本轮融资|本轮|此轮|该轮)?(?:由)?");
    static final Pattern LIST_TAIL = Pattern.compile("(?:联合|共同)$");
    static final Pattern NAME_HEAD = Pattern.compile("^(?:种子轮|天使轮|老股东)?(?:领投方|投资方)?");
    static final Pattern NAME_TAIL = Pattern.compile("(?:等|等机构|共同)$");
    static final Pattern SEPARATORS = Pattern.compile("、|和|与|及|以及|,|，");

    private static final String[] LIST_OPENERS = {"本轮融资", "本轮", "此轮", "该轮"};
    private static final String[] LIST_ENDS = {"联合", "共同"};
    private static final String[] NAME_OPENERS = {"种子轮", "天使轮", "老股东"};
    private static final String[] NAME_ROLES = {"领投方", "投资方"};
    private static final String[] NAME_ENDS = {"等", "等机构", "共同"};

    private NameLists() {
    }

    /** {@code LIST_TAIL.matcher(LIST_HEAD.matcher(list).replaceAll("")).replaceAll("")}. */
    static String trimList(String list) {
        int start = afterOptional(list, afterOptional(list, 0, LIST_OPENERS), "由");
        return withoutEnd(list.substring(start), LIST_ENDS);
    }

    /** {@code NAME_TAIL.matcher(NAME_HEAD.matcher(name).replaceAll("")).replaceAll("")}. */
    static String trimName(String name) {
        int start = afterOptional(name, afterOptional(name, 0, NAME_OPENERS), NAME_ROLES);
        return withoutEnd(name.substring(start), NAME_ENDS);
    }

    /**
     * The parts of {@code SEPARATORS.split(list)} that are not empty, in order (the callers skip empty parts, the
     * only ones split would treat differently).
     */
    static List<String> parts(String list) {
        List<String> out = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < list.length(); i++) {
            int sep = separatorAt(list, i);
            if (sep > 0) {
                if (i > from) {
                    out.add(list.substring(from, i));
                }
                from = i + sep;
                i = from - 1;
            }
        }
        if (from < list.length()) {
            out.add(list.substring(from));
        }
        return out;
    }

    /** Length of the separator at {@code i}, or 0; alternatives in the pattern's order (及 before 以及). */
    private static int separatorAt(String s, int i) {
        char c = s.charAt(i);
        if (c == '、' || c == '和' || c == '与' || c == '及' || c == ',' || c == '，') {
            return 1;
        }
        return c == '以' && i + 1 < s.length() && s.charAt(i + 1) == '及' ? 2 : 0;
    }

    private static int afterOptional(String s, int at, String... words) {
        for (String w : words) {
            if (s.startsWith(w, at)) {
                return at + w.length();
            }
        }
        return at;
    }

    /**
     * {@code s} without the leftmost match of {@code (?:w1|w2|...)$}: a word that ends where {@code $} holds (at the
     * end, or before a final line terminator).
     */
    private static String withoutEnd(String s, String[] words) {
        for (int i = Math.max(0, s.length() - 5); i < s.length(); i++) {
            for (String w : words) {
                if (s.startsWith(w, i) && dollarAt(s, i + w.length())) {
                    return s.substring(0, i) + s.substring(i + w.length());
                }
            }
        }
        return s;
    }

    /** {@code $} of java.util.regex without MULTILINE at {@code i}: the end, or before a final line terminator. */
    static boolean dollarAt(String s, int i) {
        int n = s.length();
        if (i == n) {
            return true;
        }
        if (i == n - 2) {
            return s.charAt(i) == '\r' && s.charAt(i + 1) == '\n';
        }
        if (i == n - 1) {
            char c = s.charAt(i);
            if (c == '\n') {
                return i == 0 || s.charAt(i - 1) != '\r';
            }
            return c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
        }
        return false;
    }
}
