package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The listing step a clause reports: 递交招股书 (FILED), 通过上市委审议 / 获证监会注册 (APPROVED),
 * 被否决 (REJECTED), 撤回申请 / 终止审核 (WITHDRAWN), 在港交所挂牌上市 (LISTED). Adjectives such as
 * 上市公司 / 上市企业 are not a listing.
 */
public final class IpoStageParser {

    /** A stage found at {@code [start, end)} of the text. */
    public record Found(IpoStage stage, int start, int end) {
    }

    /** the exchanges and boards a company lists on, full names and short forms (longest first where one holds another) */
    static final List<String> EXCHANGES = List.of("香港联合交易所", "香港联交所", "香港交易所", "港交所", "联交所", "上海证券交易所",
            "上交所", "深圳证券交易所", "深交所", "北京证券交易所", "北交所", "纽约证券交易所", "纽交所", "纳斯达克", "科创板", "创业板",
            "主板", "港股", "美股", "A股");
    /** where a clause says a company lists ("在港上市", "于香港上市"): the exchanges, and Hong Kong by its short name */
    private static final List<String> VENUES = Finder.union(EXCHANGES, List.of("香港", "港", "美国", "纽约", "新加坡"));
    /** what a company does with its filing to an exchange or a regulator ("向港交所递交", "向证监会报送") */
    static final List<String> FILING_VERBS = List.of("递交", "提交", "报送", "呈交", "申报", "申请");
    /** an offering that opens: the corpus and the analysts count it as the approved step */
    static final List<String> OFFERING_WORDS = List.of("全球发售", "公开发售", "招股");

    /** when a company with a stock code first trades: "云知声(09678)今日挂牌", "MiniMax(0100.HK)紧随其后挂牌" */
    private static final List<String> LISTING_DAY = List.of("今日", "今天", "昨日", "昨天", "正式", "随后", "紧随其后", "同日", "当日");
    /** the bell (or Hong Kong's gong) a listing opens trading with: "敲钟", "在香港交易所敲响铜锣" */
    static final List<String> BELLS = List.of("敲钟", "敲响铜锣", "鸣锣");
    /** a first appearance, which at an exchange is the listing: "在港交所亮相" */
    static final List<String> DEBUTS = List.of("亮相", "登场");

    private static final Pattern STAGE = Pattern.compile(
            "((?:撤回|撤销)[^，。；,;]{0,8}?(?:申请|招股书|IPO|上市)|终止[^，。；,;]{0,4}?(?:审核|注册|上市|IPO)|IPO终止|主动撤回"
            + "|(?:IPO|上市)申请(?:已|已经)?失效)"
            + "|((?:被|遭)[^，。；,;]{0,12}?(?:否决|否了|驳回)|(?:上市|IPO|上会)[^，。；,;]{0,4}?(?:被否|未通过|未获通过|失败)"
            + "|不符合(?:发行条件|上市条件)|否决了?[^，。；,;]{0,12}?(?:申请|IPO|上市))"
            + "|((?:递交|提交|披露|更新|报送|重新递交)了?[^，。；,;]{0,12}?(?:招股书|招股说明书|IPO申请|上市申请|IPO 申请|申请材料)"
            + "|(?:招股书|IPO|上市申请|申请)\\s?(?:已)?获(?:得)?[^，。；,;]{0,6}?受理|受理[^，。；,;]{0,12}?(?:IPO|上市)\\s?申请|递表"
            // "以保密形式申请在港IPO", "已向港交所申请上市"; 申请上市辅导 is the tutoring before a filing
            + "|申请(?:在|于|赴)?" + Finder.anyOf(VENUES) + "?(?:IPO|上市)(?!辅导|申请|公司|企业)"
            // Taiwan's over-the-counter market: "申请上柜"
            + "|申请(?:上柜|上市柜)(?!辅导|[^，。；,;]{0,12}?(?:获|通过))"
            // "IPO进入问询阶段": the exchange asks its questions about a filing under review
            + "|进入(?:审核)?问询)"
            + "|((?:通过|获得|获)[^，。；,;]{0,8}?(?:上市委|审核|审议|注册批复|注册批文|核准|批准|同意注册|注册生效|备案|聆讯)(?!委员会)"
            // "刊发聆讯后资料集": the information pack a company posts once it has passed its hearing
            + "|(?:刊发|刊登|发布|披露|公布|递交)[^，。；,;]{0,6}?聆讯后资料集"
            // "正式启动公开招股", "今日起公开招股": Hong Kong's offering opens, 公开 (public) may come before 招股
            + "|(?:启动|开启|公布)(?:公开)?" + Finder.anyOf(OFFERING_WORDS) + "|(?:今起|今日|正式|开始|起)(?:公开)?招股(?!书|说明书)"
            + "|(?<![通经到至])过会|(?:上市委|上市审核委员会)[^，。；,;]{0,12}?审议通过|注册生效"
            + "|(?:IPO|上市)[^，。；,;未没不]{0,4}?(?:获得?|顺利)通过"
            + "|同意[^，。；,;]{0,16}?(?:发行|上市|IPO)[^，。；,;]{0,8}?注册)"
            // "地平线周四上市", "X今日上市": the day of the listing right before it
            + "|((?:正式|成功|挂牌|敲钟|今日|今天|昨日|昨天|周[一二三四五])上市(?![公企委审申前辅])"
            + "|(?:(?<![处位属对由关基用至等终])于|在|登陆|今日|今天|昨日|昨天)[^，。；,;赴]{0,10}?" + Finder.anyOf(VENUES)
            + "(?:正式|成功)?(?:挂牌)?上市(?![公企委审申前辅])|(?:上市|IPO|挂牌)首日|首日(?:挂牌|上市)(?![公企委审申前辅])|挂牌交易|" + Finder.anyOf(BELLS)
            // "以发行价每股144.6港元(...)上市": the price of the first trade (in another currency too), the listing itself
            + "|(?:发行价|招股价)[^，。；,;]{0,16}?(?:[(（][^()（）]{1,16}[)）])?上市(?![公企委审申前辅])"
            // "今日在港交所主板挂牌": 挂牌 at an exchange is the listing itself
            + "|(?:于|在)[^，。；,;赴]{0,10}?" + Finder.anyOf(EXCHANGES) + "(?:正式|成功)?(?:挂牌(?!上市|交易|仪式)|"
            + Finder.anyOf(DEBUTS) + ")"
            // "云知声(09678)今日挂牌": a listed company's stock code before, the day of its first trade
            + "|(?<=\\d\\)|\\d\\.HK\\)|\\d-HK\\))\\s?" + Finder.anyOf(LISTING_DAY) + "挂牌(?!上市|交易|仪式|成立|运营)"
            + "|(?:成功|正式)?登陆" + Finder.anyOf(EXCHANGES)
            // Taiwan's emerging and over-the-counter boards: "登录兴柜", "正式上柜", "上柜挂牌"
            + "|(?:登录|登陆|挂牌|正式)(?:兴柜|上柜)|(?:兴柜|上柜)(?:挂牌|交易|首日))");

    /**
     * words of which every stage holds one (a withdrawal, a rejection, a filing, an approval, a listing): the
     * triggers of the IPO rule ({@code TriggerCompletenessTest} checks them)
     */
    static final List<String> WORDS = Finder.union(List.of("撤回", "撤销", "终止", "否决", "否了", "驳回", "上市", "ipo", "上会",
            "招股书", "招股说明书", "申请材料", "受理", "审核", "审议", "注册批复", "核准", "批准", "同意注册", "注册生效", "备案",
            "聆讯", "挂牌交易", "挂牌", "登陆", "首日", "发行条件", "递表", "过会", "注册", "失效", "问询", "兴柜", "上柜"), OFFERING_WORDS,
            DEBUTS, BELLS);

    /** every word a stage can start with (FinderTest checks them) */
    static final Finder STAGE_F = new Finder(STAGE, "撤回", "撤销", "终止", "IPO", "主动撤回", "被", "遭", "上市", "上会", "不符合",
            "递交", "提交", "披露", "更新", "报送", "重新递交", "招股书", "申请", "受理", "递表", "通过", "获得", "获", "启动", "开启",
            "发行价", "招股价", "敲响铜锣", "鸣锣", "首日",
            "今起", "今日", "正式", "开始", "起", "过会", "今天", "昨日", "昨天", " ", "注册生效", "同意", "成功", "挂牌", "敲钟", "于", "在", "登陆",
            "否决", "进入", "公布", "周", "登录", "兴柜", "上柜", "刊发", "刊登", "发布", "随后", "紧随其后", "同日", "当日").lookingAround()
            // 周 starts only "周四上市": 上 follows its day
            .needingAfter("周", "上", 1 + 1 + 1)
            // a space starts only "(09678) 今日挂牌": 挂 follows it and a day
            .needingAfter(" ", "挂", 1 + 2 + 1)
            // 刊发, 刊登 and 发布 start only "刊发聆讯后资料集": 聆 follows within 6 characters
            .needingAfter("刊发", "聆", 2 + 6 + 1)
            .needingAfter("刊登", "聆", 2 + 6 + 1)
            .needingAfter("发布", "聆", 2 + 6 + 1);

    private IpoStageParser() {
    }

    /** The first listing step in {@code [from, to)}, or null. */
    public static Found find(CharSequence s, int from, int to) {
        Finder.Scan scan = STAGE_F.scan(s, Math.max(0, from), Math.min(to, s.length()));
        do {
            if (!scan.find()) {
                return null;
            }
        } while (insideLatinWord(s, scan.matcher().start())); // "CEOIPO": the dictionary reads no IPO inside a Latin word either
        Matcher m = scan.matcher();
        IpoStage stage;
        if (m.group(1) != null) {
            stage = IpoStage.WITHDRAWN;
        } else if (m.group(2) != null) {
            stage = IpoStage.REJECTED;
        } else if (m.group(3) != null) {
            stage = IpoStage.FILED;
        } else if (m.group(4) != null) {
            stage = IpoStage.APPROVED;
        } else {
            stage = IpoStage.LISTED;
        }
        return new Found(stage, m.start(), m.end());
    }

    private static boolean insideLatinWord(CharSequence s, int at) {
        return at > 0 && Names.isLatinLetter(s.charAt(at - 1)) && Names.isLatinLetter(s.charAt(at));
    }


    /** The first listing step of {@code s}, or null. */
    public static IpoStage find(CharSequence s) {
        Found f = find(s, 0, s.length());
        return f == null ? null : f.stage();
    }
}
