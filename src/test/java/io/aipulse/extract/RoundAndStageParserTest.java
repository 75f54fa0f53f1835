package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RoundAndStageParserTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "完成数千万元天使轮融资; ANGEL",
        "宣布完成 1 亿美元 A 轮融资; A",
        "已完成数千万元 Pre-A 轮融资; PRE_A",
        "完成数亿元A+轮融资; A_PLUS",
        "完成 B+ 轮融资; B_PLUS",
        "完成 Pre-B 轮融资; PRE_B",
        "宣布完成种子轮融资; SEED",
        "获得 1000 万美元的种子投资; SEED",
        "完成 C 轮融资; C",
        "完成D轮融资; D",
        "获得战略融资; STRATEGIC",
        "获得腾讯战略投资; STRATEGIC",
        "完成 Pre-IPO 轮融资; PRE_IPO",
        "closed its Series B round; B",
        "完成 A1 轮融资; A"})
    void readsFinancingRounds(String text, Round expected) {
        assertThat(RoundParser.find(text)).isEqualTo(expected);
    }

    @Test
    void theCheapTestLetThroughEveryRegionThePatternFindsARoundIn() {
        int found = 0;
        for (String text : GeneratedTexts.of(29, 20_000, 1, 8, "种子", "轮", "投资", "天使", "+", "战略", "融资", "Pre", "pre-",
                "IPO", "ipo", " ", "A", "b", "F", "G", "1", "＋", "plus", "PLUS", "系列", "round", "ROUND", "Series", "series ",
                "AI", "完成", "获得", "期")) {
            for (int from = 0; from < text.length(); from++) {
                for (int to = from; to <= text.length(); to++) {
                    if (RoundParser.ROUND.matcher(text).region(from, to).find()) {
                        found++;
                        assertThat(RoundParser.mayName(text, from, to)).as("%s [%d,%d)", text, from, to).isTrue();
                    }
                }
            }
        }
        assertThat(found).isGreaterThan(10_000);
    }

    @Test
    void theAOfAiIsNotARound() {
        assertThat(RoundParser.find("AI 初创公司获得投资")).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "出门问问已在5月末递交了招股书; FILED",
        "思必驰向科创板递交了IPO申请; FILED",
        "在今年5月被上市审核委员会否决; REJECTED",
        "主动撤回上市申请; WITHDRAWN",
        "科创板IPO终止; WITHDRAWN",
        "顺利通过上市委审议; APPROVED",
        "获证监会同意注册; APPROVED",
        "正式在港交所挂牌上市; LISTED",
        "于纳斯达克上市; LISTED",
        "成功登陆纳斯达克; LISTED",
        "已通过港交所聆讯; APPROVED",
        "刊发聆讯后资料集; APPROVED",
        "MiniMax(0100.HK)紧随其后挂牌; LISTED",
        "在港交所亮相; LISTED",
        "以发行价每股144.6港元上市; LISTED",
        "在香港交易所敲响铜锣; LISTED"})
    void readsListingSteps(String text, IpoStage expected) {
        assertThat(IpoStageParser.find(text)).isEqualTo(expected);
    }

    @Test
    void listedCompanyIsNotAListing() {
        assertThat(IpoStageParser.find("科创板上市企业星环科技")).isNull();
        assertThat(IpoStageParser.find("多家上市公司发布公告")).isNull();
    }
}
