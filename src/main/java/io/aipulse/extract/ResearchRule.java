package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;

/**
 * RESEARCH: a research result, paper, benchmark or record: "X 发表论文", "X 实现 ... 突破", "X 刷新纪录",
 * "登上《Nature》", "精度提高了".
 */
final class ResearchRule extends Rule {

    /** the words a research result is told with: every match holds one */
    static final List<String> TRIGGERS = List.of("论文", "成果", "结果", "突破", "预报", "纪录", "Nature", "Science", "自然", "科学",
            "Cell", "提高了", "提升了", "预印本", "arXiv");
    static final List<String> PUBLISH_VERBS = List.of("发表", "发布", "公布", "提交");
    static final List<String> MEASURES = List.of("精度", "准确率", "准确度");
    /** the journals whose cover or pages are news by themselves (each is also a trigger) */
    static final List<String> JOURNALS = List.of("Nature", "Science", "Cell", "自然", "科学");
    /** "登上/首登/上 《自然》封面": a paper on a journal's cover */
    static final List<String> COVER_VERBS = List.of("登上", "首登", "荣登", "上");
    /** "在《自然》上线/发表": a result appears in a journal */
    static final List<String> APPEAR_VERBS = List.of("发表", "上线", "刊发", "刊登", "刊出");
    /** what a sentence says of a research result before the clause that places it in a journal */
    /** a release told in a relative clause before the result: the result is the released product's */
    static final Words DESCRIBED_RELEASE = Words.of("发布的", "推出的", "上线的", "开源的");
    static final Words RESULT_WORDS = Words.of("成果", "论文", "研究");
    /** a paper honoured at a conference: "入选CVPR 2024最佳论文", "获得ICML最佳论文奖" */
    static final List<String> HONOUR_VERBS = List.of("入选", "获得", "荣获", "斩获", "获");

    static final Finder RESULT = Finder.of(Finder.anyOf(PUBLISH_VERBS)
            + "了?[^，。；,;]{0,12}?(?:论文|研究成果|研究结果|实验结果|模拟结果|最新成果)"
            + "|实现了?[^，。；,;]{0,16}?(?:突破|准确预报|新纪录)"
            + "|刷新[^，。；,;]{0,12}?纪录|登上[^，。；,;]{0,6}?《?(?:Nature|Science|自然|科学|Cell)"
            + "|" + Finder.anyOf(MEASURES) + "[^，。；,;]{0,10}?(?:提高|提升)了|提交在[^，。；,;]{0,10}?(?:预印本|arXiv|ArXiv)"
            + "|" + Finder.anyOf(COVER_VERBS) + "\\s?《?" + Finder.anyOf(JOURNALS) + "》?[^，。；,;《》]{0,4}?封面"
            + "|在[^，。；,;]{0,16}?《?" + Finder.anyOf(JOURNALS) + "》?(?:\\([A-Za-z ]{1,20}\\))?(?:杂志|期刊|正刊|子刊)?\\s?上?"
            + Finder.anyOf(APPEAR_VERBS)
            + "|" + Finder.anyOf(APPEAR_VERBS) + "于\\s?《?" + Finder.anyOf(JOURNALS)
            + "|论文(?:被|获)[^，。；,;]{0,16}?(?:接收|录用|收录)|" + Finder.anyOf(HONOUR_VERBS) + "[^，。；,;]{0,16}?最佳论文",
            PUBLISH_VERBS, List.of("实现", "刷新", "登上", "在", "论文"), MEASURES, COVER_VERBS, APPEAR_VERBS, HONOUR_VERBS);

    ResearchRule() {
        super(EventType.RESEARCH, TRIGGERS,
                Policies.sectorFrom(SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.REGISTRY)
                        .actors(ActorFilter.NAMED));
    }

    @Override
    void apply(SentenceContext s) {
        String text = s.text();
        Finder.Scan results = RESULT.scan(text, s.from(), s.end());
        Matcher m = results.matcher();
        while (results.find()) {
            int cs = s.clauseStart(m.start());
            if (s.future(cs, m.start()) || s.background(cs, m.start())) {
                continue;
            }
            if (DESCRIBED_RELEASE.in(text, s.from(), m.start())) {
                continue; // "百度此次发布的文心大模型4.5,实现了三大技术突破": what a release brings, told with the release
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.NAMED);
            if (subject == null && cs > s.from() && RESULT_WORDS.in(text, s.from(), cs)
                    && Cues.adverbsOnly(text.substring(cs, m.start()))) {
                // "X 的一项研究成果,近日在《自然》上线": the owner of the result named in the clause before
                subject = s.subjectBefore(cs, s.from(), ActorFilter.NAMED);
            }
            if (subject == null && cs > s.from() && m.start() - cs <= 8 && RESULT_WORDS.in(text, cs, Math.min(m.end(), cs + 8))) {
                // "X 研究团队开发出...,相关成果发表于《科学》杂志": the result of the team the sentence opens with
                subject = s.subjectBefore(cs, s.from(), ActorFilter.NAMED);
            }
            if (subject == null && text.substring(cs, m.start()).contains("研究")) {
                subject = s.coreference(ActorFilter.NAMED);
            }
            if (subject == null || subject.isKind("media") || subject.isKind("investor")) {
                continue;
            }
            Candidate c = s.add(EventType.RESEARCH, subject, m.start(), m.end());
            if (c != null) {
                c.aboutStart = s.start();
                c.aboutEnd = s.end();
            }
        }
    }
}
