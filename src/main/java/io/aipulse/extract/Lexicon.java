package io.aipulse.extract;

import java.util.List;

/**
 * Trigger words put into the knowledge automaton: a sentence without any of them cannot hold an
 * event, so the pattern rules run only on the few sentences that have one.
 */
final class Lexicon {

    private static final List<String> TRIGGERS = List.of(
            "融资", "投资", "募资", "募集", "注资", "投入", "筹集", "发布", "推出", "上线", "开源", "公布", "公开",
            "官宣", "亮相", "开放", "首发", "面世", "问世", "收购", "并购", "买下", "控股", "上市", "招股", "ipo",
            "递交", "否决", "撤回", "挂牌", "印发", "出台", "颁布", "合作", "携手", "联手", "签署", "签订", "共建",
            "加入", "加盟", "入职", "出任", "担任", "就任", "任命", "离职", "卸任", "辞任", "辞职", "报告", "研报",
            "白皮书", "数据显示", "统计", "调查", "调研", "预计", "预测", "显示", "停工", "停产", "裁员", "倒闭",
            "关停", "破产", "解散", "论文", "研究", "突破", "实现", "提交", "部署", "提供下载", "纪录", "榜单",
            "预报", "承诺", "有望", "揭晓", "上架", "停止运营", "停止服务", "停服", "聆讯", "登陆", "宣布");

    static final List<String> WORDS;

    static {
        List<String> all = new java.util.ArrayList<>(TRIGGERS);
        all.addAll(OrgFinder.STRONG_SUFFIXES);
        WORDS = List.copyOf(all);
    }


    private Lexicon() {
    }
}
