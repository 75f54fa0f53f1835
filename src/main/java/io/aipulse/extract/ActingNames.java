package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link NamePatterns#ACTING_NAME} written out by hand: the regular expression ran at most clause starts of the
 * sentences that name an event's verb, and tried its long lookahead (an aside, punctuation, up to three adverbs,
 * one of some thirty verbs) for each length of the name. {@link #find} answers what {@code lookingAt()} answers on
 * the region {@code [p, reach)} with opaque bounds, for text without surrogate pairs (where the pattern counts code
 * points; the caller keeps the pattern for those).
 *
 * <p>A lookahead only asks whether some way through it exists, so each part below tries every place where the part
 * before it can end. The literal adverbs and verbs are read from {@link NamePatterns}' lists, so a word added there
 * is found here too; the few alternatives with a class or a count are written out below. When the pattern is no
 * longer the one this class reads (another alternative with a class, another aside), {@link #AVAILABLE} is false and
 * the caller uses the pattern: slower, never different.
 */
final class ActingNames {

    /** the alternatives of the verbs that are not plain words, each written out in {@link #verbAt} */
    private static final Set<String> WRITTEN_VERBS = Set.of(
            "宣布(?:收购|并购|裁员|开源|与|停止|暂停|关闭|解散|破产)", "宣布[，,:：]", "(?:正式|同步|全面|首次)开源",
            "以[^，。；,;]{1,12}?(?:收购|并购|入股)", "在[^，。；,;]{1,8}?(?:挂牌|上市|敲钟)", "通过[^，。；,;]{0,10}?聆讯",
            "(?:科创板|创业板|北交所|港股|美股)?IPO", "(?:与|和)[^，。；,;]{1,16}?(?:签署|签订|达成|共同|联合|合作|携手)",
            "向[^，。；,;]{1,12}?(?:递交|递表|提交)");
    /** the one adverb that is not a plain word, written out in {@link #monthEnds} */
    private static final String MONTH = "\\d{1,2}\\s?(?:月(?:\\d{1,2}\\s?[日号])?|[日号])";
    /** the aside after a name, written out in {@link #asideEnd} */
    private static final String ASIDE = "(?:\\s?(?:\\([^()]{1,30}\\)|（[^（）]{1,30}）))?";

    private static final String[] VERB_WORDS = words(NamePatterns.ACTING_VERBS);
    private static final String[] ADVERB_WORDS = words(NamePatterns.ACTING_ADVERBS);

    /** true when {@link NamePatterns#ACTING_NAME} is the pattern this class reads */
    static final boolean AVAILABLE = WRITTEN_VERBS.containsAll(patterns(NamePatterns.ACTING_VERBS))
            && Set.of(MONTH).containsAll(patterns(NamePatterns.ACTING_ADVERBS))
            && NamePatterns.ACTING_NAME.pattern().equals("\\s?([\\p{IsHan}]{2,6}?)(?=" + ASIDE + "(?:\\s?[，,:：])?\\s?(?:"
                    + String.join("|", NamePatterns.ACTING_ADVERBS) + "){0,3}(?:"
                    + String.join("|", NamePatterns.ACTING_VERBS) + "))");

    private static final String CLAUSE_PUNCTUATION = "，。；,;";
    private static final String COLONS_AND_COMMAS = "，,:：";

    private ActingNames() {
    }

    private static boolean isLiteral(String alternative) {
        for (int i = 0; i < alternative.length(); i++) {
            if ("\\^$.|?*+()[]{}".indexOf(alternative.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private static String[] words(List<String> alternatives) {
        return alternatives.stream().filter(ActingNames::isLiteral).toArray(String[]::new);
    }

    private static List<String> patterns(List<String> alternatives) {
        List<String> out = new ArrayList<>();
        for (String a : alternatives) {
            if (!isLiteral(a)) {
                out.add(a);
            }
        }
        return out;
    }

    /** {@code ACTING_NAME.matcher(text).region(p, reach).lookingAt()}, for text without surrogate pairs. */
    static NamePatterns.Found find(String t, int p, int reach) {
        // \s? can only be taken: without it the first Han character would be the space
        int s = p < reach && NamePatterns.isRegexSpace(t.charAt(p)) ? p + 1 : p;
        for (int count = 1; count <= 6 && s + count <= reach; count++) { // the name, shortest first
            if (!NamePatterns.isHan(t.charAt(s + count - 1))) {
                return null;
            }
            if (count >= 2 && after(t, s + count, reach)) {
                return new NamePatterns.Found(s, s + count, s + count);
            }
        }
        return null;
    }

    /** The lookahead at {@code x}: an optional aside, then the rest. */
    private static boolean after(String t, int x, int r) {
        if (punctuated(t, x, r)) {
            return true;
        }
        int a = asideEnd(t, x, r);
        return a >= 0 && punctuated(t, a, r);
    }

    /** The end of {@code \s?(?:\([^()]{1,30}\)|（[^（）]{1,30}）)} at {@code x} (one place at most), or -1. */
    private static int asideEnd(String t, int x, int r) {
        int y = x < r && NamePatterns.isRegexSpace(t.charAt(x)) ? x + 1 : x;
        if (y >= r) {
            return -1;
        }
        char open = t.charAt(y);
        char close = open == '(' ? ')' : open == '（' ? '）' : 0;
        if (close == 0) {
            return -1;
        }
        for (int i = y + 1; i < r && i <= y + 31; i++) {
            char c = t.charAt(i);
            if (c == close) {
                return i > y + 1 ? i + 1 : -1;
            }
            if (c == open) {
                return -1;
            }
        }
        return -1;
    }

    /** {@code (?:\s?[，,:：])?\s?} at {@code x}, then the adverbs and the verb. */
    private static boolean punctuated(String t, int x, int r) {
        if (spaced(t, x, r)) {
            return true;
        }
        int y = x < r && NamePatterns.isRegexSpace(t.charAt(x)) ? x + 1 : x;
        return y < r && COLONS_AND_COMMAS.indexOf(t.charAt(y)) >= 0 && spaced(t, y + 1, r);
    }

    /** {@code \s?} at {@code x}, then the adverbs and the verb. */
    private static boolean spaced(String t, int x, int r) {
        return adverbsThenVerb(t, x, r, 0)
                || x < r && NamePatterns.isRegexSpace(t.charAt(x)) && adverbsThenVerb(t, x + 1, r, 0);
    }

    /** Up to {@code 3 - taken} more adverbs from {@code x}, then a verb. */
    private static boolean adverbsThenVerb(String t, int x, int r, int taken) {
        if (x >= r || !CharFilter.mayContain(OPENINGS, t.charAt(x))) {
            return false; // the usual case: no adverb or verb starts here
        }
        if (verbAt(t, x, r)) {
            return true;
        }
        if (taken == 3) {
            return false;
        }
        for (String w : ADVERB_WORDS) {
            if (x + w.length() <= r && t.startsWith(w, x) && adverbsThenVerb(t, x + w.length(), r, taken + 1)) {
                return true;
            }
        }
        for (int e : monthEnds(t, x, r)) {
            if (adverbsThenVerb(t, e, r, taken + 1)) {
                return true;
            }
        }
        return false;
    }

    private static final int[] NONE = new int[0];

    /** Every place where {@code \d{1,2}\s?(?:月(?:\d{1,2}\s?[日号])?|[日号])} can end when it starts at {@code x}. */
    private static int[] monthEnds(String t, int x, int r) {
        if (x >= r || !isDigit(t.charAt(x))) {
            return NONE; // the usual case: nothing to allocate
        }
        int[] out = new int[36]; // at most 4 places of 月, each with 4 of 日 or 号 after it, and 4 of a day alone
        int n = 0;
        for (int d : digitEnds(t, x, r)) {
            for (int m : spaceEnds(t, d, r)) {
                if (m >= 0 && m < r && (t.charAt(m) == '日' || t.charAt(m) == '号')) {
                    out[n++] = m + 1; // the day alone
                }
                if (m < 0 || m >= r || t.charAt(m) != '月') {
                    continue;
                }
                out[n++] = m + 1;
                for (int d2 : digitEnds(t, m + 1, r)) {
                    for (int u : spaceEnds(t, d2, r)) {
                        if (u >= 0 && u < r && (t.charAt(u) == '日' || t.charAt(u) == '号')) {
                            out[n++] = u + 1;
                        }
                    }
                }
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    /** The ends of {@code \d{1,2}} at {@code x} (-1 for none). */
    private static int[] digitEnds(String t, int x, int r) {
        if (x < 0 || x >= r || !isDigit(t.charAt(x))) {
            return new int[] {-1, -1};
        }
        return new int[] {x + 1, x + 1 < r && isDigit(t.charAt(x + 1)) ? x + 2 : -1};
    }

    /** The ends of {@code \s?} at {@code x} (-1 for none). */
    private static int[] spaceEnds(String t, int x, int r) {
        if (x < 0) {
            return new int[] {-1, -1};
        }
        return new int[] {x, x < r && NamePatterns.isRegexSpace(t.charAt(x)) ? x + 1 : -1};
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final String[] ANNOUNCED = {"收购", "并购", "裁员", "开源", "与", "停止", "暂停", "关闭", "解散", "破产"};
    private static final String[] OPENED_HOW = {"正式", "同步", "全面", "首次"};
    private static final String[] TAKEN_BY = {"收购", "并购", "入股"};
    private static final String[] LISTED_BY = {"挂牌", "上市", "敲钟"};
    private static final String[] HEARING = {"聆讯"};
    private static final String[] OPEN_SOURCE = {"开源"};
    private static final String[] BOARDS = {"科创板", "创业板", "北交所", "港股", "美股"};
    private static final String[] IPO = {"IPO"};
    private static final String[] SIGNED_BY = {"签署", "签订", "达成", "共同", "联合", "合作", "携手"};
    private static final String[] FILED_WITH = {"递交", "递表", "提交"};

    /** the first characters of every adverb and verb ({@link CharFilter}), the month's digits included */
    private static final long[] OPENINGS = openings();

    private static long[] openings() {
        long[] filter = CharFilter.create();
        for (String[] words : List.of(VERB_WORDS, ADVERB_WORDS, OPENED_HOW, BOARDS, IPO,
                new String[] {"宣布", "以", "在", "通过", "与", "和", "向", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9"})) {
            for (String w : words) {
                CharFilter.add(filter, w.charAt(0));
            }
        }
        return filter;
    }

    /** One of the verbs starts at {@code x} (and ends by {@code r}). */
    private static boolean verbAt(String t, int x, int r) {
        if (wordAt(t, x, r, VERB_WORDS) >= 0) {
            return true;
        }
        if (t.startsWith("宣布", x) && (wordAt(t, x + 2, r, ANNOUNCED) >= 0
                || x + 2 < r && COLONS_AND_COMMAS.indexOf(t.charAt(x + 2)) >= 0)) {
            return true;
        }
        int how = wordAt(t, x, r, OPENED_HOW);
        if (how >= 0 && wordAt(t, how, r, OPEN_SOURCE) >= 0) {
            return true;
        }
        int board = wordAt(t, x, r, BOARDS);
        if (wordAt(t, x, r, IPO) >= 0 || board >= 0 && wordAt(t, board, r, IPO) >= 0) {
            return true;
        }
        if (x >= r) {
            return false;
        }
        return switch (t.charAt(x)) {
            case '以' -> gapThenWord(t, x + 1, r, 1, 12, TAKEN_BY);
            case '在' -> gapThenWord(t, x + 1, r, 1, 8, LISTED_BY);
            case '通' -> t.startsWith("通过", x) && gapThenWord(t, x + 2, r, 0, 10, HEARING);
            case '与', '和' -> gapThenWord(t, x + 1, r, 1, 16, SIGNED_BY);
            case '向' -> gapThenWord(t, x + 1, r, 1, 12, FILED_WITH);
            default -> false;
        };
    }

    /** The end of the first of {@code words} that starts at {@code x} and ends by {@code r}, or -1. */
    private static int wordAt(String t, int x, int r, String[] words) {
        for (String w : words) {
            if (x + w.length() <= r && t.startsWith(w, x)) {
                return x + w.length();
            }
        }
        return -1;
    }

    /** {@code [^，。；,;]{min,max}?(?:words)} at {@code x}. */
    private static boolean gapThenWord(String t, int x, int r, int min, int max, String[] words) {
        for (int k = 0; k <= max; k++) {
            if (k >= min && wordAt(t, x + k, r, words) >= 0) {
                return true;
            }
            if (x + k >= r || CLAUSE_PUNCTUATION.indexOf(t.charAt(x + k)) >= 0) {
                return false;
            }
        }
        return false;
    }
}
