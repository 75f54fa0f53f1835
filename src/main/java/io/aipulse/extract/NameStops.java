package io.aipulse.extract;

/**
 * Where an organisation's name starts inside a run of characters before its suffix: after the last stop word
 * ("助力上海人形机器人...创新中心" starts at 上海, "由国家...联合成立的X研究院" after 联合). After a place only the
 * strong stops cut. Immutable and thread-safe.
 */
final class NameStops {

    /** Characters and words after which a name starts (cut the run after the last of them). */
    static final String[] STOP_WORDS = {
        "的", "在", "由", "是", "为", "对", "向", "从", "被", "把", "让", "给", "于", "据", "经", "并", "但", "而",
        "即", "将", "已", "也", "都", "还", "等", "以", "后", "旗下", "公司", "企业", "机构", "平台", "联合",
        "宣布", "表示", "显示", "包括", "例如", "比如", "来自", "通过", "基于", "了", "有", "个", "家", "和", "与",
        "及", "助力", "推动", "支持", "促成", "引进", "培育", "建成", "成立", "打造", "成为", "作为", "针对", "多家",
        "这", "该", "其", "各", "前", "原", "任", "上", "下", "中", "到", "至", "或", "又", "再", "才", "就", "共建",
        "建设", "建立", "设立", "签署", "携手", "完成", "参与", "获得", "拿下", "收购", "并购", "领投", "参投", "入股",
        // "按照省政府办公厅印发的", "我国不少地方政府", "使戴能够带领本集团": a preposition, a quantity, a modal, a time
        "按照", "依照", "不少", "许多", "一些", "部分", "多地", "各地", "我国", "本月", "本周", "今年", "去年", "能够", "带领",
        // "继石药集团与阿斯利康达成...合作后": following another's news
        "继"};
    /**
     * Stop words that cut a legal name even after a place ("浦东创投参与完成杭州...有限公司", "香港数码港与科大硅谷服务平台
     * (安徽)有限公司"): 的, the conjunctions 与 and 及 that join two parties, the verbs of a deal, which no name holds, and
     * quantities ("我国不少地方政府": many bodies, none named).
     */
    static final String[] STRONG_STOP_WORDS = {
        "的", "旗下", "联合", "与", "及", "完成", "参与", "获得", "拿下", "收购", "并购", "领投", "参投", "入股",
        "不少", "许多", "一些", "多地", "各地"};

    /**
     * Verbs and adverbs a guessed name never holds: a span that holds one is a phrase of the sentence
     * ("台美生态圈伙伴共同签署", "签约落地...研究院", "Robotics赢得资本", "还有群核"), not an organisation.
     */
    static final Words NEVER_IN_A_NAME = Words.of("签署", "签约", "落地", "构建", "赢得", "获得", "登陆", "宣布", "完成",
            "介绍", "还有", "扩展",
            // "香港成为国际创科中心", "种猜测与实验室", "不仅使实验室", "发布国内银行": a clause read up to a name's suffix
            "成为", "猜测", "不仅", "发布",
            // "公司今年首季", "学院依托全国重点实验室", "大举扩编": a time or a verb of the clause
            "今年", "去年", "明年", "昨日", "昨天", "今天", "首季", "依托", "发挥", "扩编", "推动", "积极",
            // "曾被资本热捧的...企业", "无锡正在部署": the clause's tense, never a name's
            "曾被", "曾经", "正在");

    /** Position after the last stop word in {@code [from, to)}, or {@code from}. */
    static int lastStop(String text, int from, int to, boolean strongOnly) {
        // the largest end of the last occurrence of a stop word, unless that occurrence ends the run: scanning
        // ends from the right, the first occurrence met of each word is its last one
        WordsByLastChar words = strongOnly ? STRONG_STOPS : ALL_STOPS;
        long seen0 = 0;
        long seen1 = 0;
        for (int e = to; e > from; e--) {
            int[] candidates = words.endingWith(text.charAt(e - 1));
            if (candidates == null) {
                continue;
            }
            for (int w : candidates) {
                String word = words.words[w];
                int st = e - word.length();
                if (st < from || !text.startsWith(word, st) || insideAWord(text, from, st, word)) {
                    continue;
                }
                long bit = 1L << (w & 63);
                if (w < 64 ? (seen0 & bit) != 0 : (seen1 & bit) != 0) {
                    continue;
                }
                if (w < 64) {
                    seen0 |= bit;
                } else {
                    seen1 |= bit;
                }
                if (e < to) {
                    return e;
                }
            }
        }
        return from;
    }

    /**
     * the characters before 据 that make it the second half of a noun, not "according to": 数据 (data) ends many
     * companies' names ("星河数据科技有限公司"), as 证据 and 票据 end phrases
     */
    private static final String NOUNS_ENDING_IN_JU = "数证票单";
    /**
     * the stops that, opening the run, are the first character of a name ("中联数据集团", "上元科技", "和达科技",
     * "任子行网络"), not a word of their own: 中 ends "在...中" and 上 / 下 "在...上" only with their 在, which then opens
     * the run; a clause does not open with the measure words 个 / 家 or with 任 and 和. The prepositions and 前 / 原
     * ("原华为...副总裁": former) still cut there.
     */
    private static final String NAME_OPENING_STOPS = "中上下任个家和";

    /** The stop word at {@code st} is part of a word of the name, not a word of its own. */
    private static boolean insideAWord(String text, int from, int st, String word) {
        return word.equals("据") && st > from && NOUNS_ENDING_IN_JU.indexOf(text.charAt(st - 1)) >= 0
                || st == from && word.length() == 1 && NAME_OPENING_STOPS.indexOf(word.charAt(0)) >= 0;
    }

    private static final WordsByLastChar ALL_STOPS = new WordsByLastChar(STOP_WORDS);
    private static final WordsByLastChar STRONG_STOPS = new WordsByLastChar(STRONG_STOP_WORDS);

    /** Words indexed by their last character (at most 128 words). */
    private static final class WordsByLastChar {
        final String[] words;
        /** word indices by the low 8 bits of their last character (a look-up boxes nothing) */
        private final int[][] byLast = new int[256][];
        private final long[] lastBits = CharFilter.create();

        WordsByLastChar(String[] words) {
            if (words.length > 128) {
                throw new IllegalArgumentException("at most 128 words");
            }
            this.words = words.clone();
            for (int w = 0; w < words.length; w++) {
                char c = words[w].charAt(words[w].length() - 1);
                CharFilter.add(lastBits, c);
                int[] old = byLast[c & 0xFF];
                int[] now = old == null ? new int[1] : java.util.Arrays.copyOf(old, old.length + 1);
                now[now.length - 1] = w;
                byLast[c & 0xFF] = now;
            }
        }

        /**
         * Indices, in list order, of the words whose last character has the low bits of {@code c} (callers compare
         * the words), or null when no word ends with {@code c}.
         */
        int[] endingWith(char c) {
            return CharFilter.mayContain(lastBits, c) ? byLast[c & 0xFF] : null;
        }
    }

}
