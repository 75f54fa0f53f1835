package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.article.clean.TextCleaner;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The trigger words keep the rules honest: every trigger is found by the dictionary pass and sends its
 * sentence to its rule, and no rule finds anything in a sentence that none of its triggers sent to it.
 */
class RuleTriggersTest {

    private static Knowledge knowledge;
    private static final Pattern WORD = Pattern.compile("[\\p{IsHan}]+|[A-Za-z]{2,}");

    @BeforeAll
    static void loadTheShippedKnowledge() {
        knowledge = Knowledge.load(Path.of("config"));
    }

    @Test
    void everyTriggerOfEveryRuleIsFoundByTheDictionaryPassAndSendsItsSentenceToTheRule() {
        for (int r = 0; r < Rules.ALL.size(); r++) {
            Rule rule = Rules.ALL.get(r);
            for (String trigger : rule.triggers()) {
                String sentence = "据悉，" + trigger + "。";
                List<Knowledge.Hit> hits = knowledge.scan(sentence);
                assertThat(hits).as("%s trigger %s in the dictionary", rule.type(), trigger)
                        .anyMatch(h -> h.term().kind() == Knowledge.Kind.WORD && h.start() == 3
                                && h.end() == 3 + trigger.length());
                int rules = Rules.triggeredIn(hits, Segmenter.split(sentence).get(0));
                assertThat(rules & (1 << r)).as("%s trigger %s dispatches to its rule", rule.type(), trigger)
                        .isNotZero();
            }
        }
    }

    @Test
    void releaseVerbsGiveTheirEventsOnTheirOwn() {
        RuleBasedExtractor extractor = new RuleBasedExtractor(knowledge, ExtractionSettings.defaults());
        for (String verb : ReleaseVerbs.VERBS) {
            if (ReleaseVerbs.INTEGRATIONS.contains(verb)) {
                continue; // what is brought into a product is no model released (the product launch examples have them)
            }
            // the verbs that open a test launch with the test's name after them
            // and an unveiling with the veil after the thing unveiled
            String test = ReleaseVerbs.TEST_OPENINGS.contains(verb) ? "的公测" : ReleaseVerbs.UNVEILINGS.contains(verb) ? "的面纱" : "";
            String text = "百川智能今日" + verb + "了新一代大模型Baichuan 4" + test + "。";
            Article article = new Article("r", null, null, null, text, Instant.parse("2024-05-22T02:00:00Z"),
                    TimeSource.TEXT, "r");
            assertThat(extractor.extract(article)).as(text)
                    .anyMatch(e -> e.type() == EventType.MODEL_RELEASE && e.subject().equals("百川智能"));
        }
    }

    @Test
    void noRuleFindsAnythingInASentenceItsTriggersDidNotSendToIt() {
        AmountParser amounts = new AmountParser(ExtractionSettings.defaults().cnyPerUnit());
        OrgFinder orgFinder = new OrgFinder(knowledge);
        TextCleaner cleaner = new TextCleaner();
        int checked = 0;
        int found = 0;
        for (String text : GeneratedTexts.of(41, 3_000, 4, 30, pieces())) {
            Article article = new Article("t", null, null, null, text, Instant.parse("2024-05-22T02:00:00Z"),
                    TimeSource.TEXT, "t");
            ArticleContext context = new ArticleContext(knowledge, ExtractionSettings.defaults(), amounts, orgFinder,
                    article, cleaner.clean(text));
            for (int si = 0; si < context.sentences().size(); si++) {
                int triggered = Rules.triggeredIn(context.hits(), context.sentences().get(si));
                for (int r = 0; r < Rules.ALL.size(); r++) {
                    int before = context.candidates().size();
                    Rules.ALL.get(r).apply(new SentenceContext(context, si));
                    int added = context.candidates().size() - before;
                    if ((triggered & (1 << r)) == 0) {
                        checked++;
                        assertThat(added).as("%s found %d candidates without a trigger in %s", Rules.ALL.get(r).type(),
                                added, context.text().substring(context.sentences().get(si).start,
                                        context.sentences().get(si).end)).isZero();
                    } else {
                        found += added;
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(10_000);
        assertThat(found).as("the generated sentences reach the rules").isGreaterThan(1_000);
    }

    /** Pieces of news: the words of every rule's patterns, its triggers, names, amounts, dates and punctuation. */
    private static String[] pieces() {
        Set<String> out = new LinkedHashSet<>();
        List<Finder> finders = List.of(FundingRule.RECEIVED, FundingRule.RAISED, FundingRule.HEADLINE,
                InvestmentRule.INVESTS, InvestmentRule.SETS_UP, AcquisitionRule.BUYS, AcquisitionRule.BOUGHT_BY,
                PolicyRule.TITLED, PolicyRule.PLAIN, ProductLaunchRule.NEW_FEATURE, PartnershipRule.AGREEMENT,
                PartnershipRule.WITH_PARTNER, PersonnelRule.JOINS, PersonnelRule.APPOINTS, PersonnelRule.LEAVES,
                ResearchRule.RESULT, ReportRule.BY_SOURCE, ReportRule.FINDING, SetbackRule.SETBACK, IpoStageParser.STAGE_F);
        for (Finder f : finders) {
            Matcher m = WORD.matcher(f.pattern.pattern());
            while (m.find()) {
                if (!m.group().equals("IsHan")) {
                    out.add(m.group());
                }
            }
        }
        for (Rule rule : Rules.ALL) {
            out.addAll(rule.triggers());
        }
        out.addAll(List.of("百度", "阿里云", "智谱AI", "月之暗面", "国务院", "北京市", "上海", "IDC", "红杉中国", "张三", "CEO",
                "首席科学家", "通义千问", "文心一言", "大模型", "平台", "芯片", "公司", "该公司", "5亿元", "1亿美元", "数千万元", "A轮",
                "7月26日", "2024年", "今日", "宣布", "将", "已", "了", "的", "与", "和", "由", "领投", "：", "，", "。", "、", "“", "”",
                "《", "》", "人工智能", "AI", " "));
        return new ArrayList<>(out).toArray(new String[0]);
    }
}
