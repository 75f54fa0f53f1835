package io.aipulse.extract;

import java.util.List;

/**
 * Canonical short names: the name without legal suffixes (有限公司, 股份, 集团, 科技, ...), without a
 * city in parentheses ({@code 一点知识（北京）科技有限公司} -> 一点知识) and, for companies, without a
 * leading city ({@code 杭州力文所生物科技有限公司} -> 力文所生物, city hangzhou).
 */
final class Names {

    /** A legal name taken apart. */
    record Parsed(String name, String city) {
    }

    private static final List<String> SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "(有限合伙)", "（有限合伙）", "集团", "控股", "股份", "科技", "公司",
            " Inc.", " Inc", " Ltd.", " Ltd", " LLC", " Corp.", " Corp", " Co., Ltd.");
    private static final List<String> COMPANY_SUFFIXES = List.of(
            "股份有限公司", "有限责任公司", "有限公司", "(有限合伙)", "（有限合伙）", "公司", "集团");

    private Names() {
    }

    /** An ASCII letter: the alphabet of the Latin names and words the rules read apart from Han text. */
    static boolean isLatinLetter(char c) {
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    /** The canonical short form of a name the text gives. */
    static String canonical(String name) {
        String s = stripQuotes(name.trim());
        s = removeParenthetical(s);
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String suf : SUFFIXES) {
                if (s.endsWith(suf) && s.length() - suf.length() >= 2) {
                    s = s.substring(0, s.length() - suf.length()).trim();
                    changed = true;
                }
            }
        }
        return s;
    }

    /** A legal or institutional name: its short name and the city it names, if any. */
    static Parsed parseLegal(String surface, Knowledge knowledge) {
        String s = stripQuotes(surface.trim());
        String city = null;
        // city in parentheses: 一点知识（北京）科技有限公司
        int open = Math.max(s.indexOf('('), s.indexOf('（'));
        if (open > 0) {
            int close = Math.max(s.indexOf(')', open), s.indexOf('）', open));
            if (close > open) {
                city = knowledge.cityByName(s.substring(open + 1, close)).orElse(null);
            }
        }
        boolean company = COMPANY_SUFFIXES.stream().anyMatch(s::endsWith);
        String prefixCity = null;
        int prefixLen = 0;
        for (int len = Math.min(6, s.length() - 2); len >= 2; len--) {
            String head = s.substring(0, len);
            var c = knowledge.cityByName(head);
            if (c.isPresent()) {
                prefixCity = c.get();
                prefixLen = len;
                break;
            }
        }
        if (city == null) {
            city = prefixCity;
        }
        if (company) {
            String rest = s.substring(prefixLen);
            if (rest.startsWith("市")) {
                rest = rest.substring(1);
            }
            String name = canonical(rest);
            if (name.length() < 2) {
                name = canonical(s);
            }
            return new Parsed(name, city);
        }
        return new Parsed(removeParenthetical(s), city);
    }

    private static String stripQuotes(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("“”\"《》「」『』".indexOf(c) < 0) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private static String removeParenthetical(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        int depth = 0;
        int start = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(' || c == '（') {
                depth++;
                start = sb.length();
                continue;
            }
            if ((c == ')' || c == '）') && depth > 0) {
                depth--;
                continue;
            }
            if (depth == 0) {
                sb.append(c);
            }
        }
        String out = sb.toString().trim();
        return out.isEmpty() ? s : out;
    }
}
