package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ArticleIdsTest {

    @Test
    void givesTheSameTextTheSameIdWhateverItsWhitespaceOrCharacterWidth() {
        String id = ArticleIds.of(null, "ChatGPT 安卓版\n已在美国上线。AI 100");

        assertThat(ArticleIds.of(null, "  ChatGPT安卓版 已在美国上线。AI100\r\n")).isEqualTo(id);
        assertThat(ArticleIds.of(null, "ＣｈａｔＧＰＴ\u3000安卓版\u00A0已在美国上线。ＡＩ　１００")).isEqualTo(id);
        assertThat(ArticleIds.of("", "ChatGPT\t安卓版已在美国上线。AI 100")).isEqualTo(id);
    }

    @Test
    void givesDifferentTextsDifferentIds() {
        assertThat(ArticleIds.of(null, "力文所完成融资")).isNotEqualTo(ArticleIds.of(null, "力文所完成新融资"));
    }

    @Test
    void formatsIdsByOrigin() {
        assertThat(ArticleIds.of(null, "正文")).matches("t-[0-9a-f]{16}");
        assertThat(ArticleIds.of("http://a.cn/1", "正文")).matches("u-[0-9a-f]{16}");
    }

    @Test
    void identifiesAnArticleWithAUrlByItsUrlNotItsText() {
        assertThat(ArticleIds.of("http://a.cn/1", "原文")).isEqualTo(ArticleIds.of("http://a.cn/1", "重新清洗后的原文"));
    }

    @Test
    void normalisesSchemeHostCaseWwwTrailingSlashAndFragment() {
        String id = ArticleIds.of("http://www.thepaper.cn/newsDetail_forward_24067196", "x");

        assertThat(ArticleIds.of("https://thepaper.cn/newsDetail_forward_24067196", "x")).isEqualTo(id);
        assertThat(ArticleIds.of("HTTP://WWW.ThePaper.CN/newsDetail_forward_24067196/", "x")).isEqualTo(id);
        assertThat(ArticleIds.of("  http://www.thepaper.cn/newsDetail_forward_24067196#comments ", "x")).isEqualTo(id);
    }

    @Test
    void keepsPathCaseAndQueryApart() {
        String id = ArticleIds.of("http://a.cn/News?id=1", "x");

        assertThat(ArticleIds.of("http://a.cn/news?id=1", "x")).isNotEqualTo(id);
        assertThat(ArticleIds.of("http://a.cn/News?id=2", "x")).isNotEqualTo(id);
        assertThat(ArticleIds.of("http://b.cn/News?id=1", "x")).isNotEqualTo(id);
    }

    @Test
    void normalisesALinkWithoutScheme() {
        assertThat(ArticleIds.normaliseUrl("http://thepaper.cn/n/1")).isEqualTo("thepaper.cn/n/1");
        assertThat(ArticleIds.normaliseUrl("thepaper.cn/n/1")).isEqualTo("thepaper.cn/n/1");
    }

    @Test
    void normalisesASchemelessLinkWithWwwLikeTheSameLinkWithScheme() {
        // a 链接: header may well be written without scheme; it is still the same page
        assertThat(ArticleIds.of("www.thepaper.cn/n/1", "x")).isEqualTo(ArticleIds.of("http://www.thepaper.cn/n/1", "x"));
    }

    @Test
    void doesNotFailOnAStringThatIsNotAUri() {
        assertThat(ArticleIds.of("not a uri {}", "x")).matches("u-[0-9a-f]{16}")
                .isEqualTo(ArticleIds.of("NOT A URI {}", "y"));
    }

    @Test
    void givesALinkSharedWithTrackingParametersOrATrailingQuestionMarkTheIdOfTheLink() {
        // given a page's link
        String id = ArticleIds.of("https://www.thepaper.cn/newsDetail_forward_24067196", "x");

        // when it comes back with campaign, spm or click-id parameters, or an empty query
        // then it is the same page
        assertThat(ArticleIds.of("https://www.thepaper.cn/newsDetail_forward_24067196?utm_source=x", "x")).isEqualTo(id);
        assertThat(ArticleIds.of("https://www.thepaper.cn/newsDetail_forward_24067196?", "x")).isEqualTo(id);
        assertThat(ArticleIds.of("https://www.thepaper.cn/newsDetail_forward_24067196?UTM_Medium=a&spm=a2c6h.1&", "x"))
                .isEqualTo(id);
        assertThat(ArticleIds.of("https://www.thepaper.cn/newsDetail_forward_24067196?fbclid=IwAR0&gclid=1", "x"))
                .isEqualTo(id);
    }

    @Test
    void keepsTheParametersThatSelectThePageInTheirOrder() {
        // given a link whose query selects the article, shared with a tracker between its parameters
        String shared = "http://a.cn/news?id=1&utm_campaign=c&page=2";

        // when it is normalised
        String normalised = ArticleIds.normaliseUrl(shared);

        // then only the tracker is gone
        assertThat(normalised).isEqualTo("a.cn/news?id=1&page=2");
        assertThat(ArticleIds.of(shared, "x")).isNotEqualTo(ArticleIds.of("http://a.cn/news?id=1", "x"));
    }
}
