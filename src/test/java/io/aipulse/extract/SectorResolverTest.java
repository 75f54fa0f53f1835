package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The sector of an event with the shipped knowledge ({@code config/}): the sector of what the event is about,
 * on sentences written by the team.
 */
class SectorResolverTest {

    private static RuleBasedExtractor extractor;

    @BeforeAll
    static void loadTheShippedKnowledge() {
        extractor = new RuleBasedExtractor(Knowledge.load(Path.of("config")), ExtractionSettings.defaults());
    }

    private static String sectorOf(EventType type, String text) {
        return only(type, text).sector();
    }

    private static Event only(EventType type, String text) {
        Article article = new Article("sector", null, null, null, text.replace("\\n", "\n"), Instant.parse("2024-11-20T02:00:00Z"),
                TimeSource.TEXT, "sector");
        // the events as the rules read them, before the confidence model drops any: the sector is under test
        List<Event> events = extractor.scored(article, CompanyDirectory.empty()).stream().map(RuleBasedExtractor.Scored::event)
                .filter(e -> e.type() == type).toList();
        assertThat(events).as("events of type %s in %s", type, text).hasSize(1);
        return events.get(0);
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            # a survey is the report's genre, not an investigation (调查 alone is security-governance)
            REPORT | 据研究机构Gartner调查显示,超过六成员工已在工作中使用AI工具。 | general
            # hardware and software listed together: a cross-sector forecast
            REPORT | 据行业分析机构IDC统计,2025年全球企业在人工智能软件、硬件和服务上的支出将达到3000亿美元。 | general
            # the publisher's descriptor says what the publisher does, not what the report is about
            REPORT | 据数据分析平台Crunchbase统计,今年二季度全球AI初创公司共融资240亿美元。 | general
            # a report about one field keeps that field
            REPORT | 据IDC统计,2025年中国AI芯片出货量将同比增长50%。 | compute-chips
            # the journal is where research appears, not what it is about
            RESEARCH | 百川智能关于大模型推理能力的研究论文登上《自然》封面。 | foundation-models
            RESEARCH | 中国科学院研究团队在《科学》杂志发表论文，用AI模型预测台风路径。 | science
            # a company the registry does not know: what the article says it is, wherever it says it
            IPO | 8月8日，云帆科技在港交所主板挂牌上市，首日股价上涨12%。\\n\\n云帆科技是一家专注于工业质检的人工智能企业，成立于2016年。 | manufacturing
            # a catalogue model with its version glued on is still the model: an on-device general model is a model
            MODEL_RELEASE | 面壁智能今日发布新一代端侧开源模型MiniCPM4.0。 | foundation-models
            # an acquisition is in the field of the company bought, not of the buyer
            ACQUISITION | 11月18日，腾讯宣布以2亿元收购星图智能。\\n\\n星图智能是一家医学影像AI公司。 | healthcare-biotech
            ACQUISITION | 蚂蚁集团宣布全资收购好大夫在线。 | healthcare-biotech
            ACQUISITION | AMD宣布以49亿美元收购人工智能服务器集团ZT Systems。 | compute-chips
            SETBACK | 据报道，AI医学影像公司——深瞳医疗已申请破产。\\n\\n公司创始人表示将配合清算。\\n\\n3月，深瞳医疗宣布裁员一半。 | healthcare-biotech
            # a robot vacuum is a robot
            SETBACK | 据报道，扫地机器人公司清扬科技宣布裁员约300人。 | robotics
            # a market of AIGC (generative AI as a whole) is AI in general
            REPORT | 据艾瑞咨询统计，2024年中国AIGC市场规模达到300亿元。 | general
            # Taiwan's 智慧製造 is smart manufacturing, named first
            PARTNERSHIP | 遠傳電信今天與資策會簽署合作備忘錄，聚焦智慧製造與智慧醫療。 | manufacturing
            # what the company is said to work on (专注于...), after a founding clause (成立于...，是...企业), its own name
            IPO | 11月18日，云途科技在港交所挂牌上市。\\n\\n云途科技专注于自动泊车和辅助驾驶解决方案，客户包括多家车企。 | transportation
            FUNDING | 蓝湾科技宣布完成5000万元A轮融资，由启明创投领投。\\n\\n蓝湾科技成立于2021年，是一家研发、生产、销售水下机器人的科技企业。 | robotics
            IPO | 6月23日，青禾机器人向港交所主板递交上市申请，争夺“工业具身智能第一股”。 | robotics
            # a product built on a catalogue model but named as a thing of another field is that thing
            PRODUCT_LAUNCH | 11月18日，阿里巴巴正式推出千问AI眼镜，售价3999元。 | consumer-devices
            PRODUCT_LAUNCH | 微软在开发者大会上发布了 Copilot+ PC。 | consumer-devices
            # a model release is about the model, whatever follows its name
            MODEL_RELEASE | 面壁智能今日发布MiniCPM4.0端侧开源模型。 | foundation-models
            # the clause that says what the money is for names the field, not the investor's own business
            INVESTMENT | 百度宣布,未来五年将投入超过500亿元,用于建设人工智能基础设施。 | compute-chips
            # Taiwan's word for a data centre
            INVESTMENT | 微軟宣布將斥資50億美元在台灣興建資料中心。 | compute-chips
            """)
    void theSectorIsThatOfWhatTheEventIsAbout(EventType type, String text, String sector) {
        assertThat(sectorOf(type, text)).isEqualTo(sector);
    }

    @Test
    void whenNothingAboutTheEventNamesAFieldTheArticlesLeadDoes() {
        String text = "三家中国公司因试图取得AI芯片被列入实体清单\n\n"
                + "商务部当天公布,新增多家实体至实体清单,包括星辰数智、北辰智联及远光数科这三家中国公司。";
        Article article = new Article("lead", null, null, null, text, Instant.parse("2024-11-20T02:00:00Z"),
                TimeSource.TEXT, "lead");
        // the rules' events before the confidence model: their sector is what this tests, not whether they are kept
        List<Event> setbacks = extractor.scored(article, CompanyDirectory.empty(), false).stream()
                .map(RuleBasedExtractor.Scored::event).filter(e -> e.type() == EventType.SETBACK).toList();
        assertThat(setbacks).extracting(Event::subject).containsExactly("星辰数智", "北辰智联", "远光数科");
        assertThat(setbacks).extracting(Event::sector).containsOnly("compute-chips");
    }

    @Test
    void aNameRightAfterADescriptorNameIsTheCompanyBought() {
        Event e = only(EventType.ACQUISITION, "AMD宣布以49亿美元收购人工智能服务器集团ZT Systems。");
        assertThat(e.counterparties()).containsExactly("ZT Systems");
    }
}
