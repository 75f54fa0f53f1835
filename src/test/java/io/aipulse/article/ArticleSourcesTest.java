package io.aipulse.article;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArticleSourcesTest {

    @Test
    void refusesASymbolicLinkInsideADirectoryUnlessAskedToFollowIt() throws IOException {
        // given a directory with an article and a link to a file outside it
        Path outside = Files.createTempFile("outside", ".txt");
        Files.writeString(outside, "root:x:0:0:root:/root:/bin/bash");
        write("a.txt", "标题: 原文\n总结: 原文正文");
        Files.createSymbolicLink(dir.resolve("passwd.txt"), outside);
        try {
            // when the directory is read
            List<ArticleSources.Item> items = sources.read(List.of(dir.toString()), NO_STDIN, NOW);

            // then the link is refused, not read
            assertThat(items).extracting(ArticleSources.Item::name, item -> item.accepted() ? null : item.refusal().reason())
                    .containsExactly(tuple("a.txt", null), tuple("passwd.txt", "symlink"));
            // and read when asked to follow links
            assertThat(sources.followingLinks().read(List.of(dir.toString()), NO_STDIN, NOW))
                    .allMatch(ArticleSources.Item::accepted).hasSize(2);
            // and a link named on the command line is read: the user chose it
            assertThat(sources.read(List.of(dir.resolve("passwd.txt").toString()), NO_STDIN, NOW))
                    .allMatch(ArticleSources.Item::accepted);
        } finally {
            Files.delete(outside);
        }
    }

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Instant NOW = Instant.parse("2024-08-01T00:00:00Z");
    private static final InputStream NO_STDIN = InputStream.nullInputStream();

    @TempDir
    Path dir;

    private final ArticleSources sources = sources(InputLimits.defaults());

    @Test
    void readsADirectoryInFileNameOrderByKind() throws IOException {
        // given a raw text file, a JSON article and a JSON-lines file with one bad line
        write("b.json", "{\"text\":\"JSON 正文\",\"publishedAt\":\"2023-08-01T18:42:00+08:00\"}");
        write("a.txt", "标题: 原文\n总结: 原文正文");
        write("c.jsonl", "{\"text\":\"第一篇\"}\n\nnot json\n{\"text\":\"第三篇\",\"source\":\"feed\"}\n");

        // when
        List<ArticleSources.Item> items = sources.read(List.of(dir.toString()), NO_STDIN, NOW);

        // then every input is an article or a refusal, named after its file (and line)
        assertThat(items).extracting(ArticleSources.Item::name, ArticleSources.Item::accepted).containsExactly(
                tuple("a.txt", true), tuple("b.json", true), tuple("c.jsonl:1", true), tuple("c.jsonl:3", false),
                tuple("c.jsonl:4", true));
        assertThat(items.get(0).article().title()).isEqualTo("原文");
        assertThat(items.get(0).article().source()).isEqualTo("a.txt");
        assertThat(items.get(1).article().timeSource()).isEqualTo(TimeSource.METADATA);
        assertThat(items.get(1).article().source()).isEqualTo("b.json");
        assertThat(items.get(2).article().source()).isEqualTo("c.jsonl");
        assertThat(items.get(3).refusal().reason()).isEqualTo("not-json");
        assertThat(items.get(4).article().source()).isEqualTo("feed");
    }

    @Test
    void refusesAMissingPath() {
        List<ArticleSources.Item> items = sources.read(List.of(dir.resolve("nope.txt").toString()), NO_STDIN, NOW);

        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item.accepted()).isFalse();
            assertThat(item.refusal().reason()).isEqualTo("missing");
        });
    }

    @Test
    void refusesAFileOverTheSizeLimitWithoutReadingIt() throws IOException {
        ArticleSources small = sources(new InputLimits(10, Instant.parse("1990-01-01T00:00:00Z"), Duration.ofDays(2), 16));
        write("big.txt", "人工智能产业");

        assertThat(small.read(List.of(dir.resolve("big.txt").toString()), NO_STDIN, NOW))
                .singleElement().extracting(item -> item.refusal().reason()).isEqualTo("too-large");
    }

    @Test
    void readsStandardInputAsJsonRawTextOrJsonLines() {
        assertThat(readStdin("{\"text\":\"JSON\"}")).singleElement()
                .satisfies(item -> assertThat(item.article().text()).isEqualTo("JSON"));
        assertThat(readStdin("标题: 原文\n总结: 正文")).singleElement()
                .satisfies(item -> assertThat(item.article().title()).isEqualTo("原文"));
        assertThat(readStdin("")).singleElement()
                .satisfies(item -> assertThat(item.refusal().reason()).isEqualTo("empty-text"));
    }

    @Test
    void readsJsonLinesFromStandardInput() {
        assertThat(readStdin("{\"text\":\"一\"}\n{\"text\":\"二\"}\n")).extracting(item -> item.article().text())
                .containsExactly("一", "二");
    }

    private List<ArticleSources.Item> readStdin(String content) {
        return sources.read(List.of("-"), new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)), NOW);
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private static ArticleSources sources(InputLimits limits) {
        return new ArticleSources(new RawTextArticleParser(SHANGHAI, limits), new ArticleJson(SHANGHAI, limits), limits);
    }
}
