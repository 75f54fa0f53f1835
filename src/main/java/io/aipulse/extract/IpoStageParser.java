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

    private static final Pattern STAGE = Pattern.compile(
            "((?:撤回|撤销)[^，。；,;]{0,8}?(?:申请|招股书|IPO|上市)|终止(?:审核|注册|上市|IPO)|IPO终止|主动撤回)"
            + "|((?:被|遭)[^，。；,;]{0,12}?(?:否决|否了|驳回)|(?:上市|IPO|上会)[^，。；,;]{0,4}?(?:被否|未通过|未获通过|失败))"
            + "|((?:递交|提交|披露|更新|报送|重新递交)了?[^，。；,;]{0,12}?(?:招股书|招股说明书|IPO申请|上市申请|IPO 申请|申请材料)"
            + "|招股书(?:已)?获受理|IPO申请(?:已)?获受理)"
            + "|((?:通过|获得|获)[^，。；,;]{0,8}?(?:上市委|审核|审议|注册批复|核准|批准|同意注册|注册生效|备案|聆讯)(?!委员会))"
            + "|((?:正式|成功|挂牌|敲钟)上市|(?:于|在|登陆)[^，。；,;]{0,10}?(?:港交所|纳斯达克|纽交所|科创板|创业板|北交所|深交所|上交所|主板)"
            + "(?:正式|成功)?(?:挂牌)?上市(?![公企委审申前])|上市首日|挂牌交易|敲钟"
            + "|(?:成功|正式)?登陆(?:港交所|纳斯达克|纽交所|科创板|创业板|北交所|深交所|上交所|港股|美股|A股))");

    /**
     * words of which every stage holds one (a withdrawal, a rejection, a filing, an approval, a listing): the
     * triggers of the IPO rule ({@code TriggerCompletenessTest} checks them)
     */
    static final List<String> WORDS = List.of("撤回", "撤销", "终止", "否决", "否了", "驳回", "上市", "ipo", "上会", "招股书",
            "招股说明书", "申请材料", "受理", "审核", "审议", "注册批复", "核准", "批准", "同意注册", "注册生效", "备案", "聆讯",
            "挂牌交易", "敲钟", "登陆");

    /** every word a stage can start with (FinderTest checks them) */
    static final Finder STAGE_F = new Finder(STAGE, "撤回", "撤销", "终止", "IPO", "主动撤回", "被", "遭", "上市", "上会", "递交",
            "提交", "披露", "更新", "报送", "重新递交", "招股书", "通过", "获得", "获", "正式", "成功", "挂牌", "敲钟", "于", "在", "登陆");

    private IpoStageParser() {
    }

    /** The first listing step in {@code [from, to)}, or null. */
    public static Found find(CharSequence s, int from, int to) {
        Finder.Scan scan = STAGE_F.scan(s, Math.max(0, from), Math.min(to, s.length()));
        Matcher m = scan.matcher();
        if (!scan.find()) {
            return null;
        }
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

    /** The first listing step of {@code s}, or null. */
    public static IpoStage find(CharSequence s) {
        Found f = find(s, 0, s.length());
        return f == null ? null : f.stage();
    }
}
