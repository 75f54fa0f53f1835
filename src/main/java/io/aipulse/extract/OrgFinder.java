package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the organisations of one sentence: registry names and aliases (from the article's single
 * dictionary pass), legal and institutional names by their suffix (杭州力文所生物科技有限公司,
 * 门头沟区人民政府, 上海人形机器人制造业创新中心), and names introduced by a descriptor
 * ("AI 安全公司 Protect AI", "创业公司“灵奥科技”"). Media inside a "据 X 报道" dateline are left out.
 */
final class OrgFinder {

    /** Suffixes that end an organisation's name whatever precedes them (they are words of the lexicon). */
    static final Set<String> STRONG_SUFFIXES = Set.of(
            "股份有限公司", "有限责任公司", "有限公司", "集团", "研究院", "研究所", "实验室", "大学", "学院", "研究中心",
            "创新中心", "委员会", "管委会", "办公厅", "人民政府", "网信办", "联盟", "协会", "学会", "基金会", "出版社",
            "银行", "证券", "资本", "基金", "医院", "交易所");
    /** the legislatures and cabinets a place name opens (韩国国会, 欧洲议会, 香港立法会, 日本内阁) */
    static final List<String> LEGISLATURES = List.of("国会", "议会", "立法会", "内阁", "参议院", "众议院");
    /** the first characters of {@link #LEGISLATURES}: most characters after a place start none */
    private static final String LEGISLATURE_FIRSTS = LEGISLATURES.stream().map(l -> l.substring(0, 1))
            .collect(java.util.stream.Collectors.joining());
    /** what makes a 中心 after a place a building, not a body: "香港数据中心市场", "庆阳智算中心" (上海市大数据中心 is a body) */
    private static final List<String> FACILITIES = List.of("数据", "算力", "智算");

    private static boolean facility(String text, int from, int centre) {
        for (String f : FACILITIES) {
            int at = centre - f.length();
            if (at >= from && text.startsWith(f, at) && !(at > from && text.charAt(at - 1) == '大')) {
                return true;
            }
        }
        return false;
    }

    /** the suffixes of investors' names that also open everyday compounds */
    private static final Set<String> FINANCE_SUFFIXES = Set.of("资本", "基金", "证券");
    /**
     * what continues 资本 / 基金 / 证券 into a word of its own, which ends no name: "核心资本力量", "资本市场",
     * "资本开支", "证券化" (the commonest followers of 资本 in the corpus)
     */
    private static final Words FINANCE_COMPOUNDS = Words.of("市场", "开支", "支出", "盛宴", "寒冬", "叙事", "化", "热潮", "宠儿",
            "输血", "结构", "公积", "力量", "运作", "动能", "加持", "背书", "狂欢", "追捧");
    /** One-character suffixes of government bodies, accepted only after a place name (北京市经济和信息化局). */
    private static final String GOV_SUFFIX_CHARS = "局厅委办部署";
    /** words that open with one of {@link #GOV_SUFFIX_CHARS} and end no body's name: "中国制冷部件制造商", "全球局势" */
    private static final Words NOT_A_BODY = Words.of("部件", "部分", "局面", "局势", "办法", "办理", "委托", "署名");

    /** Descriptor + quoted Chinese name: 公司“力文所”. */
    private static final Pattern DESCRIBED_QUOTED = Pattern.compile(
            "(?:公司|企业|平台|机构|厂商|独角兽|品牌|团队|创业公司|初创公司|家名为|家名叫)\\s?[“「『]([^”“「」『』]{2,12})[”」』]");
    private static final Pattern PRODUCT_NAME_END = Pattern.compile("(?:平台|工具|功能|产品|应用|模型|系统|服务|助手|App)$");
    // the company-like names before a verb (新壹科技发布...), after 公司 (AI 搜索公司秘塔科技获得...) and opening a
    // round (无问芯穹完成...融资) are NamePatterns.HAN_NAME, DESCRIBED_HAN and FUNDED_NAME, matched by hand there
    private static final Pattern FUNCTION_CHARS = Pattern.compile("[均都会纷争相也还将正已在了的是被把让对向从]");
    /** a clause opening with a time phrase or an adverb has no name there ("全年共完成...", "刚刚完成...") */
    private static final Pattern ADVERB_START = Pattern.compile(
            "^(?:近日|日前|今日|今天|正式|已|也|将|于|今年|去年|此前|目前|本轮|旗下|宣布|近期|再次|还|在|于|的|是|和|与|及|等"
            + "|刚|全年|半年|上半年|下半年|本年|年内|同年|当年|共|累计|先后|分别|随后|同时|此后|之后|最终|成功|顺利|均"
            + "|便|就|才|亦|随即|又|再度|当时|披露|透露|公布|陆续|相继|纷纷"
            // "同样获得腾讯投资的...", "次年6月拿到种子轮融资", "大举扩编", "4月获知名基金...": adverbs and times
            + "|同样|次年|翌年|隔年|大举|一度|仍|\\d{1,2}\\s?月"
            // a time reached: "到去年10月拿到...融资"
            + "|到(?:今年|去年|前年|目前|现在)"
            // a span counted back: "三个月前刚拿下...融资", "半个月后"
            + "|[一二两三四五六七八九十几数半]+个?(?:月|年|天|日|周|星期)[前后内])");
    private static final Pattern HAN_NAME_BAD_START = Pattern.compile(
            "^(?:一家|一个|一批|另一|首家|多|几|两|数|各|该|这|某|其|本|此|国内|国外|全球|我国|中国|各大|头部|行业|以|在|而|但|并|据|由|对|从|大|老|原|前)");

    /** Names that are descriptions, not organisations. */
    private static final Set<String> GENERIC = Set.of(
            "公司", "本公司", "该公司", "子公司", "母公司", "上市公司", "创业公司", "初创公司", "科技公司", "互联网公司",
            "国内", "国外", "全球", "我国", "中国", "企业", "用户", "他们", "我们", "大家", "业内", "行业", "双方",
            "官方", "研究人员", "团队", "国家", "政府", "地方政府", "市政府", "重点实验室", "实验室", "研究院", "大学",
            "高校", "银行", "证券", "基金", "资本", "集团", "联盟", "协会", "人工智能", "头部企业", "巨头", "多家", "几家",
            "两家", "数家", "各家", "一家", "多个", "这家", "该", "其", "相关", "有关", "不完全", "初步", "公开", "创投",
            "投资方", "投资人", "机构", "平台", "项目", "赛道", "领域", "初创企业", "创业企业",
            // a document, never its publisher: "报告发布|《...报告》..."
            "报告", "白皮书", "蓝皮书",
            // a legal form, never a name on its own ("...联合控股有限公司" cut after 联合)
            "控股",
            // the parties of a deal as its filing calls them: "目标公司为AI技术公司", "卖方"
            "目标", "目标公司", "买方", "卖方", "标的", "标的公司",
            // kinds of fund, which describe the fund named next ("私募基金「幻方量化」旗下公司深度求索")
            "私募基金", "产业基金", "母基金", "投资基金", "主权基金", "对冲基金");

    /** the two-character endings of company names, which no registry name inside a longer name runs into */
    private static final List<String> TWO_CHARACTER_ENDINGS = List.of("科技", "智能", "智造", "电子", "集团", "股份", "控股", "网络",
            "数据", "信息", "软件", "医疗", "生物", "汽车");

    /**
     * "蓝思科技" holds 思科 (Cisco) across the word 科技: a registry name inside a run of Han characters whose last
     * character opens a company's ending with the next one is part of another name.
     */
    static boolean straddlesSuffix(String text, int start, int end) {
        if (start == 0 || end >= text.length() || !Character.isIdeographic(text.charAt(start - 1))) {
            return false;
        }
        for (String e : TWO_CHARACTER_ENDINGS) {
            if (text.charAt(end - 1) == e.charAt(0) && text.charAt(end) == e.charAt(1)) {
                return true;
            }
        }
        return false;
    }

    private final Knowledge knowledge;

    OrgFinder(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /**
     * Organisations in {@code [from, to)}, left to right, not overlapping.
     *
     * @param hits the article's dictionary hits, sorted by start
     */
    List<OrgMention> find(String text, List<Knowledge.Hit> hits, int from, int to) {
        List<OrgMention> out = new ArrayList<>();
        // 1. registry names: longest first, no overlaps
        List<Knowledge.Hit> orgHits = new ArrayList<>();
        List<Knowledge.Hit> places = new ArrayList<>();
        for (Knowledge.Hit h : hitsIn(hits, from, to)) {
            if (h.term().kind() == Knowledge.Kind.ORG) {
                orgHits.add(h);
            } else if (h.term().kind() == Knowledge.Kind.CITY || h.term().kind() == Knowledge.Kind.DISTRICT
                    || h.term().kind() == Knowledge.Kind.COUNTRY) {
                places.add(h);
            }
        }
        orgHits.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                : Integer.compare(b.end() - b.start(), a.end() - a.start()));
        for (Knowledge.Hit h : orgHits) {
            if (h.end() - h.start() < 2 || overlaps(out, h.start(), h.end())) {
                continue;
            }
            if (longerOrgCovers(orgHits, h) || insideAmount(text, h.start(), h.end()) || everydayWord(text, h)
                    || straddlesSuffix(text, h.start(), h.end())) {
                continue;
            }
            int local = localStart(text, places, h);
            if (local >= 0) {
                // "浙江省发改委", "上海市网信办": a place before a national body's short name is the place's own body
                out.add(new OrgMention(local, h.end(), text.substring(local, h.end()), null, null, null,
                        OrgMention.LEGAL, false));
                continue;
            }
            out.add(new OrgMention(h.start(), h.end(), h.term().company().name(), h.term().company(), null, null,
                    OrgMention.REGISTRY, false));
        }
        // 2. legal and institutional names by suffix (the suffixes come from the dictionary pass)
        List<int[]> strong = new ArrayList<>();
        for (Knowledge.Hit h : hitsIn(hits, from, to)) {
            if (h.term().kind() == Knowledge.Kind.WORD && STRONG_SUFFIXES.contains(h.term().key())) {
                strong.add(new int[] {h.start(), h.end()});
            }
        }
        // "基金会" starts with "基金": of two suffixes found at one place, the longer ends the name (盖茨基金会)
        strong.removeIf(a -> strong.stream().anyMatch(b -> b[0] == a[0] && b[1] > a[1]));
        legalNames(text, from, strong, places, out, false);
        List<int[]> gov = new ArrayList<>();
        for (Knowledge.Hit p : places) {
            int limit = Math.min(to, p.end() + 16);
            for (int i = p.end(); i < limit; i++) {
                char c = text.charAt(i);
                if (!Character.isIdeographic(c)) {
                    break;
                }
                int len = GOV_SUFFIX_CHARS.indexOf(c) >= 0 && !NOT_A_BODY.in(text, i, Math.min(to, i + 2)) ? 1 : 0;
                if (c == '政' && i + 1 < limit && text.charAt(i + 1) == '府' || c == '中' && i + 1 < limit
                        && text.charAt(i + 1) == '心' && !facility(text, p.end(), i)) {
                    len = 2;
                }
                if (LEGISLATURE_FIRSTS.indexOf(c) >= 0) {
                    for (String legislature : LEGISLATURES) { // 韩国国会, 欧洲议会, 香港立法会
                        if (i + legislature.length() <= limit && text.startsWith(legislature, i)) {
                            len = legislature.length();
                        }
                    }
                }
                if (len > 0) {
                    gov.add(new int[] {i, i + len});
                }
            }
        }
        legalNames(text, from, gov, places, out, true);
        // 3. described names
        int marks = marks(text, from, to);
        Matcher m;
        if ((marks & QUOTE) != 0) {
            m = DESCRIBED_QUOTED.matcher(text).useTransparentBounds(true);
            for (int i = 0; i < to - from; i++) {
                char q = text.charAt(from + i);
                if (q != '“' && q != '「' && q != '『' || !quotedDescriptorBefore(text, from, from + i)) {
                    continue;
                }
                // the descriptor right before the quote: try the pattern from a few characters back
                for (int back = Math.max(0, i - 5); back < i; back++) {
                    if (m.region(from + back, to).lookingAt() && m.start(1) == from + i + 1) {
                        if (!PRODUCT_NAME_END.matcher(m.group(1)).find()) {
                            addNamed(out, text, m.start(1), m.end(1), OrgMention.DESCRIPTOR);
                        }
                        break;
                    }
                }
            }
        }
        namedAs(text, from, to, out);
        listedAsCompanies(text, from, to, out);
        listedAsActors(text, from, to, hits, places, out);
        if ((marks & COMPANY) != 0) {
            int pos = from;
            NamePatterns.Found d;
            while ((d = NamePatterns.describedHan(text, pos, to)) != null) {
                pos = d.matchEnd();
                String n = text.substring(d.start(), d.end());
                if (!GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find() && !ADVERB_START.matcher(n).find()
                        && !FUNCTION_CHARS.matcher(n).find()) {
                    addNamed(out, text, d.start(), d.end(), OrgMention.DESCRIPTOR);
                }
            }
        }
        boolean funding = (marks & FUNDING) != 0;
        boolean acting = NamePatterns.ACTING_ANCHORS.in(text, from, to);
        for (int p = from; p < to; p++) {
            // "...的是“首镜科技”,3月3日完成...": what a clause says with ...的是 names its actor after it, as a clause start
            boolean clauseStart = p == from || clauseMark(text.charAt(p - 1))
                    || p - 2 >= from && text.charAt(p - 1) == '是' && text.charAt(p - 2) == '的';
            // "成立仅5个月的它石智航宣布完成...融资": a round's company may follow its description's 的, or the
            // descriptor itself ("AI视频生成平台爱诗完成...", "陪伴机器人研发商X 7月完成...")
            // the descriptor is looked for only where a name can follow it (a sentence with a round or an acting verb)
            boolean descriptor = !clauseStart && (funding || acting) && descriptorEndsAt(text, from, p);
            boolean described = funding && !clauseStart && (text.charAt(p - 1) == '的' || descriptor);
            if (!clauseStart && !described && !descriptor) {
                continue;
            }
            if (clauseStart) {
                quotedOpening(text, hits, p, to, out);
            }
            NamePatterns.Found h = clauseStart ? NamePatterns.hanName(text, p, to) : null;
            if (h != null) {
                int start = afterDescriptor(text, h.start(), h.end());
                String n = text.substring(start, h.end());
                if (!n.contains("人工智能") && !GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find()) {
                    addNamed(out, text, start, h.end(), OrgMention.FALLBACK);
                }
            } else {
                NamePatterns.Found f = funding ? NamePatterns.fundedName(text, p, to) : null;
                if (f == null && acting && (clauseStart || descriptor) && !overlaps(out, p, p + 2)) {
                    // "深度视界发布...", "星海图(Galaxea)完成...", "初创企业深度视界推出...": an unknown name opening a clause
                    // or following its descriptor, with an event's verb
                    f = NamePatterns.actingName(text, p, to);
                    if (f != null && !plausibleActor(text, hits, places, f.start(), f.end())) {
                        f = null;
                    }
                }
                if (f != null) {
                    // "无问芯穹完成近5亿元A轮融资": an unknown name opening the clause of a round
                    String n = text.substring(f.start(), f.end());
                    if (!GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find()
                            && !ADVERB_START.matcher(n).find() && !FUNCTION_CHARS.matcher(n).find()
                            && !isPlace(places, f.start(), f.end()) && !n.contains("人工智能")) {
                        addNamed(out, text, f.start(), f.end(), OrgMention.FALLBACK);
                    }
                }
            }
        }
        stockCodedNames(text, from, to, out);
        filingNames(text, from, to, out);
        latinNames(text, from, to, hits, out);
        out.sort((a, b) -> Integer.compare(a.start(), b.start()));
        // 4. what the text says about where they are
        List<OrgMention> placed = new ArrayList<>(out.size());
        for (OrgMention o : out) {
            placed.add(locate(text, o, places, hits));
        }
        return placed;
    }

    /** the descriptors that can open a clause before the name they describe ("初创企业星衡机器人发布...") */
    static final List<String> OPENING_DESCRIPTORS = List.of(
        "公司", "企业", "厂商", "独角兽", "开发商", "制造商", "供应商", "服务商", "提供商", "研发商",
        // the companies of a trade by its short name: 药企 (drug makers), 车企 (carmakers), 险企 (insurers), 房企
        "药企", "车企", "险企", "房企");

    /**
     * "初创企业星衡机器人发布...": a company-like name read from the clause start may begin with its descriptor; the
     * name is what follows the last one, when at least two characters and the company ending remain.
     */
    private static int afterDescriptor(String text, int start, int end) {
        int best = start;
        // inside the name only (lastIndexOf would read back to the start of the text)
        for (int at = start + 1; at < end; at++) {
            for (String d : OPENING_DESCRIPTORS) {
                int after = at + d.length();
                if (after + 2 < end && after > best && text.startsWith(d, at) && NamePatterns.hasCompanySuffix(text, after, end)) {
                    best = after;
                }
            }
        }
        return best;
    }

    /** the last characters of the descriptors of {@link #DESCRIBED_QUOTED} */
    private static final String QUOTED_DESCRIPTOR_ENDS = "司业台构商兽牌队为叫";

    /**
     * One of {@link #DESCRIBED_QUOTED}'s descriptors may end right before the quote at {@code quote} (or before a
     * space there): without one the pattern, tried from five places back, cannot take this quote.
     */
    private static boolean quotedDescriptorBefore(String text, int from, int quote) {
        int d = quote - 1;
        if (d >= from && NamePatterns.isRegexSpace(text.charAt(d))) {
            d--;
        }
        return d >= from && QUOTED_DESCRIPTOR_ENDS.indexOf(text.charAt(d)) >= 0;
    }

    /** what may stand between a filing company's name and 向: its word 公司, a time, an adverb */
    private static final List<String> BEFORE_FILING = List.of("公司", "近期", "近日", "日前", "今日", "今天", "昨日", "已经", "已",
            "正式", "再次", "再度", "也", " ");

    /**
     * "微脉公司,近期向港交所主板递交了招股书", "特斯联向港交所递交招股书": the Han name of two to eight characters that
     * opens a clause and hands an exchange its filing is the listing company.
     */
    private void filingNames(String text, int from, int to, List<OrgMention> out) {
        for (int i = from + 2; i < to; i++) {
            if (text.charAt(i) != '向') {
                continue; // not indexOf: it would look past the sentence, to the end of the text, for every sentence
            }
            int x = i + 1;
            String exchange = null;
            for (String e : IpoStageParser.EXCHANGES) {
                if (text.startsWith(e, x)) {
                    exchange = e;
                    break;
                }
            }
            if (exchange == null) {
                continue;
            }
            int v = x + exchange.length();
            v = text.startsWith("主板", v) ? v + 2 : v;
            if (!Cues.opensWith(text, v, Math.min(to, v + 4), IpoStageParser.FILING_VERBS)) {
                continue;
            }
            int e = Cues.withoutTrailing(text, from, i, BEFORE_FILING);
            if (e > from && (text.charAt(e - 1) == ',' || text.charAt(e - 1) == '，')) {
                // "微脉公司,近期向港交所...": the name's clause before the comma
                e = Cues.withoutTrailing(text, from, e - 1, BEFORE_FILING);
            }
            int st = e;
            while (st > from && e - st < 8 && NamePatterns.isHan(text.charAt(st - 1))) {
                st--;
            }
            // "...健康管家——微脉公司,": a dash introduces the name its description ends with
            if (e - st < 2 || st > from && !clauseMark(text.charAt(st - 1)) && text.charAt(st - 1) != '—') {
                continue;
            }
            String n = text.substring(st, e);
            if (!GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find() && !ADVERB_START.matcher(n).find()
                    && !FUNCTION_CHARS.matcher(n).find()) {
                addNamed(out, text, st, e, OrgMention.FALLBACK);
            }
        }
    }

    /**
     * a stock code in parentheses: "(02533.HK)", "(688795.SH)", "(00800-HK)", "(沪:601136)"; or bare, as Hong Kong and
     * Taiwan papers print it ("云迹(2670)", "台达电(2308)"), unless it reads as a year ("(2024)")
     */
    private static final Pattern STOCK_CODE = Pattern.compile("[(（]\\s?(?:[沪深港]\\s?[:：]\\s?)?(\\d{4,6})\\s?([-.]?\\s?(?:HK|SH|SZ|BJ|TW))?\\s?[)）]");

    /**
     * "2024年8月8日,黑芝麻智能(02533.HK)在港交所...": the Han name of two to eight characters that opens a clause
     * right before a stock code is a listed company.
     */
    private void stockCodedNames(String text, int from, int to, List<OrgMention> out) {
        Matcher m = null;
        for (int i = from + 2; i < to; i++) {
            if (text.charAt(i) != '(' && text.charAt(i) != '（') {
                continue;
            }
            if (m == null) {
                m = STOCK_CODE.matcher(text);
            }
            if (!m.region(i, to).lookingAt() || m.group(2) == null && looksLikeYear(m.group(1))) {
                continue;
            }
            int e = text.charAt(i - 1) == ' ' ? i - 1 : i;
            int st = e;
            while (st > from && e - st < STOCK_NAME_REACH && NamePatterns.isHan(text.charAt(st - 1))) {
                st--;
            }
            int described = afterLastDescriptor(text, st, e);
            if (described >= 0) {
                st = described; // "激光雷达解决方案提供商图达通(02665.HK)": the name follows its descriptor
            } else if (e - st < 2 || e - st > 8 || st > from && !clauseMark(text.charAt(st - 1)) && text.charAt(st - 1) != '、') {
                continue; // a name opens a clause or an item of a list ("纳芯微(02676.HK)、图达通(02665.HK)")
            }
            String n = text.substring(st, e);
            if (!GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find() && !ADVERB_START.matcher(n).find()
                    && !FUNCTION_CHARS.matcher(n).find()) {
                addNamed(out, text, st, e, OrgMention.FALLBACK);
            }
        }
    }

    /** how far before a stock code a name and its descriptor are read */
    private static final int STOCK_NAME_REACH = 16;

    /** Where the name after the last {@link #OPENING_DESCRIPTORS} in {@code [from, to)} starts (two characters left), or -1. */
    private static int afterLastDescriptor(String text, int from, int to) {
        for (int end = to - 2; end > from; end--) {
            for (String d : OPENING_DESCRIPTORS) {
                if (end - d.length() >= from && text.startsWith(d, end - d.length())) {
                    return end;
                }
            }
        }
        return -1;
    }

    private static boolean looksLikeYear(String digits) {
        return digits.length() == 4 && (digits.startsWith("19") || digits.startsWith("20"));
    }

    private static final int QUOTE = 1;
    private static final int COMPANY = 2;
    private static final int FUNDING = 4;

    /**
     * What the sentence holds, in one pass and without copying it: an opening quote (“「『), 公司 or 独角兽,
     * 融资. These decide which of the finders below can match at all.
     */
    private static int marks(String text, int from, int to) {
        int marks = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c == '“' || c == '「' || c == '『') {
                marks |= QUOTE;
            } else if (i + 1 < to && (c == '公' && text.charAt(i + 1) == '司'
                    || (c == '融' || c == '投') && text.charAt(i + 1) == '资')) {
                marks |= c == '公' ? COMPANY : FUNDING;
            } else if (c == '独' && text.startsWith("独角兽", i) && i + 3 <= to) {
                marks |= COMPANY;
            }
        }
        return marks;
    }

    /** a province or autonomous region right before a body's name: 浙江省, 黑龙江省, 广西壮族自治区 */
    private static final Pattern PROVINCE_BEFORE = Pattern.compile("(?:黑龙江|内蒙古|[\\p{IsHan}]{2})省$|[\\p{IsHan}]{2,4}自治区$");

    /**
     * Where the city or province that ends where a national government body's short name starts begins, or -1:
     * the gazetteer's cities, and provinces by their 省 / 自治区.
     */
    private static int localStart(String text, List<Knowledge.Hit> places, Knowledge.Hit body) {
        Company c = body.term().company();
        if (c == null || !"government".equals(c.kind()) || !"national".equals(c.city())) {
            return -1;
        }
        for (Knowledge.Hit p : places) {
            if (p.end() == body.start() && p.term().kind() == Knowledge.Kind.CITY) {
                return p.start();
            }
        }
        Matcher m = PROVINCE_BEFORE.matcher(text.substring(Math.max(0, body.start() - 7), body.start()));
        if (m.find()) {
            return body.start() - (m.end() - m.start());
        }
        // "省国资委出台《...》", "市数据局牵头起草": the article's own province or city, named before (not 各省, each one's)
        int at = body.start() - 1;
        return at >= 0 && (text.charAt(at) == '省' || text.charAt(at) == '市') && (at == 0 || text.charAt(at - 1) != '各')
                ? at : -1;
    }

    /** a quoted epithet, not a name: "“全球大模型第一股”", "“AI概念股龙头”" */
    private static final Pattern DESCRIPTION_END = Pattern.compile("(?:第一股|第一|概念股|龙头|独角兽)$");
    /** the longest quoted name that opens a clause as its subject */
    private static final int MAX_QUOTED_NAME = 12;

    /**
     * "「奇点灵智」已于近期完成...": a quoted Chinese name opening a clause right before a verb is its subject's name
     * (a quoted Latin name there is as often a model or a product: "「Nano Banana」在...榜单中位居首位").
     */
    private void quotedOpening(String text, List<Knowledge.Hit> hits, int p, int to, List<OrgMention> out) {
        int q = p < to && text.charAt(p) == ' ' ? p + 1 : p;
        if (q >= to || "“「『".indexOf(text.charAt(q)) < 0) {
            return;
        }
        for (int e = q + 3; e < Math.min(to, q + 2 + MAX_QUOTED_NAME); e++) {
            char c = text.charAt(e);
            if (c == '”' || c == '」' || c == '』') {
                String name = text.substring(q + 1, e);
                if (NamePatterns.datedVerbAt(text, e + 1, to) && !FUNCTION_CHARS.matcher(name).find()
                        && !PRODUCT_NAME_END.matcher(name).find() && !modelIn(hits, q + 1, e)
                        && !DESCRIPTION_END.matcher(name).find() && NamePatterns.isHan(name.charAt(0))) {
                    addNamed(out, text, q + 1, e, OrgMention.DESCRIPTOR);
                }
                return;
            }
            if (c == '“' || c == '「' || c == '，' || c == ',' || c == '。') {
                return;
            }
        }
    }

    /** a catalogue model inside {@code [from, to)}: "“文心一言”正式上线" quotes a model, not its maker */
    private static boolean modelIn(List<Knowledge.Hit> hits, int from, int to) {
        for (Knowledge.Hit h : hitsIn(hits, from, to)) {
            if (h.term().kind() == Knowledge.Kind.MODEL) {
                return true;
            }
        }
        return false;
    }

    /** "一家名为深度赋智的AI公司": the name a text introduces, without quotes, up to the 的 of its description. */
    private static final Pattern NAMED_AS = Pattern.compile("(?:名为|名叫|叫做)\\s?([\\p{IsHan}A-Za-z0-9]{2,10}?"
            // a Latin name of a few words or a path-like one ("Glass Bead Games", "/dev/agents"), its gloss in parentheses
            + "|[A-Za-z0-9./][A-Za-z0-9./\\-]*(?:\\s[A-Za-z0-9][A-Za-z0-9.\\-]*){0,3}?)\\s?(?:[(（][^()（）]{1,20}[)）])?\\s?的");

    private void namedAs(String text, int from, int to, List<OrgMention> out) {
        Matcher m = null;
        for (int i = text.indexOf('名', from); i >= 0 && i < to; i = text.indexOf('名', i + 1)) {
            if (i + 1 >= to || text.charAt(i + 1) != '为' && text.charAt(i + 1) != '叫') {
                continue;
            }
            if (m == null) {
                m = NAMED_AS.matcher(text);
            }
            if (m.region(i, to).lookingAt() && !FUNCTION_CHARS.matcher(m.group(1)).find()) {
                addNamed(out, text, m.start(1), m.end(1), OrgMention.DESCRIPTOR);
            }
        }
    }

    /** how far after 包括 the words that call the list companies may end */
    private static final int LIST_REACH = 90;
    /** the nouns that call a list's items organisations ("这四家中国公司", "等企业") */
    private static final String[] LIST_NOUNS = {"公司", "企业", "机构", "厂商"};

    /**
     * "包括联众集群、西安丽科创新、安怀信及思腾合力这四家中国公司", "包括A和B等企业": a list the text itself calls
     * companies names an organisation with each item; the last item is cut at its conjunction.
     */
    private void listedAsCompanies(String text, int from, int to, List<OrgMention> out) {
        for (int i = indexIn(text, "包括", from, to); i >= 0; i = indexIn(text, "包括", i + 2, to)) {
            int listStart = i + 2;
            int end = listStart;
            while (end < to && end - listStart < LIST_REACH && "，。；,;：:".indexOf(text.charAt(end)) < 0) {
                end++;
            }
            int marker = listEnd(text, listStart, end);
            if (marker < 0) {
                continue;
            }
            int itemStart = listStart;
            for (int k = listStart; k <= marker; k++) {
                if (k < marker && text.charAt(k) != '、') {
                    continue;
                }
                int itemEnd = k;
                if (k == marker && itemStart > listStart) {
                    // the last item: "安怀信及思腾合力" holds the conjunction
                    int conj = conjunction(text, itemStart, itemEnd);
                    if (conj > itemStart) {
                        addListed(out, text, itemStart, conj);
                        itemStart = conj + (text.startsWith("以及", conj) ? 2 : 1);
                    }
                }
                addListed(out, text, itemStart, itemEnd);
                itemStart = k + 1;
            }
        }
    }

    /** the words after a list that make each of its items act: "A、B相继宣布…", "A、B这两家公司也…" */
    private static final String[] EACH_ACTS = {"相继", "陆续", "分别", "纷纷", "先后", "均", "都"};
    /** the longest item of a list of names */
    private static final int LIST_ITEM = 12;

    /**
     * "鹿明机器人、蓝霄航空相继宣布…", "众擎机器人、自变量机器人这两家深圳机器人公司也…": a list opening a clause whose
     * items then act each, or which the text calls companies, names an organisation per item.
     */
    private void listedAsActors(String text, int from, int to, List<Knowledge.Hit> hits, List<Knowledge.Hit> places,
                                List<OrgMention> out) {
        int p = from;
        while (p < to) {
            int first = indexIn(text, "、", p, to);
            if (first < 0) {
                return;
            }
            int start = first;
            while (start > p && first - start < LIST_ITEM && !clauseMark(text.charAt(start - 1))) {
                start--;
            }
            if (start > from && !clauseMark(text.charAt(start - 1)) || first - start < 2) {
                p = first + 1;
                continue;
            }
            int last = first;
            for (int k = first + 1; k < to && k - last <= LIST_ITEM && !clauseMark(text.charAt(k)); k++) {
                if (text.charAt(k) == '、') {
                    last = k;
                }
            }
            int end = itemsEnd(text, last + 1, Math.min(to, last + 1 + LIST_ITEM + 8));
            if (end > last + 2) {
                List<int[]> items = new ArrayList<>();
                int itemStart = start;
                for (int k = start; k <= end; k++) {
                    if (k == end || text.charAt(k) == '、') {
                        int e = k > itemStart && text.charAt(k - 1) == '等' ? k - 1 : k;
                        items.add(new int[] {itemStart, e});
                        itemStart = k + 1;
                    }
                }
                if (companyList(text, items, hits, places)) {
                    for (int[] item : items) {
                        addListed(out, text, item[0], item[1]);
                    }
                }
            }
            p = last + 1;
        }
    }

    /**
     * A list of companies, not of places, products or fields: no item is a place or a word of the lexicon, and one
     * at least is a registry name or has a company's ending (机器人, 科技...).
     */
    private boolean companyList(String text, List<int[]> items, List<Knowledge.Hit> hits, List<Knowledge.Hit> places) {
        boolean company = false;
        for (int[] item : items) {
            if (item[1] - item[0] < 2 || isPlace(places, item[0], item[1])) {
                return false;
            }
            for (Knowledge.Hit h : hitsIn(hits, item[0], item[1])) {
                if (h.start() == item[0] && h.end() == item[1]) {
                    if (h.term().kind() != Knowledge.Kind.ORG) {
                        return false; // a model, a sector word, a place: the list is not of companies
                    }
                    company = true;
                }
            }
            company |= NamePatterns.hasCompanySuffix(text, item[0], item[1]);
        }
        return company;
    }

    /** Where the last item of a list ends: before a word of {@link #EACH_ACTS}, 这N家 or 等; -1 when none. */
    private static int itemsEnd(String text, int from, int to) {
        int marker = listEnd(text, from - 1, to);
        for (int k = from + 2; k < to; k++) {
            for (String w : EACH_ACTS) {
                if (text.startsWith(w, k) && k + w.length() <= to) {
                    return marker >= 0 && marker < k ? marker : k;
                }
            }
            if (k == marker) {
                return k;
            }
        }
        return -1;
    }

    /** Where "这N家...公司" or "等...企业" starts in {@code [from, to)} after at least one 、, or -1. */
    private static int listEnd(String text, int from, int to) {
        if (indexIn(text, "、", from, to) < 0) {
            return -1;
        }
        for (int k = from + 2; k < to; k++) {
            char c = text.charAt(k);
            if (c != '这' && c != '等') {
                continue;
            }
            int n = k + 1;
            while (n < to && n - k <= 8 && !nounAt(text, n, to)) {
                n++;
            }
            if (n < to && nounAt(text, n, to)) {
                return k;
            }
        }
        return -1;
    }

    /** {@code text.indexOf(word, from)} when it ends before {@code to}, else -1; reads no further than {@code to}. */
    private static int indexIn(String text, String word, int from, int to) {
        char first = word.charAt(0);
        for (int i = from; i + word.length() <= to; i++) {
            if (text.charAt(i) == first && text.startsWith(word, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean nounAt(String text, int at, int to) {
        for (String w : LIST_NOUNS) {
            if (at + w.length() <= to && text.startsWith(w, at)) {
                return true;
            }
        }
        return false;
    }

    /** The first 及/和/与 of {@code [from, to)}, or -1. */
    private static int conjunction(String text, int from, int to) {
        for (int k = from + 2; k < to - 1; k++) {
            char c = text.charAt(k);
            if (c == '及' || c == '和' || c == '与' || c == '以' && text.charAt(k + 1) == '及') {
                return k;
            }
        }
        return -1;
    }

    private void addListed(List<OrgMention> out, String text, int s, int e) {
        while (s < e && text.charAt(s) == ' ') {
            s++;
        }
        while (e > s && text.charAt(e - 1) == ' ') {
            e--;
        }
        if (e - s >= 2 && e - s <= 12 && !FUNCTION_CHARS.matcher(text.substring(s, e)).find()) {
            addNamed(out, text, s, e, OrgMention.DESCRIPTOR);
        }
    }

    /** A character after which a clause starts: ",;:，。；：" or a line break. */
    /** Punctuation after which a clause, and so a name, can start; list bullets and reference marks too. */
    /**
     * A name guessed only from the verb after it is an actor when nothing says it is a word of the sentence: no
     * discourse word opens it ("虽然", "包括", "通过"), no common noun ends it ("知名企业", "自动驾驶行业"), no
     * conjunction is in it ("闭源和"), it is no place's area ("北京地区") and no product or model the dictionary knows
     * (微信, whose maker the release rules name).
     */
    private static boolean plausibleActor(String text, List<Knowledge.Hit> hits, List<Knowledge.Hit> places, int s, int e) {
        String n = text.substring(s, e);
        if (!namedAgain(text, n, s, e)) {
            return false; // named once only: a phrase of this sentence rather than the name the article is about
        }
        if (DISCOURSE_START.matcher(n).find() || COMMON_NOUN_END.matcher(n).find() || ADVERB_INSIDE.matcher(n).find()
                || n.indexOf('和') >= 0
                || n.indexOf('与') >= 0 || n.indexOf('及') >= 0 || n.indexOf('或') >= 0) {
            return false;
        }
        for (Knowledge.Hit h : places) {
            if (h.start() == s) {
                return false;
            }
        }
        for (Knowledge.Hit h : hitsIn(hits, s, e)) {
            if (h.term().kind() == Knowledge.Kind.MODEL && h.start() < e && h.end() > s) {
                return false;
            }
        }
        return true;
    }

    /** how far around a guessed name another mention of it is looked for (bounded: the work per mention stays flat) */
    private static final int AGAIN_REACH = 1500;

    /** {@code n} at {@code [s, e)} is named again within {@link #AGAIN_REACH} characters before or after it. */
    private static boolean namedAgain(String text, String n, int s, int e) {
        // searched in place: no copy of the text around each guess (a page of guesses would allocate megabytes);
        // the first character is compared before the whole name (3,000 calls of startsWith per guess cost more)
        char first = n.charAt(0);
        for (int i = Math.max(0, s - AGAIN_REACH); i + n.length() <= s; i++) {
            if (text.charAt(i) == first && text.startsWith(n, i)) {
                return true;
            }
        }
        int last = Math.min(text.length(), e + AGAIN_REACH) - n.length();
        for (int i = e; i <= last; i++) {
            if (text.charAt(i) == first && text.startsWith(n, i)) {
                return true;
            }
        }
        return false;
    }

    /** the words that open a clause of discourse, not a name */
    private static final Pattern DISCOURSE_START = Pattern.compile("^(?:虽然|虽|但是|但|不过|包括|通过|支持|所有|拒绝|试图|最后|最终|为了"
            + "|如果|随着|因为|由于|然而|此外|另外|同时|其中|其他|其余|任何|知名|一些|部分|不少|许多|更多|主要|尤其|特别|甚至|只有|只是"
            + "|除了|对于|关于|根据|按照|作为|已经|如今|目前|当前|未来|过去|随后|接着|首先|其次|再|更|也|还|又|不|没|未"
            + "|预期|预计|预估|计划|打算|准备|有望|将|例如|比如|譬如"
            // the verbs a work plan's items open with ("推动发布...指导意见", "加快建设..."): what is to be done, no name
            + "|推动|推进|加快|加强|鼓励|引导|促进|深化|推广|开展|组织|完善|提升|强化|落实|统筹|培育|打造|积极|大力)");
    /** the adverbs and times a name never holds ("二者先后", "密集赴港", "上周五") */
    private static final Pattern ADVERB_INSIDE = Pattern.compile("先后|分别|相继|陆续|纷纷|积极|密集|明确|正在|已经|不断|持续|逐步|大力"
            + "|加快|共同|联合|一起|各自|一旦|要么|二者|两者|三者|上周|本周|下周|上月|本月|下月|周[一二三四五六日末]|星期|就"
            + "|今年|明年|去年|今天|明天|昨天");
    /** the nouns that end a description, not a name */
    private static final Pattern COMMON_NOUN_END = Pattern.compile("(?:企业|公司|行业|地区|机构|平台|模型|产品|团队|厂商|巨头|品牌|部门"
            + "|市场|领域|国家|政府|方面|用户|客户|人士|专家|媒体|报道|消息|官方|双方|各方|项目|技术|系统|版本|功能|服务|芯片|手机)$");

    private static boolean clauseMark(char c) {
        if (c >= '\u4e00' && c <= '\u9fff') {
            return false; // most characters: a Han ideograph, none of the marks (asked at every place of a sentence)
        }
        return c == ',' || c == ';' || c == ':' || c == '，' || c == '。' || c == '；' || c == '：' || c == '\n'
                || c == '-' || c == '•' || c == '●' || c == '▲' || c == '■' || c == ']' || c == '】' || c == '|' || c == '｜'
                // "另一家公司——行者无疆,2月27日完成...": a dash sets a name off as an apposition
                || c == '—';
    }

    /**
     * A short Han or Latin name a pattern delimits on its own ("领投了灵犀动力的...融资"): two to twelve characters,
     * no description, adverb or function word.
     */
    static boolean plausibleName(String n) {
        return n.length() >= 2 && n.length() <= 12 && !GENERIC.contains(n) && !HAN_NAME_BAD_START.matcher(n).find()
                && !ADVERB_START.matcher(n).find() && !FUNCTION_CHARS.matcher(n).find() && !n.contains("人工智能")
                && n.chars().allMatch(c -> NamePatterns.isHan((char) c) || c < 128 && Character.isLetterOrDigit(c) || c == ' ');
    }

    /** Registry entry for a name the text gives, trying the name and its stripped form. */
    Company lookup(String name) {
        return knowledge.company(name).orElse(null);
    }

    /**
     * Registry names that are also everyday words ({@code everyday-names.csv}): the word, not the
     * organisation, when the neighbouring characters say so.
     */
    private boolean everydayWord(String text, Knowledge.Hit h) {
        int length = h.end() - h.start();
        for (Knowledge.EverydayName e : knowledge.everydayNames()) {
            // e.name().equalsIgnoreCase(surface), without cutting the surface out
            if (e.name().length() != length || !text.regionMatches(true, h.start(), e.name(), 0, length)) {
                continue;
            }
            if (!e.before().isEmpty() && h.start() > 0 && e.before().indexOf(text.charAt(h.start() - 1)) >= 0) {
                return true;
            }
            // a Latin name and the word after it are written with a space between ("MIT License")
            int next = h.end() < text.length() && text.charAt(h.end()) == ' ' ? h.end() + 1 : h.end();
            for (String after : e.after()) {
                if (text.startsWith(after, h.end()) || text.startsWith(after, next)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** "6 亿欧元" holds 亿欧: a name glued to a number and a currency is part of the amount. */
    private static boolean insideAmount(String text, int start, int end) {
        int b = start - 1;
        while (b >= 0 && text.charAt(b) == ' ') {
            b--;
        }
        boolean numberBefore = b >= 0 && (Character.isDigit(text.charAt(b)) || "数几十百千万".indexOf(text.charAt(b)) >= 0);
        return numberBefore && end < text.length() && (text.charAt(end) == '元' || text.charAt(end) == '币');
    }

    private static boolean isPlace(List<Knowledge.Hit> places, int start, int end) {
        for (Knowledge.Hit p : places) {
            if (p.start() <= start && p.end() >= end) {
                return true;
            }
        }
        return false;
    }

    private static boolean longerOrgCovers(List<Knowledge.Hit> orgHits, Knowledge.Hit h) {
        for (Knowledge.Hit o : orgHits) {
            if (o != h && o.start() <= h.start() && o.end() >= h.end() && o.end() - o.start() > h.end() - h.start()) {
                return true;
            }
        }
        return false;
    }

    /** Index of the first hit starting at or after {@code from} (hits sorted by start). */
    static int firstAt(List<Knowledge.Hit> hits, int from) {
        if (hits instanceof HitList list) {
            return list.firstAt(from);
        }
        int lo = 0;
        int hi = hits.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (hits.get(mid).start() < from) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The hits that lie inside {@code [from, to)}, in order: a view of {@code hits} when none of those that
     * start there reaches past {@code to} (the usual case, so most calls copy nothing), else a copy without them.
     */
    static List<Knowledge.Hit> hitsIn(List<Knowledge.Hit> hits, int from, int to) {
        int first = firstAt(hits, from);
        int last = first;
        boolean past = false;
        if (hits instanceof HitList list) { // the bounds from its arrays: no hit is read
            while (last < list.size() && list.startOf(last) < to) {
                past |= list.endOf(last) > to;
                last++;
            }
        } else {
            while (last < hits.size() && hits.get(last).start() < to) {
                past |= hits.get(last).end() > to;
                last++;
            }
        }
        if (!past) {
            return hits.subList(first, last);
        }
        List<Knowledge.Hit> out = new ArrayList<>(last - first);
        for (int i = first; i < last; i++) {
            if (hits.get(i).end() <= to) {
                out.add(hits.get(i));
            }
        }
        return out;
    }

    private static boolean overlaps(List<OrgMention> out, int s, int e) {
        for (OrgMention o : out) {
            if (s < o.end() && e > o.start()) {
                return true;
            }
        }
        return false;
    }

    private static final String[] DESCRIPTORS = {
        "公司", "企业", "平台", "机构", "厂商", "独角兽", "品牌", "团队", "巨头", "开发商", "制造商", "供应商", "服务商", "新创",
        "提供商", "研发商", "运营商", "家名为", "家名叫", "媒体", "网站", "社区", "研究所", "实验室", "协会", "组织", "旗下"};
    private static final String[] VERBS_AFTER = {
        "宣布", "正式", "近日", "日前", "今日", "推出", "发布", "完成", "获得", "获", "上线", "开源", "公布", "与", "和",
        "计划", "将", "已", "也", "表示", "称", "预计", "预测", "发表", "官宣", "在", "用", "于", "公司",
        "最新", "近期", "首次", "刚刚", "再次", "率先",
        // 亦 is 也 in formal and Taiwan writing ("Luminar亦声请破产"); a filing or declaration the name makes ("iRobot申请破产保护")
        "亦", "申请", "声请", "宣告"};

    private static final FirstWords VERBS_AFTER_FIRST = new FirstWords(VERBS_AFTER);
    /**
     * the last characters of {@link #DESCRIPTORS} ({@link CharFilter}): most places have none of them right before,
     * and the finder asks at every character of a sentence with a round or an acting verb
     */
    private static final long[] DESCRIPTOR_ENDS = lastChars(DESCRIPTORS);

    private static long[] lastChars(String[] words) {
        long[] filter = CharFilter.create();
        for (String w : words) {
            CharFilter.add(filter, w.charAt(w.length() - 1));
        }
        return filter;
    }

    /** One of {@link #DESCRIPTORS} ends at {@code at} and starts at or after {@code from}. */
    private static boolean descriptorEndsAt(String text, int from, int at) {
        if (at <= from || !CharFilter.mayContain(DESCRIPTOR_ENDS, text.charAt(at - 1))) {
            return false;
        }
        for (String d : DESCRIPTORS) {
            if (at - d.length() >= from && text.startsWith(d, at - d.length())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Latin names: after a descriptor ("AI 安全公司 Protect AI") or, capitalised, right before a verb
     * ("Graft 宣布"). One scan over the Latin runs of the sentence.
     */
    private void latinNames(String text, int from, int to, List<Knowledge.Hit> hits, List<OrgMention> out) {
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (!Names.isLatinLetter(c) || i > from && isLatinWordChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            // a run of up to four tokens; tokens after the first start with a capital or a digit
            int e = tokenEnd(text, i, to);
            int tokens = 1;
            while (tokens < 4 && e + 1 < to && text.charAt(e) == ' ' && (Character.isUpperCase(text.charAt(e + 1))
                    || Character.isDigit(text.charAt(e + 1))) && text.charAt(e + 1) < 128) {
                e = tokenEnd(text, e + 1, to);
                tokens++;
            }
            int end = trimLatin(text, i, e);
            if (end - i >= 2 && !commonLatin(text.substring(i, end))) {
                int before = i;
                while (before > from && (text.charAt(before - 1) == ' ' || text.charAt(before - 1) == '“'
                        || text.charAt(before - 1) == '"')) {
                    before--;
                }
                boolean described = descriptorEndsAt(text, from, before);
                if (described && !isModel(hits, i, end)) {
                    addNamed(out, text, i, end, OrgMention.DESCRIPTOR);
                } else if (Character.isUpperCase(c) && (i == from || "“《.-".indexOf(text.charAt(i - 1)) < 0)
                        && !isModel(hits, i, end) && !Cues.afterPersonTitle(text, from, before)) {
                    // ("总裁 Greg Brockman 也宣布辞职": a Latin name right after a person's title is the person's)
                    int after = end;
                    while (after < to && text.charAt(after) == ' ') {
                        after++;
                    }
                    if ((after < text.length() && VERBS_AFTER_FIRST.at(text, after, text.length())
                            && !describesNext(text, after, out)) || domainName(text, i, end)) {
                        addNamed(out, text, i, end, OrgMention.FALLBACK);
                    }
                }
            }
            i = Math.max(e, i + 1);
        }
    }

    /**
     * "AI Agent公司明略科技": a Latin run before 公司 and a name found right after it says what the company does,
     * it is no name of its own.
     */
    private static boolean describesNext(String text, int at, List<OrgMention> out) {
        if (!text.startsWith("公司", at)) {
            return false;
        }
        int n = at + 2;
        while (n < text.length() && (text.charAt(n) == ' ' || text.charAt(n) == '“' || text.charAt(n) == '「')) {
            n++;
        }
        for (OrgMention o : out) {
            if (o.start() == n) {
                return true;
            }
        }
        return false;
    }

    /** the domains start-ups take their names from ("Builder.ai", "Character.ai") */
    private static final String[] NAME_DOMAINS = {".ai", ".AI", ".io"};

    private static boolean endsWithDomain(String name) {
        for (String d : NAME_DOMAINS) {
            if (name.length() > d.length() + 1 && name.endsWith(d)) {
                return true;
            }
        }
        return false;
    }

    /** A capitalised one-word name ending in a start-up's domain is a company wherever it stands, not in a URL. */
    private static boolean domainName(String text, int s, int e) {
        if (s > 0 && "/@".indexOf(text.charAt(s - 1)) >= 0 || e < text.length() && text.charAt(e) == '/') {
            return false;
        }
        for (String d : NAME_DOMAINS) {
            if (e - s > d.length() + 1 && text.startsWith(d, e - d.length()) && text.substring(s, e).indexOf(' ') < 0) {
                return true;
            }
        }
        return false;
    }

    private static int tokenEnd(String text, int i, int to) {
        int e = i;
        while (e < to && isLatinWordChar(text.charAt(e))) {
            e++;
        }
        return e;
    }


    private static boolean isLatinWordChar(char c) {
        return Names.isLatinLetter(c) || (c >= '0' && c <= '9') || c == '.' || c == '&' || c == '\'' || c == '+' || c == '-';
    }

    private boolean isModel(List<Knowledge.Hit> hits, int s, int e) {
        for (Knowledge.Hit h : hitsIn(hits, s, e + 12)) {
            if (h.term().kind() == Knowledge.Kind.MODEL && h.start() == s) {
                return true;
            }
        }
        return false;
    }

    private static int trimLatin(String text, int s, int e) {
        while (e > s && (text.charAt(e - 1) == ' ' || text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
            e--;
        }
        return e;
    }


    private boolean commonLatin(String name) {
        if (name.length() < 2) {
            return true;
        }
        char a = name.charAt(0);
        char b = name.charAt(1);
        if ((a >= '0' && a <= '9' || a >= 'A' && a <= 'Z' && b >= '0' && b <= '9') && !endsWithDomain(name)) {
            return true; // code-like: H100, A100, 5G (but "C3.ai", "01.AI" are companies named after their domain)
        }
        return knowledge.latinTerm(name) || allDigits(name)
                || name.length() >= LICENCE_LENGTH && LICENCE.matcher(name).find();
    }

    /** the length of "licence": a shorter run (most of them: "AI", "GPT") holds none, and skips the pattern */
    private static final int LICENCE_LENGTH = 7;
    /** "Modified MIT License", "Apache License 2.0": a licence under which code is opened, no organisation */
    private static final Pattern LICENCE = Pattern.compile("(?i)\\blicen[cs]e\\b");

    /** {@code name.chars().allMatch(Character::isDigit)} without a stream. */
    private static boolean allDigits(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (!Character.isDigit(name.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** a guessed name that opens with a person's title (创始人, 董事长, CEO, 首席...官) is that person, no organisation */
    private static final Pattern PERSON_TITLE_START = Pattern.compile("(?:" + String.join("|", PersonnelRule.NAMING_TITLES)
            + "|创始人)");

    private void addNamed(List<OrgMention> out, String text, int s, int e, int source) {
        if (overlaps(out, s, e)) {
            return;
        }
        String surface = text.substring(s, e).trim();
        if (GENERIC.contains(surface)) {
            return;
        }
        Company c = lookup(surface);
        if (c == null && PERSON_TITLE_START.matcher(surface).lookingAt()) {
            return; // "联合创始人彭志辉发布了...": a person named by the title, after the company he speaks for
        }
        String name = c != null ? c.name() : Names.canonical(surface);
        if (name.length() < 2) {
            return;
        }
        out.add(new OrgMention(s, e, name, c, null, null, c != null ? OrgMention.REGISTRY : source, false));
    }

    /** the verbs of building a facility, which a place name never has after it inside a body's name */
    private static final Words BUILD_VERBS = Words.of("建设", "兴建", "新建", "筹建", "投建", "打造", "建立", "设立", "布局",
            "部署", "落地", "扩建");

    /** A building verb follows the place that opens a weak-suffixed name ("杭州建设数据中心"). */
    private static boolean buildsAfterPlace(String text, List<Knowledge.Hit> places, int placeStart, int sufStart) {
        for (Knowledge.Hit p : places) {
            if (p.start() == placeStart) {
                int at = p.end();
                for (int i = at; i < Math.min(sufStart, at + 2); i++) {
                    if (BUILD_VERBS.startsAt(text, i, sufStart)) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    private void legalNames(String text, int from, List<int[]> suffixes, List<Knowledge.Hit> places,
                            List<OrgMention> out, boolean needsPlace) {
        // longest suffix first at a place: 股份有限公司 before 有限公司
        suffixes.sort((a, b) -> a[1] != b[1] ? Integer.compare(a[1], b[1]) : Integer.compare(b[0], a[0]));
        for (int si = 0; si < suffixes.size(); si++) {
            int sufStart = suffixes.get(si)[0];
            int end = suffixes.get(si)[1];
            if (si + 1 < suffixes.size() && suffixes.get(si + 1)[1] == end) {
                continue; // a shorter suffix ending at the same place: the longer one (sorted after) wins
            }
            // 股份有限公司 after 科技 etc: extend over a following legal suffix chain
            if (overlapsInside(out, sufStart, end) || FINANCE_SUFFIXES.contains(text.substring(sufStart, end))
                    && end < text.length() && FINANCE_COMPOUNDS.startsAt(text, end, Math.min(text.length(), end + 2))) {
                continue;
            }
            int left = sufStart;
            int limit = Math.max(from, sufStart - 24);
            while (left > limit) {
                char c = text.charAt(left - 1);
                if (isNameChar(c)) {
                    left--;
                } else if ((c == ')' || c == '）') ) {
                    int open = -1;
                    for (int k = left - 2; k >= Math.max(limit, left - 7); k--) {
                        if (text.charAt(k) == '(' || text.charAt(k) == '（') {
                            open = k;
                            break;
                        }
                    }
                    if (open >= limit) {
                        left = open;
                    } else {
                        break;
                    }
                } else {
                    break;
                }
            }
            if (left >= sufStart) {
                continue;
            }
            // a place name inside the run starts the name (助力上海人形机器人...创新中心)
            int placeStart = -1;
            for (Knowledge.Hit p : places) {
                boolean inParens = p.start() > 0 && (text.charAt(p.start() - 1) == '(' || text.charAt(p.start() - 1) == '（');
                if (inParens) {
                    continue;
                }
                if (p.start() >= left && p.end() <= sufStart && p.term().kind() != Knowledge.Kind.COUNTRY) {
                    placeStart = p.start();
                    break;
                }
                if (p.start() >= left && p.end() <= sufStart && p.term().kind() == Knowledge.Kind.COUNTRY
                        && (needsPlace || text.startsWith("中国", p.start()))) {
                    placeStart = p.start();
                    break;
                }
            }
            if (placeStart < 0) {
                int nat = text.substring(left, sufStart).indexOf("国家");
                if (nat >= 0) {
                    placeStart = left + nat;
                }
            }
            if (placeStart >= 0 && needsPlace && buildsAfterPlace(text, places, placeStart, sufStart)) {
                continue; // "在杭州建设数据中心": where a facility is built, no body of that place
            }
            int start;
            if (placeStart >= 0) {
                start = placeStart;
                int cut = NameStops.lastStop(text, start, sufStart, true);
                if (cut > start) {
                    start = cut;
                }
            } else {
                if (needsPlace) {
                    continue;
                }
                start = NameStops.lastStop(text, left, sufStart, false);
            }
            // registry names inside the span: the longest one gives the company
            if (end - start < 3) {
                continue;
            }
            String surface = text.substring(start, end);
            String core = text.substring(start, sufStart);
            if (core.length() < 2 || GENERIC.contains(surface) || GENERIC.contains(core) || core.endsWith("的")
                    || core.startsWith("该") || core.startsWith("这") || core.startsWith("某")) {
                continue;
            }
            if (needsPlace && holdsCompany(out, start, end)) {
                continue; // "中国移动投资50亿元在呼和浩特建设智算中心": a government body's name holds no company's
            }
            // swallow overlapping registry mentions that lie inside this longer name
            Company inner = null;
            for (int i = out.size() - 1; i >= 0; i--) {
                OrgMention o = out.get(i);
                if (o.start() >= start && o.end() <= end && o.source() == OrgMention.REGISTRY) {
                    if (inner == null) {
                        inner = o.company();
                    }
                    out.remove(i);
                } else if (o.start() < end && o.end() > start) {
                    inner = null;
                    start = -1;
                    break;
                }
            }
            if (start < 0) {
                continue;
            }
            Names.Parsed parsed = Names.parseLegal(surface, knowledge);
            Company c = lookup(surface);
            if (c == null) {
                c = lookup(parsed.name());
            }
            if (c == null && inner != null && (lendsItsName(inner) || !surface.endsWith("公司"))) {
                c = inner;
            }
            String name = c != null ? c.name() : parsed.name();
            if (name.length() < 2) {
                continue;
            }
            out.add(new OrgMention(start, end, name, c, parsed.city(), null,
                    c != null ? OrgMention.REGISTRY : OrgMention.LEGAL, false));
        }
    }

    /**
     * Whether a registry name inside an unknown company's legal name makes it that organisation: a company's brand
     * names its subsidiaries (北京百度网讯科技有限公司), while a university's or an authority's short name in a
     * company's name is a spin-off or a namesake (吉林吉大通信设计院股份有限公司 is no 吉林大学). A school or an
     * office is its university's or government's own (清华大学集成电路学院).
     */
    private static boolean lendsItsName(Company inner) {
        String kind = inner.kind();
        return "company".equals(kind) || "investor".equals(kind) || "media".equals(kind);
    }

    private static boolean holdsCompany(List<OrgMention> out, int start, int end) {
        for (OrgMention o : out) {
            if (o.start() >= start && o.end() <= end && o.isKind("company")) {
                return true;
            }
        }
        return false;
    }

    private static boolean overlapsInside(List<OrgMention> out, int s, int e) {
        for (OrgMention o : out) {
            if (o.start() <= s && o.end() >= e) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNameChar(char c) {
        return Character.isIdeographic(c) || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
                || (c >= '0' && c <= '9');
    }

    /** Adds what the text says about the organisation's place: a legal prefix, a descriptor before it. */
    private OrgMention locate(String text, OrgMention o, List<Knowledge.Hit> places, List<Knowledge.Hit> hits) {
        String city = o.textCity();
        String country = o.textCountry();
        // the name starts with a city or district (institutions and governments)
        if (city == null) {
            for (Knowledge.Hit p : places) {
                if (p.start() == o.start() && p.term().kind() != Knowledge.Kind.COUNTRY
                        && (o.company() == null || o.source() != OrgMention.REGISTRY)) {
                    city = p.term().city();
                    break;
                }
            }
        }
        // a place right before a descriptor before the name: 伦敦 AI 初创公司 X / 加拿大信息技术服务公司 CGI
        if (city == null && country == null) {
            for (Knowledge.Hit p : hitsIn(hits, Math.max(0, o.start() - 16), o.start())) {
                Knowledge.Kind kind = p.term().kind();
                if (kind != Knowledge.Kind.CITY && kind != Knowledge.Kind.COUNTRY && kind != Knowledge.Kind.DISTRICT) {
                    continue;
                }
                String between = text.substring(p.end(), o.start());
                if (descriptorOnly(between)) {
                    if (kind == Knowledge.Kind.COUNTRY) {
                        country = p.term().country();
                    } else {
                        city = p.term().city();
                    }
                }
            }
        }
        return o.withText(city, country);
    }

    private static final Pattern DESCRIPTOR_TAIL = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9 ]{0,12}(?:公司|企业|平台|机构|厂商|创业公司|初创公司|独角兽|巨头|实验室|团队|集团)\\s?[“\"]?");

    private static boolean descriptorOnly(String between) {
        return between.length() <= 14 && DESCRIPTOR_TAIL.matcher(between).matches()
                && !between.contains("的") && !between.contains("在");
    }
}
