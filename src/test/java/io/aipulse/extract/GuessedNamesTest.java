package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.article.clean.TextCleaner;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A name guessed from the text's shapes acts only when it reads as a name, not as a phrase of its sentence. */
class GuessedNamesTest {

    private static final String TEXT = "台美生态圈伙伴共同签署合作备忘录。";

    private static ArticleContext context() {
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        Article article = new Article("t", null, null, null, TEXT, Instant.parse("2024-05-22T02:00:00Z"), TimeSource.TEXT, "t");
        return new ArticleContext(knowledge, ExtractionSettings.defaults(),
                new AmountParser(ExtractionSettings.defaults().cnyPerUnit()), new OrgFinder(knowledge), article,
                new TextCleaner().clean(TEXT));
    }

    private static OrgMention guessed(String name) {
        return new OrgMention(0, name.length(), name, null, null, null, OrgMention.FALLBACK, false);
    }

    @Test
    void aGuessedNameHoldingAVerbOfItsSentenceActsNever() {
        // given the sentence's words up to its verb, guessed as a name, and the same words without the verb
        ArticleContext context = context();
        // when / then: the span with 共同签署 is a phrase; the one without it may act
        assertThat(context.add(EventType.PARTNERSHIP, guessed("台美生态圈伙伴共同签署"), 0, 11, 13)).isNull();
        assertThat(context.add(EventType.PARTNERSHIP, guessed("台美生态圈伙伴"), 0, 11, 13)).isNotNull();
        // and a clause read up to a suffix: "香港成为国际创科中心"
        assertThat(context.add(EventType.PARTNERSHIP, guessed("香港成为国际创科中心"), 0, 11, 13)).isNull();
    }

    @Test
    void aGuessedNameHoldingTheClausesTenseActsNever() {
        // given spans read up to a verb that hold 曾被 or 正在
        ArticleContext context = context();
        // when / then
        assertThat(context.add(EventType.SETBACK, guessed("曾被资本"), 0, 11, 13)).isNull();
        assertThat(context.add(EventType.INVESTMENT, guessed("无锡正在部"), 0, 11, 13)).isNull();
    }

    @Test
    void aNameStartsAfterTheWordOfFollowingAnothersNews() {
        // given "继X集团与Y达成合作后": 继 (following) opens the clause, the legal name follows it
        // when
        java.util.List<String> names = namesIn("继星衡药业集团与阿斯利康达成合作后,另一家公司也宣布合作。");
        // then
        assertThat(names).contains("星衡药业").noneMatch(n -> n.startsWith("继"));
    }

    @Test
    void aLatinNameAfterAPersonsTitleIsThePersons() {
        // given a president named in Latin letters after his title, acting in the sentence
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        String text = new TextCleaner().clean("Nova Labs宣布,总裁 Greg Brockman 也宣布辞职。Greg Brockman 将休假。").text();
        // when
        int firstSentence = text.indexOf('。') + 1;
        java.util.List<String> names = new OrgFinder(knowledge).find(text, knowledge.scan(text), 0, firstSentence).stream()
                .map(OrgMention::name).toList();
        // then: the company is an organisation, the president is not
        assertThat(names).contains("Nova Labs").doesNotContain("Greg Brockman");
    }

    @Test
    void aRegistryNameIsNeverRefusedForItsWords() {
        // given a registry company whose name holds one of the words (none does today: the guard reads guesses only)
        ArticleContext context = context();
        Company known = Knowledge.load(Path.of("config")).company("百度").orElseThrow();
        OrgMention mention = new OrgMention(0, 2, "百度完成", known, null, null, OrgMention.REGISTRY, false);
        // when / then
        assertThat(context.add(EventType.PARTNERSHIP, mention, 0, 11, 13)).isNotNull();
    }

    @Test
    void capitalFollowedByTheRestOfItsWordIsNoInvestorsName() {
        // given 资本 read on into 资本力量 and 资本市场, and an investor named with it
        // when
        java.util.List<String> names = namesIn("十四家企业成为推动赛道发展的核心资本力量,星衡资本领投。");
        // then
        assertThat(names).noneMatch(n -> n.startsWith("核心")).contains("星衡资本");
    }

    @Test
    void aUniversitysShortNameInsideACompanysLegalNameIsNoUniversity() {
        // given 吉大 (吉林大学's short name) inside an unknown company's legal name, and a school of a university
        // when
        java.util.List<String> company = namesIn("长春吉大通信设计院股份有限公司与百度签署战略合作协议。");
        java.util.List<String> school = namesIn("清华大学集成电路学院发布新型芯片。");
        // then: the company keeps its own name; the school stays its university's
        assertThat(company).doesNotContain("吉林大学").contains("吉大通信设计院");
        assertThat(school).contains("清华大学");
    }

    @Test
    void aNationalBodysShortNameAfterProvinceOrCityAloneIsTheLocalBody() {
        // given 省国资委 with no province named before it, and 各省 (each province's)
        // when
        java.util.List<String> names = namesIn("省国资委出台《关于促进人形机器人产业发展的指导意见》。");
        // then
        assertThat(names).contains("省国资委").doesNotContain("国务院国有资产监督管理委员会");
    }

    @Test
    void aPlatformTheNewsIsToldOnActsNever() {
        // given a founder telling the news on LinkedIn and on X, and a company telling it in 香港
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        String raw = "创办人张明周二透过LinkedIn宣布辞职。联合创始人李华在社群平台X发文宣布离职。星衡科技宣布裁员。";
        Article article = new Article("t", null, null, null, raw, Instant.parse("2024-05-22T02:00:00Z"), TimeSource.TEXT, "t");
        ArticleContext context = new ArticleContext(knowledge, ExtractionSettings.defaults(),
                new AmountParser(ExtractionSettings.defaults().cnyPerUnit()), new OrgFinder(knowledge), article,
                new TextCleaner().clean(raw));
        // when
        java.util.List<String> actors = new java.util.ArrayList<>();
        for (int si = 0; si < 3; si++) {
            context.actors(si, ActorFilter.ANY).forEach(o -> actors.add(o.name()));
        }
        // then: the platforms are where it is told; the company telling its own news acts
        assertThat(actors).doesNotContain("LinkedIn", "X").contains("星衡");
    }

    private static java.util.List<String> namesIn(String raw) {
        Knowledge knowledge = Knowledge.load(Path.of("config"));
        String text = new TextCleaner().clean(raw).text();
        return new OrgFinder(knowledge).find(text, knowledge.scan(text), 0, text.length()).stream()
                .map(OrgMention::name).toList();
    }

    @Test
    void aNameBeforeAStockCodeIsAListedCompanyAfterItsDescriptorOrInAList() {
        // given names before stock codes: after a descriptor, as a list's item, bare as Hong Kong papers print them
        // when
        java.util.List<String> names = namesIn("模拟芯片提供商星衡微(02676.HK)、激光雷达厂商云岫光电(2665)先后上市。");
        // then: the names without their descriptors
        assertThat(names).contains("星衡微", "云岫光电").noneMatch(n -> n.contains("提供商") || n.contains("厂商"));
    }

    @Test
    void aYearInParenthesesIsNoStockCode() {
        // given a year in parentheses where a bare stock code could stand
        // when
        java.util.List<String> names = namesIn("年报称,星衡白皮书(2024)发布后,星衡微(02676.HK)上市。");
        // then
        assertThat(names).contains("星衡微").doesNotContain("星衡白皮书");
    }
}
