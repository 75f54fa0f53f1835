package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import io.aipulse.testsupport.TestArticle;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Behaviour of the extractor on short articles, with the small registry of src/test/resources/extract/config. */
class RuleBasedExtractorTest {

    private static Knowledge knowledge;
    private static EventExtractor extractor;

    @BeforeAll
    static void load() throws URISyntaxException {
        knowledge = Knowledge.load(Path.of(RuleBasedExtractorTest.class.getResource("/extract/config").toURI()));
        extractor = new RuleBasedExtractor(knowledge, ExtractionSettings.defaults());
    }

    /** An article published on 2023-08-01 10:00 in Shanghai. */
    private static Article article(String text) {
        return TestArticle.withText(text).id("a1").publishedAt("2023-08-01T02:00:00Z").build();
    }

    private static List<Event> extract(String text) {
        return extractor.extract(article(text));
    }

    private static Event only(List<Event> events, EventType type) {
        List<Event> of = events.stream().filter(e -> e.type() == type).toList();
        assertThat(of).as("events of type %s in %s", type, events).hasSize(1);
        return of.get(0);
    }

    @Test
    void readsAFundingRoundWithAmountRoundInvestorsAndTheCityOfTheLegalName() {
        // given
        String text = "据投资界报道,近日,AI 蛋白质设计公司杭州力文所生物科技有限公司宣布完成数千万元天使轮融资。"
                + "本轮融资由凯泰资本领投,磐霖资本、红什资本跟投。";
        // when
        Event e = only(extract(text), EventType.FUNDING);
        // then
        assertThat(e.subject()).isEqualTo("力文所生物");
        assertThat(e.round()).isEqualTo(Round.ANGEL);
        assertThat(e.amount().min()).isEqualTo(10_000_000L);
        assertThat(e.amount().max()).isEqualTo(99_999_999L);
        assertThat(e.counterparties()).startsWith("凯泰资本").contains("磐霖资本", "红什资本");
        assertThat(e.city()).isEqualTo("hangzhou");
        assertThat(e.country()).isEqualTo("CN");
        assertThat(e.sector()).isEqualTo("healthcare-biotech");
        assertThat(e.date()).isEqualTo("2023-08-01");
        assertThat(e.dateSource()).isEqualTo(DateSource.ARTICLE);
    }

    @Test
    void aHeadlineAndItsBodyAreOneEvent() {
        // given a digest item: headline glued to a dateline, then the body
        String text = "Web3 和 AI 初创公司 ZYBER 365 完成 1 亿美元 A 轮融资据 Financial Express 报道,"
                + "Web3 和 AI 初创公司 ZYBER 365 宣布完成 1 亿美元 A 轮融资,公司估值达 12 亿美元。";
        // when
        List<Event> events = extract(text);
        // then
        Event e = only(events, EventType.FUNDING);
        assertThat(e.subject()).isEqualTo("ZYBER 365");
        assertThat(e.amount().min()).isEqualTo(100_000_000L);
        assertThat(e.round()).isEqualTo(Round.A);
    }

    @Test
    void anAnaphorPointsToTheActorTheHeadlineNames() {
        // given a headline about one company, then a sentence naming another company first, then 该公司
        String text = "百川智能发布新一代大模型\n美团和百川智能今年都在扩张。该公司近日宣布完成3亿元B轮融资。";
        // when
        Event e = only(extract(text), EventType.FUNDING);
        // then
        assertThat(e.subject()).isEqualTo("百川智能");
    }

    @Test
    void theCompanyInAPersonsWordsIsTheCompanyThePersonSpeaksFor() {
        // given a founder, named by his company and title, who tells of "公司" in his own words
        String text = "百川智能的新一年\n百川智能创始人王小川在全员信中说:公司完成5亿美元C轮融资。";
        // when
        Event e = only(extract(text), EventType.FUNDING);
        // then the company he speaks for is the one financed
        assertThat(e.subject()).isEqualTo("百川智能");
    }

    @Test
    void theSameArticleGivesTheSameEventIds() {
        String text = "7 月 11 日,百川智能正式发布参数量 130 亿的通用大语言模型 Baichuan-13B。";
        assertThat(extract(text).get(0).eventId()).isEqualTo(extract(text).get(0).eventId());
    }

    @Test
    void aDatelineDatesTheEventsOfItsItem() {
        // given
        String text = "据 TechCrunch 7 月 26 日报道,AI 安全公司 Protect AI 宣布完成 3500 万美元 A 轮融资,"
                + "Evolution Equity Partners 领投。";
        // when
        Event e = only(extract(text), EventType.FUNDING);
        // then
        assertThat(e.date()).isEqualTo("2023-07-26");
        assertThat(e.dateSource()).isEqualTo(DateSource.EVENT);
        assertThat(e.sector()).isEqualTo("security-governance");
        assertThat(e.counterparties()).containsExactly("Evolution Equity Partners");
    }

    @Test
    void readsAModelReleaseWithTheModelName() {
        // when
        Event e = only(extract("7 月 11 日,百川智能正式发布参数量 130 亿的通用大语言模型 Baichuan-13B。"),
                EventType.MODEL_RELEASE);
        // then
        assertThat(e.subject()).isEqualTo("百川智能");
        assertThat(e.product()).startsWith("Baichuan-13B");
        assertThat(e.date()).isEqualTo("2023-07-11");
        assertThat(e.sector()).isEqualTo("foundation-models");
        assertThat(e.city()).isEqualTo("beijing");
    }

    @Test
    void aPlatformIsAProductLaunchNotAModelRelease() {
        List<Event> events = extract("2023年4月14日,腾讯云正式发布新一代高性能算力集群。");
        Event e = only(events, EventType.PRODUCT_LAUNCH);
        assertThat(e.subject()).isEqualTo("腾讯云");
        assertThat(e.sector()).isEqualTo("compute-chips");
        assertThat(events).noneMatch(x -> x.type() == EventType.MODEL_RELEASE);
    }

    @Test
    void anInvestmentInDataCentresIsOfComputeWhateverItsInvestorMakes() {
        // given an online retailer (ecommerce-marketing in the test registry) building computing centres
        // when
        Event e = only(extract("2023年7月5日,阿里巴巴宣布将投资100亿元在杭州建设两座新的算力中心。"), EventType.INVESTMENT);
        // then: the sector of what is invested in
        assertThat(e.subject()).isEqualTo("阿里巴巴");
        assertThat(e.sector()).isEqualTo("compute-chips");
    }

    @Test
    void aCatalogueModelNamesItsMaker() {
        // given a model without its maker named
        Event e = only(extract("而基于文心大模型推出的文心一言,自2023 年 7 月 1 日向全社会开放以来,用户规模突破 1 亿。"),
                EventType.MODEL_RELEASE);
        // then
        assertThat(e.subject()).isEqualTo("百度");
        assertThat(e.date()).isEqualTo("2023-07-01");
    }

    @Test
    void aPolicyOfANationalBodyIsNational() {
        // when
        Event e = only(extract("7月13日,网信办等七个部门正式发布了《生成式人工智能服务管理暂行办法》。"), EventType.POLICY);
        // then
        assertThat(e.subject()).isEqualTo("国家互联网信息办公室");
        assertThat(e.product()).isEqualTo("《生成式人工智能服务管理暂行办法》");
        assertThat(e.city()).isEqualTo("national");
        assertThat(e.country()).isEqualTo("CN");
        assertThat(e.sector()).isEqualTo("security-governance");
    }

    @Test
    void aPolicyWithoutItsIssuerIsIssuedByThePlaceOfItsTitle() {
        Event e = only(extract("比如,2023年5月印发的《北京市促进通用人工智能创新发展的若干措施》明确指出,要加快建设。"),
                EventType.POLICY);
        assertThat(e.subject()).isEqualTo("北京市人民政府");
        assertThat(e.date()).isEqualTo("2023-05-01");
        assertThat(e.city()).isEqualTo("beijing");
        assertThat(e.sector()).isEqualTo("general");
    }

    @Test
    void districtsRollUpToTheirCity() {
        Event e = only(extract("同年5月,海淀区人民政府印发的一份实施方案提出,到2025年产业规模超2300亿元。"), EventType.POLICY);
        assertThat(e.subject()).isEqualTo("海淀区人民政府");
        assertThat(e.city()).isEqualTo("beijing");
    }

    @Test
    void aCityPrefixBeforeADescriptorGivesTheCity() {
        Event e = only(extract("据 TechCrunch 7 月 27 日报道,伦敦 AI 初创公司 AutogenAI 获得来自 Blossom Capital 的 2230 万美元投资。"),
                EventType.FUNDING);
        assertThat(e.subject()).isEqualTo("AutogenAI");
        assertThat(e.city()).isEqualTo("london");
        assertThat(e.country()).isEqualTo("GB");
        assertThat(e.round()).isEqualTo(Round.UNDISCLOSED);
        assertThat(e.counterparties()).containsExactly("Blossom Capital");
    }

    @Test
    void bayAreaIsSanFrancisco() {
        Event e = only(extract("硅谷 AI 初创公司 Nova 宣布完成 2000 万美元 A 轮融资。"), EventType.FUNDING);
        assertThat(e.city()).isEqualTo("san-francisco");
        assertThat(e.country()).isEqualTo("US");
    }

    @Test
    void aCountryBeforeADescriptorGivesTheCountryAndTheRegistryTheCity() {
        Event e = only(extract("加拿大信息技术服务公司 CGI 计划在三年内投资 10 亿加元(约合 7.563 亿美元)。"), EventType.INVESTMENT);
        assertThat(e.amount().currency()).isEqualTo("CAD");
        assertThat(e.amount().min()).isEqualTo(1_000_000_000L);
        assertThat(e.country()).isEqualTo("CA");
        assertThat(e.city()).isEqualTo("montreal");
    }

    @Test
    void readsAPartnershipWithItsCounterparty() {
        Event e = only(extract("2023年4月19日,云知声智能科技股份有限公司与优刻得科技股份有限公司达成了战略合作。"),
                EventType.PARTNERSHIP);
        assertThat(e.subject()).isEqualTo("云知声智能");
        assertThat(e.counterparties()).containsExactly("优刻得");
        assertThat(e.date()).isEqualTo("2023-04-19");
    }

    @Test
    void readsAnAcquisitionWithTargetAndAmount() {
        Event e = only(extract("6月29日,美团公告宣布收购光年之外的全部权益,总代价包括现金约2.33亿美元(合人民币16.7亿元)。"),
                EventType.ACQUISITION);
        assertThat(e.subject()).isEqualTo("美团");
        assertThat(e.counterparties()).containsExactly("光年之外");
        assertThat(e.amount().min()).isEqualTo(233_000_000L);
        assertThat(e.amount().cnyMin()).isEqualTo(1_670_000_000L);
    }

    @Test
    void aFilingAndARejectionInOneSentenceAreTwoListingSteps() {
        // given an article of 2023-08-01: 去年7月 is 13 months back, background
        List<Event> events = extract("另一家老牌AI公司也在跟进,今年1月,思必驰向科创板递交了IPO申请,在今年5月被上市审核委员会否决。");
        // then
        assertThat(events).filteredOn(e -> e.type() == EventType.IPO)
                .extracting(Event::stage, Event::date)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(IpoStage.FILED, "2023-01-01"),
                        org.assertj.core.groups.Tuple.tuple(IpoStage.REJECTED, "2023-05-01"));
    }

    @Test
    void eventsDatedMoreThanTwelveMonthsBeforeTheArticleAreBackground() {
        List<Event> events = extract("2022年7月,思必驰向科创板递交了IPO申请。2017年阿里达摩院成立。");
        assertThat(events).isEmpty();
    }

    @Test
    void aPersonJoiningNamesTheOrganisationJoined() {
        Event e = only(extract("据《科创板日报》7 月 27 日报道,搜狗原 CMO 洪涛在朋友圈宣布,即将入职搜狗前 CEO 王小川联合创立的 AI 大模型公司百川智能。"),
                EventType.PERSONNEL);
        assertThat(e.subject()).isEqualTo("百川智能");
        assertThat(e.product()).contains("洪涛");
        assertThat(e.date()).isEqualTo("2023-07-27");
    }

    @Test
    void aForecastOfANamedBodyIsAReport() {
        Event e = only(extract("据《科创板日报》7 月 25 日报道,IDC 公布预测称,到 2026 年,中国 50% 终端设备处理器将带有 AI 芯片。"),
                EventType.REPORT);
        assertThat(e.subject()).isEqualTo("IDC");
        assertThat(e.date()).isEqualTo("2023-07-25");
    }

    @Test
    void mediaQuotedInADatelineAreNotSubjects() {
        List<Event> events = extract("据36氪报道,36氪发布了一则消息。据 36氪 7 月 31 日报道,灵奥科技近日正式宣布完成种子轮融资。");
        assertThat(events).extracting(Event::subject).doesNotContain("36氪");
        assertThat(only(events, EventType.FUNDING).subject()).isEqualTo("灵奥");
    }

    @Test
    void aSetbackNamedByCoreferenceBelongsToTheCompany() {
        String text = "2023年,竹间智能推出了大模型工厂。未承想,这样的独角兽企业会在2023年7月被迫宣布“部分停工停产”。";
        Event e = only(extract(text), EventType.SETBACK);
        assertThat(e.subject()).isEqualTo("竹间智能");
        assertThat(e.date()).isEqualTo("2023-07-01");
    }

    @Test
    void readsAResearchResult() {
        Event e = only(extract("上海人工智能实验室基于风乌气象大模型对台风路径进行预测,实现了准确预报。"), EventType.RESEARCH);
        assertThat(e.subject()).isEqualTo("上海人工智能实验室");
        assertThat(e.sector()).isEqualTo("science");
        assertThat(e.city()).isEqualTo("shanghai");
    }

    @Test
    void opinionsAndQuotesAreNotEvents() {
        List<Event> events = extract("OpenAI CEO:AI 可以提高员工生产力。Reddit 社区网友认为 OpenAI 推迟发布该开源模型的原因有两个。"
                + "“我们会在下个月发布新模型,并完成新一轮融资,这对我们很重要。”他说。");
        assertThat(events).isEmpty();
    }

    @Test
    void questionsAreNotEvents() {
        // given a headline and a sentence that ask, and a page whose broken encoding puts ? inside a word
        String asks = "百川智能为何总是裁员?\n百川智能还会发布新模型吗？";
        String garbled = "百川智能發布了新一代大模型產?品,性能提升明顯。";
        // when / then
        assertThat(extract(asks)).isEmpty();
        assertThat(extract(garbled)).extracting(Event::type).containsExactly(EventType.MODEL_RELEASE);
    }

    @Test
    void prepositionsQuantitiesAndAdverbsAreNoPartOfAName() {
        // given a preposition and a quantity before a body's suffix, and an adverb after a descriptor
        List<Event> events = extract("我国不少地方政府出台相关支持政策。已有多家创业公司陆续推出了AI视频工具。"
                + "董事会预期收购事项将使管理层能够带领本集团发展。");
        // then no fragment is an organisation that acts
        assertThat(events).extracting(Event::subject).noneMatch(n -> n.contains("不少") || n.contains("陆续")
                || n.contains("带领"));
    }

    @Test
    void twoExecutivesLeavingAreTwoEventsAndOnePersonNamedTwiceIsOne() {
        // given two co-founders leaving, and one hire told twice with and without a description
        List<Event> leaving = extract("百川智能联合创始人张明已于近日离职。百川智能联合创始人、技术副总裁李强也已离职。");
        List<Event> hired = extract("百川智能任命王五为首席技术官。百川智能宣布,正式聘请49岁的王五(Wang Wu)为公司的首席技术官。");
        // then
        assertThat(leaving).filteredOn(e -> e.type() == EventType.PERSONNEL).hasSize(2);
        assertThat(hired).filteredOn(e -> e.type() == EventType.PERSONNEL).hasSize(1);
    }

    @Test
    void aReleaseASpanIsCountedFromAndALicenceAreNoNews() {
        // given a span of time counted from a past release, and code opened under a licence
        List<Event> events = extract("距离百川智能发布Baichuan2已近一个月。该项目的模型权重均采用Modified MIT License开源。");
        // then neither is a release, nor the licence an organisation
        assertThat(events).isEmpty();
    }

    @Test
    void trendsWithoutAProductAreNoLaunch() {
        assertThat(extract("百度、阿里巴巴等科技企业陆续推出产品,市场竞争日趋激烈。")).isEmpty();
    }

    @Test
    void injectedCryptoItemsGiveNoEvents() {
        String text = "对于腾讯来说,近年来主营业务增长稳中向好。\n"
                + "数据:Riot Blockchain 8月共产出441枚BTC:9月9日消息,纳斯达克上市矿企Riot Blockchain发布8月份生产更新,"
                + "公司宣布完成 1 亿美元融资。[2021/9/9 23:12:07]\n";
        assertThat(extract(text)).isEmpty();
    }

    @Test
    void relatedArticleListsGiveNoEvents() {
        String text = "上海人工智能产业持续发展,规模逐年扩大,形成了全产业链布局,这是一段足够长的正文内容,用来说明问题。\n相关阅读\n"
                + "百度发布文心大模型4.0\n澎湃新闻 2024-07-06\n阿里云完成10亿元融资\n";
        assertThat(extract(text)).isEmpty();
    }

    @Test
    void theLiveDirectoryWinsOverTheBundledRegistry() {
        // given a correction of 百川智能's city in the live company table
        CompanyDirectory live = name -> name.equals("百川智能")
                ? Optional.of(new Company("百川智能", List.of(), "company", "shanghai", "CN", "foundation-models"))
                : Optional.empty();
        // when
        Event e = extractor.extract(article("百川智能正式发布通用大模型 Baichuan2。"), live).get(0);
        // then
        assertThat(e.city()).isEqualTo("shanghai");
    }

    @Test
    void traditionalCharactersAreTheSameCompaniesAndCities() {
        Event e = only(extract("2023年4月14日,騰訊雲正式發布新一代高性能算力集群。廣州智元科技有限公司宣布完成數千萬元天使輪融資。"),
                EventType.FUNDING);
        assertThat(e.subject()).isEqualTo("智元");
        assertThat(e.city()).isEqualTo("guangzhou");
        assertThat(only(extract("騰訊雲正式發布新一代高性能算力集群。"), EventType.PRODUCT_LAUNCH).subject()).isEqualTo("腾讯云");
    }

    @Test
    void onAPageWithoutADateAnEventOfTheLatestYearItNamesIsNoHistory() {
        // given a page read in 2027 that names 2025 as its latest year, and one of 2025 naming 2023 too
        Article undated = TestArticle.withText("2023年,行业融资规模下滑。2025年,月之暗面完成新一轮融资。").id("a3")
                .publishedAt("2027-03-01T00:00:00Z").timeSource(TimeSource.INGEST).build();
        Article dated = TestArticle.withText("2023年,月之暗面完成新一轮融资。").id("a4").publishedAt("2025-03-01T00:00:00Z")
                .build();
        // when / then: the page's own years, not the day it was read, say what is history
        assertThat(extractor.extract(undated)).extracting(Event::type).containsExactly(EventType.FUNDING);
        assertThat(extractor.extract(dated)).isEmpty();
    }

    @Test
    void anInstitutionsOwnNewsSaysWeForItself() {
        // given a hospital's page that names the hospital, then tells "我院" signing an agreement
        Article page = TestArticle.withText("北京协和医院近日举行签约仪式。3月4日,我院与中国移动北京公司签署战略合作协议。")
                .id("a6").publishedAt("2025-03-05T02:00:00Z").build();
        // when / then: the hospital is the first party, not its partner
        assertThat(only(extractor.extract(page), EventType.PARTNERSHIP).subject()).isEqualTo("北京协和医院");
    }

    @Test
    void onAPageOfAYearWithoutItsDayAnEventOfTheMonthsBeforeIsNoHistory() {
        // given an undated page read in 2027 that opens "2025年开年" and tells a release of December 2024
        Article undated = TestArticle.withText("2025年开年,人工智能热度不减。2024年12月,百度发布了文心大模型4.5。").id("a5")
                .publishedAt("2027-03-01T00:00:00Z").timeSource(TimeSource.INGEST).build();
        // when / then: the page may be of any day of 2025; December 2024 is within a year of its middle
        assertThat(extractor.extract(undated)).extracting(Event::type).containsExactly(EventType.MODEL_RELEASE);
    }

    @Test
    void withoutAPublicationDateUndatedEventsHaveNoDate() {
        Article undated = TestArticle.withText("月之暗面发布Kimi智能助手。").id("a2").publishedAt("2026-01-01T00:00:00Z")
                .timeSource(TimeSource.INGEST).build();
        Event e = extractor.extract(undated).get(0);
        assertThat(e.date()).isNull();
        assertThat(e.dateSource()).isEqualTo(DateSource.UNKNOWN);
    }

    @Test
    void evidenceIsTheCleanedClause() {
        Event e = only(extract("<p>7 月 11 日，百川智能正式发布通用大模型 Baichuan-13B。</p>"), EventType.MODEL_RELEASE);
        assertThat(e.evidence()).isEqualTo("百川智能正式发布通用大模型 Baichuan-13B");
    }

    @Test
    void twoDocumentsOfOneBodyAreTwoPolicies() {
        List<Event> events = extract("3月,北京市人民政府印发《北京市算力基础设施建设实施方案》。"
                + "5月,北京市人民政府印发《北京市促进通用人工智能创新发展的若干措施》。");
        assertThat(events).filteredOn(e -> e.type() == EventType.POLICY).extracting(Event::product)
                .containsExactly("《北京市算力基础设施建设实施方案》", "《北京市促进通用人工智能创新发展的若干措施》");
        assertThat(events).extracting(Event::eventId).doesNotHaveDuplicates();
    }

    @Test
    void oneReleaseMentionedTwiceIsOneEvent() {
        List<Event> events = extract("7 月 11 日,百川智能正式发布通用大模型 Baichuan-13B。据悉,百川智能此次发布的 Baichuan-13B 可免费商用。"
                + "百川智能发布的 Baichuan-13B 大模型性能领先。");
        assertThat(events).filteredOn(e -> e.type() == EventType.MODEL_RELEASE).hasSize(1);
    }

    @Test
    void aReleaseWordInsideADocumentsTitleIsNoLaunch() {
        // 开放 and 发布 name the policy here, they release nothing
        List<Event> events = extract("国务院办公厅印发了《关于加快场景开放推动新场景大规模应用的实施意见》。");
        assertThat(events).extracting(Event::type).containsExactly(EventType.POLICY);
    }

    @Test
    void anAffiliationOrADescriptorBeforeANameIsNotTheCompanyFinanced() {
        // 清华系 says where the company comes from; "AI Agent" says what it does
        assertThat(only(extract("清华系具身智能公司星河动力宣布完成A轮融资。"), EventType.FUNDING).subject())
                .isEqualTo("星河动力");
        assertThat(only(extract("近日,AI Agent公司明略科技获得新一轮融资。"), EventType.FUNDING).subject())
                .startsWith("明略");
    }

    @Test
    void anUnknownCompanyAfterItsDescriptorFilesForAListing() {
        // given companies the registry does not know, each named after its descriptor or with a filing's own words,
        // and named again later in the article as real news names them
        String again = "据悉,星衡智能成立于2020年。";
        // then each filing is the IPO of the company, without its descriptor
        assertThat(only(extract("AI医疗公司星衡智能向港交所递交上市申请。" + again), EventType.IPO).subject())
                .isEqualTo("星衡智能");
        assertThat(only(extract("星衡智能的科创板IPO申请获上交所受理。" + again), EventType.IPO).subject())
                .isEqualTo("星衡智能");
        assertThat(only(extract("星衡智能更新招股书,继续冲刺港股IPO。" + again), EventType.IPO).subject())
                .isEqualTo("星衡智能");
        assertThat(only(extract("初创企业星衡智能今日宣布完成1亿元A轮融资。" + again), EventType.FUNDING).subject())
                .isEqualTo("星衡智能");
    }

    @Test
    void anInvestorNamedBeforeTheCompanyIsItsInvestorNotTheCompanyFinanced() {
        Event e = only(extract("红杉中国领投了星河动力的A轮融资。"), EventType.FUNDING);
        assertThat(e.subject()).isEqualTo("星河动力");
        assertThat(e.round()).isEqualTo(Round.A);
        assertThat(e.counterparties()).contains("红杉中国");
        // a commitment, a total or the past is no round
        assertThat(extract("软银宣布将向OpenAI投资400亿美元。")).noneMatch(x -> x.type() == EventType.FUNDING);
        assertThat(extract("红杉中国此前曾领投星河动力的天使轮融资。")).isEmpty();
        assertThat(extract("星河动力宣布启动新一轮融资。")).isEmpty();
    }

    @Test
    void aPredictionModelIsNoForecast() {
        // 预测 as a noun's modifier ("结构预测模型") publishes nothing
        assertThat(extract("北京大学研究团队开发出一种新的蛋白质结构预测模型。")).noneMatch(x -> x.type() == EventType.REPORT);
    }

    @Test
    void aListingsProceedsAreNoRoundAndANicknameDoesNotAct() {
        // given proceeds raised by a public offering, and a company called after a famous one
        List<Event> events = extract("“中国版百度”思必驰挂牌首日股价大涨。思必驰透过首次公开募股筹集了80亿元人民币。");
        // then the listing is the only event, and it is the company's own
        assertThat(events).extracting(Event::type).containsExactly(EventType.IPO);
        assertThat(events).extracting(Event::subject).containsExactly("思必驰");
    }

    @Test
    void anOpenSourceEcosystemATimeAfterAReleaseAndAModelNamedByItsReleaseAreNoReleases() {
        // given 开源 as an adjective, a model named by its past release in a clause of something else, a release that
        // dates what follows, and another's model built into a product
        List<Event> events = extract("文心模型使百度在全球开源人工智能生态系统中占据了领先地位,模型在开源开发平台上可供下载。"
                + "百川智能称,其性能超越了在7月发布的通义千问模型。"
                + "这一点从阿里巴巴在今年初发布了通义千问之后便可见一斑。");
        List<Event> broughtIn = extract("腾讯引入百川智能的大模型。");
        // then nothing is released, and a model brought in is the product launch of the company that brings it in
        assertThat(events).noneMatch(e -> e.type() == EventType.MODEL_RELEASE || e.type() == EventType.PRODUCT_LAUNCH);
        assertThat(broughtIn).extracting(Event::type, Event::subject).containsExactly(
                org.assertj.core.groups.Tuple.tuple(EventType.PRODUCT_LAUNCH, "腾讯"));
    }

    @Test
    void aSpanCountedBackIsNoName() {
        // given a round told from a span of time ago
        List<Event> events = extract("三个月前刚拿下2.2亿美元的种子轮融资。");
        // then the span is no company that was funded
        assertThat(events).extracting(Event::subject).noneMatch(n -> n.contains("月前"));
    }

    @Test
    void anUndatedPageDatesItsYearFromTheLatestYearItNames() {
        // given a page without a date of its own, read long after it was written, that names its year only in a
        // quarter ("2025Q3") and then tells of rounds of "this year"
        Article page = TestArticle.withText("据IT桔子统计,2025Q3前十名人工智能企业合计融资超百亿元。百川智能在今年7月完成新一轮10亿元融资。")
                .id("a2").publishedAt("2026-12-06T02:00:00Z").timeSource(TimeSource.INGEST).build();
        // when
        Event e = only(extractor.extract(page), EventType.FUNDING);
        // then 今年 is the page's year, not the year it was read
        assertThat(e.date()).isEqualTo("2025-07-01");
    }

    @Test
    void aRuleIssuedIsAPolicyNotAProduct() {
        // given a regulator that issues new rules about a product
        List<Event> events = extract("国家互联网信息办公室发布人工智能芯片出口管制新规。");
        // then the rules are a policy, never a product launched
        assertThat(events).extracting(Event::type).containsExactly(EventType.POLICY);
    }

    @Test
    void aProductThatGoesOnSaleIsNoListing() {
        // given a car model that 上市 (goes on sale), and the company's own listing
        List<Event> product = extract("百度RT6正式上市,售价20万元。");
        List<Event> listing = extract("百度在港交所上市。");
        // then only the company's listing is an IPO
        assertThat(product).noneMatch(e -> e.type() == EventType.IPO);
        assertThat(listing).extracting(Event::type).containsExactly(EventType.IPO);
    }

    @Test
    void anAgreementToldAgainFromThePartnersSideIsOnePartnership() {
        // given: the same agreement, first from one party, then from the other
        String text = "百度与阿里巴巴签署战略合作协议,共建大模型算力平台。阿里巴巴携手百度打造超级算力中心。";
        // when
        Event e = only(extract(text), EventType.PARTNERSHIP);
        // then
        assertThat(e.subject()).isEqualTo("百度");
        assertThat(e.counterparties()).containsExactly("阿里巴巴");
    }

    @Test
    void anAcquisitionToldWithoutAPriceTakesTheDealValueTheArticleStates() {
        // given: the takeover in one sentence, its value in another
        String text = "百度宣布收购思必驰43%的股份,取得其控制权。"
                + "股份转让价格为17.72元/股,以此计算,合计总对价达16.65亿元。";
        // when
        Event e = only(extract(text), EventType.ACQUISITION);
        // then: the total, never the price of one share
        assertThat(e.amount()).isNotNull();
        assertThat(e.amount().currency()).isEqualTo("CNY");
        assertThat(e.amount().min()).isEqualTo(1_665_000_000L);
    }

    @Test
    void aDealValueIsNotGivenWhenTheArticleToldTwoAcquisitions() {
        // given
        String text = "腾讯宣布收购思必驰43%的股份。百度宣布收购欢聚集团旗下YY直播。此次交易对价达16.65亿元。";
        // when
        List<Event> takeovers = extract(text).stream().filter(e -> e.type() == EventType.ACQUISITION).toList();
        // then
        assertThat(takeovers).hasSizeGreaterThanOrEqualTo(2).allSatisfy(e -> assertThat(e.amount()).isNull());
    }
}
