package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;

/**
 * RESEARCH: a research result, paper, benchmark or record: "X 发表论文", "X 实现 ... 突破", "X 刷新纪录",
 * "登上《Nature》", "精度提高了".
 */
final class ResearchRule implements Rule {

    /** the words a research result is told with: every match holds one */
    static final List<String> TRIGGERS = List.of("论文", "成果", "结果", "突破", "预报", "纪录", "Nature", "Science", "自然", "科学",
            "Cell", "提高了", "提升了", "预印本", "arXiv");
    static final List<String> PUBLISH_VERBS = List.of("发表", "发布", "公布", "提交");
    static final List<String> MEASURES = List.of("精度", "准确率", "准确度");

    static final Finder RESULT = Finder.of(Finder.anyOf(PUBLISH_VERBS)
            + "了?[^，。；,;]{0,12}?(?:论文|研究成果|研究结果|实验结果|模拟结果|最新成果)"
            + "|实现了?[^，。；,;]{0,16}?(?:突破|准确预报|新纪录)"
            + "|刷新[^，。；,;]{0,12}?纪录|登上[^，。；,;]{0,6}?《?(?:Nature|Science|自然|科学|Cell)"
            + "|" + Finder.anyOf(MEASURES) + "[^，。；,;]{0,10}?(?:提高|提升)了|提交在[^，。；,;]{0,10}?(?:预印本|arXiv|ArXiv)",
            PUBLISH_VERBS, List.of("实现", "刷新", "登上"), MEASURES);

    @Override
    public EventType type() {
        return EventType.RESEARCH;
    }

    @Override
    public List<String> triggers() {
        return TRIGGERS;
    }

    @Override
    public ActorFilter actors() {
        return ActorFilter.NAMED;
    }

    @Override
    public List<SectorClue> sectorClues() {
        return List.of(SectorClue.SENTENCE, SectorClue.ITEM, SectorClue.REGISTRY);
    }

    @Override
    public void apply(SentenceContext s) {
        String text = s.text();
        Finder.Scan results = RESULT.scan(text, s.from(), s.end());
        Matcher m = results.matcher();
        while (results.find()) {
            int cs = s.clauseStart(m.start());
            if (s.future(cs, m.start()) || s.background(cs, m.start())) {
                continue;
            }
            OrgMention subject = s.subjectBefore(m.start(), cs, ActorFilter.NAMED);
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
