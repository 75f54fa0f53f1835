package io.aipulse.extract;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The release verb at a place (发布, 发布并开源, 上线了, ...): {@link #PATTERN}'s {@code lookingAt()} by hand, the
 * pattern kept as the reference and built from the same list. Called at each release word of the dictionary
 * pass, so no matcher is reset there.
 */
final class ReleaseVerbs {

    /** the release verbs, in the order they are tried (发布并开源 before 发布) */
    static final List<String> VERBS = List.of(
            "发布并开源", "发布", "推出", "上线", "开源", "公布", "公开", "官宣", "亮相", "开放", "首发", "揭晓", "上架", "提供下载",
            "问世", "面世", "迎来全新升级", "迎来升级", "全新升级", "发表", "新增", "更新", "升级至", "升级到",
            // Taiwan's word for a release (釋出), and a device that goes on sale (開售 / 開賣) is launched
            "释出", "开售", "开卖",
            // features brought into a product ("为Gmail导入更多AI功能", "微信接入DeepSeek")
            "引入", "导入", "接入",
            // a product's first appearance or sale ("新功能登场", "AI眼镜正式发售")
            "登场", "发售",
            // a test opened to users ("开启公测", "启动了...新功能内测"): only with the test's name after them
            "开启", "启动",
            // an unveiling ("揭开了小米首款AI眼镜的面纱"): only with the veil after the thing unveiled
            "揭开");
    /** the verbs that bring something into a product: a feature launched, never a model released (引入DeepSeek模型) */
    static final List<String> INTEGRATIONS = List.of("引入", "导入", "接入");
    /** the verbs that launch only what they open to a test */
    static final List<String> TEST_OPENINGS = List.of("开启", "启动");
    /** the verbs that launch only what they unveil: "揭开...的面纱" */
    static final List<String> UNVEILINGS = List.of("揭开");
    /** the verbs of a sale: what goes on sale is a product, whatever its name */
    static final List<String> SALES = List.of("开售", "开卖", "发售");
    /** the verbs of a new version: a model's release, never a product's launch */
    static final List<String> UPGRADES = List.of("迎来全新升级", "迎来升级", "全新升级", "更新", "升级至", "升级到");
    static final Pattern PATTERN = Pattern.compile("(" + String.join("|", VERBS) + ")了?");

    private ReleaseVerbs() {
    }

    /**
     * {@code PATTERN.matcher(text).region(p, to).lookingAt()}: {start, end, start of the verb, end of the verb},
     * or null.
     */
    static int[] at(String text, int p, int to) {
        for (String v : VERBS) {
            if (p + v.length() <= to && text.startsWith(v, p)) {
                int verbEnd = p + v.length();
                int end = verbEnd < to && text.charAt(verbEnd) == '了' ? verbEnd + 1 : verbEnd;
                return new int[] {p, end, p, verbEnd};
            }
        }
        return null;
    }
}
