package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.testsupport.TestArticle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The back-off for articles no rule finds anything in, with a small team-written model (the words of a plant
 * opened, which no rule reads) and the real registry.
 */
class FallbackTest {

    @TempDir
    static Path config;

    private static EventExtractor extractor;

    @BeforeAll
    static void load() throws IOException {
        Files.writeString(config.resolve("sentence-types.csv"),
                "ngram,type,weight\n落成,INVESTMENT,20\n投用,INVESTMENT,20\n融资,FUNDING,30\n蓝图,POLICY,30\n牵手,PARTNERSHIP,30\n新股,IPO,30\n", StandardCharsets.UTF_8);
        extractor = new RuleBasedExtractor(Knowledge.load(config), ExtractionSettings.defaults());
    }

    private static List<Event> extract(String text) {
        return extractor.extract(TestArticle.withText(text).id("a1").publishedAt("2024-11-20T02:00:00Z").build());
    }

    @Test
    void anArticleNoRuleReadsGetsTheModelsGuessWithTheFirstActorOfItsSentence() {
        // when
        List<Event> events = extract("天气转凉。百度的新芯片工厂今天落成投用,华为也派人出席。");
        // then
        assertThat(events).extracting(Event::type, Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.INVESTMENT, "百度"));
        assertThat(events.get(0).evidence()).contains("落成投用");
        assertThat(events.get(0).date()).isEqualTo("2024-11-20");
    }

    @Test
    void aGuessFromTheBodyTakesTheActorTheHeadlineNames() {
        // given a headline about one company and a body sentence that names another first
        List<Event> events = extract("百度新工厂迎来首批设备\n华为派人出席,百度的新芯片工厂今天落成投用。");
        // then
        assertThat(events).extracting(Event::type, Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.INVESTMENT, "百度"));
    }

    @Test
    void aGuessGivesWayToARuleThatReadItsSentenceForItsType() {
        // given a round the funding rule reads, the funded company named after its investor, and 融资 in the sentence
        Article article = TestArticle.withText("华发集团战略投资了智谱AI,本轮融资金额为5亿元。").id("a1")
                .publishedAt("2024-11-20T02:00:00Z").build();
        // when every guess is made, beside the rules' events too
        List<Event> events = ((RuleBasedExtractor) extractor).scored(article, CompanyDirectory.empty(), true).stream()
                .map(RuleBasedExtractor.Scored::event).toList();
        // then: one round, the funded company's; no guess for the investor, the sentence's first actor
        assertThat(events).extracting(Event::type, Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.FUNDING, "智谱AI"));
    }

    @Test
    void aGuessedDealCarriesTheAmountOfItsSentenceButNotAValuation() {
        // given a deal told in words no rule reads
        List<Event> events = extract("百度的新芯片工厂今天落成投用,估值30亿元,总投资5亿元。");
        // then
        assertThat(events).singleElement().satisfies(e -> assertThat(e.amount().min()).isEqualTo(500_000_000L));
    }

    @Test
    void aGuessedPolicyNeedsAGovernmentAndAGuessedPartnershipTwoParties() {
        // a company's blueprint is no policy; a government's is
        assertThat(extract("百度今天公开其人工智能蓝图。")).isEmpty();
        assertThat(extract("北京市人民政府今天公开其人工智能蓝图。")).extracting(Event::type, Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.POLICY, "北京市人民政府"));
        // one party is no partnership; two are, the second its counterparty
        assertThat(extract("百度今天宣布牵手推进人工智能。")).isEmpty();
        assertThat(extract("百度今天宣布牵手腾讯推进人工智能。")).singleElement()
                .satisfies(e -> assertThat(e.counterparties()).containsExactly("腾讯"));
    }

    @Test
    void aGuessedListingIsNeverTheExchanges() {
        // the exchange where a company lists is no company listing; the company is
        assertThat(extract("港交所今天迎来新股。")).isEmpty();
        assertThat(extract("百度今天作为新股亮相。")).extracting(Event::type, Event::subject)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(EventType.IPO, "百度"));
    }

    @Test
    void aGuessNeedsItsScoreAndAnActor() {
        // one n-gram (20) is below the score a guess needs; a sentence without an organisation names no subject
        assertThat(extract("百度的新工厂今天落成。")).isEmpty();
        assertThat(extract("新工厂今天落成投用。")).isEmpty();
    }

    @Test
    void thePastAndPlansThatRulesRefuseAreNotGuessedEither() {
        assertThat(extract("百度此前曾有一座工厂落成投用。")).isEmpty();
        assertThat(extract("百度的新工厂计划明年落成投用。")).isEmpty();
    }

    @Test
    void aListOfNamesIsNoSentenceToGuessFrom() {
        // given the model's words inside a long list of places, as a page's menu or tag cloud gives them
        String list = "百度落成投用、青州、淄博、张店、临淄、临沂、兰山、罗庄、威海、环翠、荣成、文登、唐山、保定、涿州、雄安。";
        // then no guess; the same words in a sentence are guessed
        assertThat(extract(list)).isEmpty();
        assertThat(extract("百度的新芯片工厂今天落成投用。")).hasSize(1);
    }

    @Test
    void anArticleInWhichARuleFoundAnEventGetsNoGuessFromAModelThatNeverWeighedOne() throws IOException {
        // given a confidence model that has no weight for a guess beside the rules' events
        EventExtractor unweighed = extractorWithConfidence("feature,weight\n(bias),1.0\n(threshold),0.1\nguessed,0.5\n");
        // when an article holds a round the funding rule reads and a sentence the model alone would read
        List<Event> events = unweighed.extract(article("百度的新芯片工厂今天落成投用。智谱宣布完成数亿元B轮融资。"));
        // then only the rule's event
        assertThat(events).extracting(Event::type).containsExactly(EventType.FUNDING);
    }

    @Test
    void aGuessBesideTheRulesEventsIsWeighedByItsOwnFeature() throws IOException {
        // given a confidence model that weighs such a guess far down
        RuleBasedExtractor weighed = extractorWithConfidence(
                "feature,weight\n(bias),1.0\n(threshold),0.5\n" + ConfidenceFeatures.GUESSED_BESIDE_RULES + ",-5.0\n");
        Article both = article("百度的新芯片工厂今天落成投用。智谱宣布完成数亿元B轮融资。");
        // when
        List<RuleBasedExtractor.Scored> scored = weighed.scored(both, CompanyDirectory.empty());
        // then the guess is scored with that feature, and dropped; the rule's event is kept
        assertThat(scored).filteredOn(s -> s.event().type() == EventType.INVESTMENT).singleElement()
                .satisfies(s -> assertThat(s.features()).containsKey(ConfidenceFeatures.GUESSED_BESIDE_RULES))
                .satisfies(s -> assertThat(weighed.keeps(s)).isFalse());
        assertThat(weighed.extract(both)).extracting(Event::type).containsExactly(EventType.FUNDING);
    }

    @Test
    void aModelThatWeighsFurtherGuessesGetsOneFromASentenceAfterTheLead() throws IOException {
        // given an article whose lead tells a round the rule reads, and whose tenth sentence tells a plant opened
        StringBuilder text = new StringBuilder("智谱宣布完成数亿元B轮融资。");
        for (int i = 0; i < 8; i++) {
            text.append("天气转凉。");
        }
        text.append("百度的新芯片工厂今天落成投用。");
        Article article = article(text.toString());
        // when a model weighs a guess beside the rules', and one with and one without a weight for a further guess
        String beside = "feature,weight\n(bias),1.0\n(threshold),0.1\n" + ConfidenceFeatures.GUESSED_BESIDE_RULES
                + ",-0.5\n";
        RuleBasedExtractor leadOnly = extractorWithConfidence(beside);
        RuleBasedExtractor further = extractorWithConfidence(beside + ConfidenceFeatures.GUESSED_ANOTHER + ",-0.5\n");
        // then only the second guesses beyond the lead, and marks the guess as a further one
        assertThat(leadOnly.extract(article)).extracting(Event::type).containsExactly(EventType.FUNDING);
        assertThat(further.scored(article, CompanyDirectory.empty())).filteredOn(s -> s.event().type() == EventType.INVESTMENT)
                .singleElement().satisfies(s -> assertThat(s.event().subject()).isEqualTo("百度"))
                .satisfies(s -> assertThat(s.features()).containsKey(ConfidenceFeatures.GUESSED_ANOTHER));
    }

    private static RuleBasedExtractor extractorWithConfidence(String model) throws IOException {
        Path dir = Files.createDirectories(config.resolve("with-confidence-" + Integer.toHexString(model.hashCode())));
        Files.copy(config.resolve("sentence-types.csv"), dir.resolve("sentence-types.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("event-confidence.csv"), model, StandardCharsets.UTF_8);
        return new RuleBasedExtractor(Knowledge.load(dir), ExtractionSettings.defaults());
    }

    private static Article article(String text) {
        return TestArticle.withText(text).id("a1").publishedAt("2024-11-20T02:00:00Z").build();
    }
}
