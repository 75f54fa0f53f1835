package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ArticleJsonTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2024-08-01T00:00:00Z");

    private final ArticleJson json = new ArticleJson(SHANGHAI, InputLimits.defaults());

    @Test
    void readsTheCanonicalFields() throws Exception {
        // given
        String input = """
                {"id":"a-1","url":"https://www.thepaper.cn/n/1","title":"标题","summary":"总结",
                 "publishedAt":"2023-08-01T10:42:00Z","timeSource":"TEXT","source":"000.txt","text":"正文",
                 "unknownField":{"ignored":true}}
                """;

        // when
        Article article = json.read(utf8(input), NOW);

        // then
        // then (the id the input carried is kept as the client's, the article's is computed from its URL)
        assertThat(article).isEqualTo(new Article(ArticleIds.of("https://www.thepaper.cn/n/1", "正文"),
                "https://www.thepaper.cn/n/1", "标题", "总结", "正文", Instant.parse("2023-08-01T10:42:00Z"),
                TimeSource.TEXT, "000.txt", "a-1"));
    }

    @Test
    void readsWhatItWrites() throws Exception {
        String text = "正文\n第二行";
        Article article = new Article(ArticleIds.of(null, text), null, "标题", null, text,
                Instant.parse("2023-08-01T10:42:00.123Z"), TimeSource.INGEST, "x.txt", "feed-7");

        assertThat(json.read(json.write(article), NOW)).isEqualTo(article);
    }

    @Test
    void identifiesAnArticleByItsUrlWhateverIdItWasSentWith() throws Exception {
        // given one page sent five times with five different ids
        List<String> ids = List.of("a", "b", "spoof-1", "u-0000000000000000", "t-1");

        // when each copy is read
        List<Article> copies = new ArrayList<>();
        for (String id : ids) {
            copies.add(json.read(utf8("{\"id\":\"" + id + "\",\"url\":\"http://a.cn/x\",\"text\":\"正文\"}"), NOW));
        }

        // then all have the id of the page, and each keeps the id it was sent with as the client's
        assertThat(copies).extracting(Article::id).containsOnly(ArticleIds.of("http://a.cn/x", "正文"));
        assertThat(copies).extracting(Article::clientId).containsExactlyElementsOf(ids);
    }

    @Test
    void keepsNoClientIdWhenTheSentIdIsTheComputedOne() throws Exception {
        // given an article as produce writes it: its id is the computed one
        String id = ArticleIds.of(null, "正文");

        // when it is read
        Article article = json.read(utf8("{\"id\":\"" + id + "\",\"text\":\"正文\"}"), NOW);

        // then there is no other id to keep
        assertThat(article.id()).isEqualTo(id);
        assertThat(article.clientId()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"text\":\"正文\"}                            | 正文",
            "{\"content\":\"内容\"}                         | 内容",
            "{\"body\":\"主体\"}                            | 主体",
            "{\"text\":null,\"content\":\"内容\"}            | 内容"})
    void acceptsTextAliases(String input, String text) throws Exception {
        assertThat(json.read(utf8(input), NOW).text()).isEqualTo(text);
    }

    @Test
    void acceptsLinkAsUrlAndDerivesTheIdFromIt() throws Exception {
        Article article = json.read(utf8("{\"link\":\"http://a.cn/x\",\"text\":\"正文\"}"), NOW);

        assertThat(article.url()).isEqualTo("http://a.cn/x");
        assertThat(article.id()).isEqualTo(ArticleIds.of("http://a.cn/x", "anything"));
    }

    @Test
    void derivesTheIdFromTheTextWithoutUrlOrId() throws Exception {
        Article article = json.read(utf8("{\"text\":\"正文\",\"id\":\"  \"}"), NOW);

        assertThat(article.id()).isEqualTo(ArticleIds.of(null, "正文"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "publishedAt  | \"2023-08-01T10:42:00Z\"          | 2023-08-01T18:42+08:00",
            "published_at | \"2023-08-01T18:42:00+08:00\"     | 2023-08-01T18:42+08:00",
            "publishTime  | \"2023-08-01 18:42\"              | 2023-08-01T18:42+08:00",
            "date         | \"2023-08-01T18:42:30\"           | 2023-08-01T18:42:30+08:00",
            "date         | \"2023-08-01\"                    | 2023-08-01T00:00+08:00",
            "publishedAt  | 1690886520000                     | 2023-08-01T18:42+08:00",
            "publishedAt  | \"2023-08-01T12:42:00.5+02:00\"   | 2023-08-01T18:42:00.5+08:00",
            "publishedAt  | \" 2023-08-01 18:42 \"            | 2023-08-01T18:42+08:00",
            "publishedAt  | \"2023-08-01T18:42+08:00\"        | 2023-08-01T18:42+08:00"})
    void readsPublicationTimes(String field, String value, String expected) throws Exception {
        // when
        Article article = json.read(utf8("{\"text\":\"正文\",\"" + field + "\":" + value + "}"), NOW);

        // then
        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse(expected).toInstant());
        assertThat(article.timeSource()).isEqualTo(TimeSource.METADATA);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2023-08-01T05:42-05:00", "2023-08-01T05:42:00.5-05:00"})
    void readsIsoOffsetDateTimesWithNegativeOffsets(String value) throws Exception {
        // the class documents "ISO instant, offset or local date-time"; these are ISO offset date-times
        Article article = json.read(utf8("{\"text\":\"正文\",\"publishedAt\":\"" + value + "\"}"), NOW);

        assertThat(article.publishedAt()).isEqualTo(OffsetDateTime.parse(value).toInstant());
    }

    @Test
    void timesAnUndatedArticleAtIngest() throws Exception {
        Article article = json.read(utf8("{\"text\":\"正文\"}"), NOW);

        assertThat(article.publishedAt()).isEqualTo(NOW);
        assertThat(article.timeSource()).isEqualTo(TimeSource.INGEST);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "''                                                   | empty-body",
            "'   '                                                | empty-body",
            "这不是 JSON                                           | not-json",
            "{\"text\":\"未闭合\"                                   | not-json",
            "[{\"text\":\"数组\"}]                                 | not-an-object",
            "\"只是字符串\"                                         | not-an-object",
            "{\"title\":\"没有正文\"}                               | missing-field",
            "{\"text\":\"  \"}                                     | empty-text",
            "{\"text\":42}                                        | wrong-type",
            "{\"text\":[\"a\"]}                                   | wrong-type",
            "{\"text\":\"正文\",\"title\":{\"a\":1}}               | wrong-type",
            "{\"text\":\"正文\",\"url\":7}                         | wrong-type",
            "{\"text\":\"正文\",\"publishedAt\":true}              | wrong-type",
            "{\"text\":\"正文\",\"publishedAt\":\"昨天\"}           | bad-date",
            "{\"text\":\"正文\",\"publishedAt\":\"2023-13-01\"}    | bad-date",
            "{\"text\":\"正文\",\"publishedAt\":\"1970-01-01\"}    | implausible-date",
            "{\"text\":\"正文\",\"publishedAt\":\"2100-01-01\"}    | implausible-date",
            "{\"text\":\"正文\",\"publishedAt\":0}                 | implausible-date",
            "{\"text\":\"\\u0001\\u0002\\u0003\"}                 | binary"})
    void refusesWithAReason(String input, String reason) {
        assertThatThrownBy(() -> json.read(utf8(input), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo(reason);
                    assertThat(e.getMessage()).isNotBlank();
                });
    }

    @Test
    void refusesTrailingContentAfterTheArticle() {
        assertThatThrownBy(() -> json.read(utf8("{\"text\":\"一\"} 这里还有别的"), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("not-json"));
        assertThatThrownBy(() -> json.read(utf8("{\"text\":\"一\"}\n{\"text\":\"二\"}"), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("not-json"));
    }

    @Test
    void refusesANullValue() {
        assertThatThrownBy(() -> json.read((byte[]) null, NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("null-value"));
    }

    @Test
    void refusesInvalidUtf8() {
        byte[] bytes = {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};

        assertThatThrownBy(() -> json.read(bytes, NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("invalid-utf8"));
    }

    @Test
    void refusesDeeplyNestedJson() {
        String nested = "{\"text\":\"正文\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}";

        assertThatThrownBy(() -> json.read(utf8(nested), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("too-deep"));
    }

    @Test
    void refusesInputOverTheSizeLimit() {
        ArticleJson small = new ArticleJson(SHANGHAI,
                new InputLimits(64, Instant.parse("1990-01-01T00:00:00Z"), Duration.ofDays(2), 16));
        String text = "{\"text\":\"" + "x".repeat(60) + "\"}";

        assertThatThrownBy(() -> small.read(utf8(text), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("too-large"));
    }

    @Test
    void acceptsAnArticleDatedUpToTwoDaysAhead() throws Exception {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));

        Article article = json.read(utf8("{\"text\":\"正文\",\"publishedAt\":\"" + tomorrow + "\"}"), NOW);

        assertThat(article.publishedAt()).isEqualTo(tomorrow);
    }

    @Test
    void refusesAnIdOverTheLimit() {
        // given an id of 600,000 characters (the key of every output record of the article)
        String input = "{\"id\":\"" + "i".repeat(600_000) + "\",\"text\":\"正文\"}";

        // when / then
        assertThatThrownBy(() -> json.read(utf8(input), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("id-too-long"));
    }

    @Test
    void acceptsAnIdAtTheLimit() throws Exception {
        String id = "i".repeat(InputLimits.DEFAULT_MAX_ID_CHARS);

        Article article = json.read(utf8("{\"id\":\"" + id + "\",\"text\":\"正文\"}"), NOW);

        assertThat(article.clientId()).isEqualTo(id);
    }

    @Test
    void refusesEpochMillisThatOverflowALong() {
        // given 2^64 + an epoch value in 2023: as a long it wraps to the 2023 value
        String millis = java.math.BigInteger.TWO.pow(64).add(java.math.BigInteger.valueOf(1_690_000_000_000L)).toString();

        // when / then it is refused, not read as 2023
        assertThatThrownBy(() -> json.read(utf8("{\"text\":\"正文\",\"publishedAt\":" + millis + "}"), NOW))
                .isInstanceOfSatisfying(RejectedInputException.class, e -> assertThat(e.reason()).isEqualTo("bad-date"));
    }

    @Test
    void refusesAnUndatedArticleWhoseIngestTimeIsBefore1990() {
        // given an article with no date anywhere, received with a record timestamp of 1971
        Instant received = Instant.parse("1971-03-01T00:00:00Z");

        // when / then the floor holds for the ingest time too
        assertThatThrownBy(() -> json.read(utf8("{\"text\":\"正文\"}"), NOW, received))
                .isInstanceOfSatisfying(RejectedInputException.class,
                        e -> assertThat(e.reason()).isEqualTo("implausible-date"));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
