package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class RawTextArticleParserTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2024-08-01T00:00:00Z");

    private final RawTextArticleParser parser = new RawTextArticleParser(SHANGHAI, InputLimits.defaults());

    @Test
    void readsTheTitleLinkAndSummaryHeader() throws Exception {
        // given
        String raw = """
                标题: 一周AIGC 丨杭州发布人工智能产业政策
                链接: http://www.thepaper.cn/newsDetail_forward_24067196
                总结: 杭州发布加快推进人工智能产业创新发展的实施意见。2023-08-01 18:42来源：澎湃新闻
                关键词:
                行业:
                """;

        // when
        Article article = parser.parse("000.txt", utf8(raw), NOW);

        // then
        assertThat(article.title()).isEqualTo("一周AIGC 丨杭州发布人工智能产业政策");
        assertThat(article.url()).isEqualTo("http://www.thepaper.cn/newsDetail_forward_24067196");
        assertThat(article.text()).isEqualTo("杭州发布加快推进人工智能产业创新发展的实施意见。2023-08-01 18:42来源：澎湃新闻");
        assertThat(article.summary()).isNull();
        assertThat(article.source()).isEqualTo("000.txt");
        assertThat(article.id()).isEqualTo(ArticleIds.of(article.url(), article.text())).startsWith("u-");
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2023-08-01T18:42+08:00").toInstant());
        assertThat(article.timeSource()).isEqualTo(TimeSource.TEXT);
    }

    @Test
    void aDateFieldWithoutATimeDatesTheArticle() throws Exception {
        // given a header field that prints only the day
        String raw = "发布时间：2024-07-20\n\n7月18日，深圳市人民政府印发《行动方案》。\n";

        // when
        Article article = parser.parse("d.txt", utf8(raw), NOW);

        // then
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-07-20T00:00+08:00").toInstant());
        assertThat(article.timeSource()).isEqualTo(TimeSource.TEXT);
    }

    @Test
    void keepsBodyLinesAfterTheSummaryHeader() throws Exception {
        Article article = parser.parse("a.txt", utf8("标题: T\n总结: 第一段\n第二段\n来源: 新华社"), NOW);

        assertThat(article.text()).isEqualTo("第一段\n第二段\n来源: 新华社");
    }

    @Test
    void readsFreeTextAsTheBody() throws Exception {
        // given an article without header whose first line happens to contain a colon
        String raw = "突破之年:北京成生成式人工智能产业链“领头羊”\n\n导读:2023年,基于大模型实现的生成式人工智能取得了新突破。\n";

        // when
        Article article = parser.parse("001.txt", utf8(raw), NOW);

        // then
        assertThat(article.title()).isNull();
        assertThat(article.url()).isNull();
        assertThat(article.text()).isEqualTo(raw.strip());
        assertThat(article.id()).isEqualTo(ArticleIds.of(null, raw.strip())).startsWith("t-");
    }

    @Test
    void findsThePublicationTimeWithSeconds() throws Exception {
        Article article = parser.parse("002.txt", utf8("“百模大战”之后\n\n2024-03-05 03:43:32金姬\n新民周刊 2024年8期"), NOW);

        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-03-05T03:43:32+08:00").toInstant());
        assertThat(article.timeSource()).isEqualTo(TimeSource.TEXT);
    }

    @Test
    void prefersADateHeader() throws Exception {
        Article article = parser.parse("d.txt", utf8("日期: 2023-07-30 08:00\n正文 2023-08-01 18:42 更新"), NOW);

        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse("2023-07-30T08:00+08:00").toInstant());
        assertThat(article.text()).isEqualTo("正文 2023-08-01 18:42 更新");
    }

    @Test
    void ignoresBracketedCryptoWireStamps() throws Exception {
        // given only injected wire items carry stamps
        String raw = "经历了半年的AI洗礼。\n24/7全天候监控网络,保护用户资金。[2022/8/2 2:53:15]\n"
                + "哈希率为2.2 EH/s。(雅虎财经)[2021/9/9 23:12:07]\n";

        // when
        Article article = parser.parse("003.txt", utf8(raw), NOW);

        // then the article has no publication time of its own: it is timed at ingest
        assertThat(article.timeSource()).isEqualTo(TimeSource.INGEST);
        assertThat(article.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void usesIngestTimeWithoutAStamp() throws Exception {
        Article article = parser.parse("x.txt", utf8("7月26日,OpenAI官方推特宣布,安卓版ChatGPT已提供下载。"), NOW);

        assertThat(article.timeSource()).isEqualTo(TimeSource.INGEST);
        assertThat(article.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void stripsAByteOrderMark() throws Exception {
        Article article = parser.parse("bom.txt", utf8("\uFEFF标题: 有BOM\n总结: 正文"), NOW);

        assertThat(article.title()).isEqualTo("有BOM");
        assertThat(article.text()).isEqualTo("正文");
    }

    @Test
    void refusesEmptyInput() {
        assertRefused(() -> parser.parse("e.txt", new byte[0], NOW), "empty-text");
        assertRefused(() -> parser.parse("e.txt", utf8(" \n\t\n"), NOW), "empty-text");
        assertRefused(() -> parser.parse("e.txt", utf8("标题: 只有标题\n链接: http://a.cn/1\n总结:\n关键词:\n"), NOW),
                "empty-text");
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] gbk = "人工智能".getBytes(java.nio.charset.Charset.forName("GBK"));

        assertRefused(() -> parser.parse("gbk.txt", gbk, NOW), "invalid-utf8");
        assertRefused(() -> parser.parse("bad.txt", new byte[] {'a', (byte) 0xC3, (byte) 0x28}, NOW), "invalid-utf8");
    }

    @Test
    void refusesInputOverTheSizeLimit() {
        RawTextArticleParser small = new RawTextArticleParser(SHANGHAI,
                new InputLimits(100, Instant.parse("1990-01-01T00:00:00Z"), Duration.ofDays(2), 16));

        assertRefused(() -> small.parse("big.txt", utf8("人".repeat(34)), NOW), "too-large");
        assertThat(catchReason(() -> small.parse("ok.txt", utf8("人".repeat(33)), NOW))).isNull();
    }

    @Test
    void refusesBinaryInput() {
        byte[] binary = new byte[64];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) (i % 8);
        }

        assertRefused(() -> parser.parse("bin.txt", binary, NOW), "binary");
    }

    @Test
    void refusesAnArticleStampedOutsideThePlausibleRange() {
        assertRefused(() -> parser.parse("future.txt", utf8("2099-01-01 08:00 未来新闻"), NOW), "implausible-date");
        assertRefused(() -> parser.parse("old.txt", utf8("1985-01-01 08:00 旧闻"), NOW), "implausible-date");
    }

    @Test
    void datesAnArticleWhenItIsReadWhenTheDayItsTextSeemsToSupportCannotBeItsPublication() throws Exception {
        // given no stamp, and a day-month read against the year of a history ("始建于1958年的...")
        Article history = parser.parse("old.txt", utf8("1月30日,产业园开工。地块为始建于1958年的纺织厂。"), NOW);
        // then the article is kept, dated when it is read
        assertThat(history.timeSource()).isEqualTo(TimeSource.INGEST);
        assertThat(history.publishedAt()).isEqualTo(NOW);
    }

    @Test
    void readsTheSeedArticles() throws Exception {
        Article paper = parser.parse("000", Files.readAllBytes(Path.of("seeds/000_8e703f1bb95322d9.txt")), NOW);
        Article xinmin = parser.parse("002", Files.readAllBytes(Path.of("seeds/002_76896d81520fe842.txt")), NOW);
        Article huxiu = parser.parse("003", Files.readAllBytes(Path.of("seeds/003_246e21f996374ec1.txt")), NOW);

        assertThat(paper.title()).startsWith("一周AIGC 丨杭州发布人工智能产业政策");
        assertThat(paper.url()).isEqualTo("http://www.thepaper.cn/newsDetail_forward_24067196");
        assertThat(paper.text()).startsWith("杭州发布加快推进人工智能产业创新发展的实施意见");
        assertThat(paper.publishedAt()).isEqualTo(OffsetDateTime.parse("2023-08-01T18:42+08:00").toInstant());
        assertThat(xinmin.publishedAt()).isEqualTo(OffsetDateTime.parse("2024-03-05T03:43:32+08:00").toInstant());
        // without a stamp: the latest complete date of the text, not the 施行 date after 自 nor a wire item's
        assertThat(huxiu.timeSource()).isEqualTo(TimeSource.TEXT);
        assertThat(huxiu.publishedOn(java.time.ZoneId.of("Asia/Shanghai")).getYear()).isEqualTo(2023);
    }

    @Test
    void takesABareDateThePagePrintsAsItsPublicationDate() throws RejectedInputException {
        // given a page whose only publication mark is a bare date before its source, and an earlier event date
        String raw = "机器人公司获融资\n2025-03-27来源:某网编辑:某人\n这家公司在2025年3月20日完成了融资。\n";

        // when
        Article article = parser.parse("page.txt", utf8(raw), Instant.parse("2026-11-24T00:00:00Z"));

        // then
        assertThat(article.timeSource()).isEqualTo(TimeSource.TEXT);
        assertThat(article.publishedOn(java.time.ZoneId.of("Asia/Shanghai"))).isEqualTo("2025-03-27");
    }

    @Test
    void takesTheLatestReportedDateWhenThePagePrintsNone() throws RejectedInputException {
        // given dates of events, a target date and a date in the future of the ingest time
        String raw = "2024年1月15日，某公司发布大模型。2024年3月2日，另一家公司完成融资。预计到2030年12月31日市场翻番。\n";

        // when
        Article article = parser.parse("plain.txt", utf8(raw), Instant.parse("2026-11-24T00:00:00Z"));

        // then the latest reported day, not the target
        assertThat(article.timeSource()).isEqualTo(TimeSource.TEXT);
        assertThat(article.publishedOn(java.time.ZoneId.of("Asia/Shanghai"))).isEqualTo("2024-03-02");
    }

    @Test
    void takesTheIngestTimeOnlyWhenTheTextHasNoDate() throws RejectedInputException {
        Article article = parser.parse("undated.txt", utf8("某公司完成融资。\n"), NOW);

        assertThat(article.timeSource()).isEqualTo(TimeSource.INGEST);
        assertThat(article.publishedAt()).isEqualTo(NOW);
    }

    private static void assertRefused(ThrowingCallable parse, String reason) {
        assertThatThrownBy(parse).isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).reason()).isEqualTo(reason))
                .hasMessageNotContaining("null");
    }

    private static String catchReason(ThrowingCallable parse) {
        try {
            parse.call();
            return null;
        } catch (RejectedInputException e) {
            return e.reason();
        } catch (Throwable e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void takesThePublicationDayFromTheLinkWhenTheTextHasNoStamp() throws RejectedInputException {
        // given a digest whose only date is in its link
        String raw = "标题: 周报\n链接: https://example.com/news/ai-weekly-2023-10-23\n总结: 某公司完成融资。\n";

        // when
        Article article = new RawTextArticleParser(java.time.ZoneId.of("Asia/Shanghai"), InputLimits.defaults())
                .parse("weekly.txt", raw, java.time.Instant.parse("2026-11-24T00:00:00Z"));

        // then the day of the link is the publication day, and the article says where it came from
        assertThat(article.timeSource()).isEqualTo(TimeSource.URL);
        assertThat(article.publishedAt()).isEqualTo(java.time.Instant.parse("2023-10-22T16:00:00Z"));
    }
}
