package io.aipulse.testsupport;

import io.aipulse.article.Article;
import io.aipulse.article.TimeSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The repository's seed articles ({@code seeds/}), read by a small stand-in for the raw-text article
 * parser so that extraction tests do not depend on it: an optional 标题/链接/总结 header, and the first
 * date-and-time stamp of the text (not one in square brackets) as publication time.
 */
public final class SeedArticles {

    private static final Pattern STAMP = Pattern.compile(
            "(?<![\\d\\[])((?:19|20)\\d{2})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?"
                    + "[\\sT]{0,3}(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d\\]])");
    /** The seeds, relative to the project directory (where Maven runs the tests). */
    public static final Path DIR = Path.of("seeds");
    /** The publication time of a seed without a time stamp. */
    static final Instant INGEST = Instant.parse("2026-11-24T00:00:00Z");

    private SeedArticles() {
    }

    /** The seed files, by name. */
    public static List<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(DIR)) {
            return s.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
    }

    public static Article parse(Path file) throws IOException {
        return parse(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
    }

    public static Article parse(String name, String content) {
        String title = null;
        String url = null;
        String body = content;
        List<String> lines = content.lines().toList();
        if (!lines.isEmpty() && lines.get(0).startsWith("标题:")) {
            StringBuilder b = new StringBuilder();
            for (String l : lines) {
                if (l.startsWith("标题:")) {
                    title = l.substring(3).trim();
                } else if (l.startsWith("链接:")) {
                    url = l.substring(3).trim();
                } else if (l.startsWith("总结:")) {
                    b.append(l.substring(3).trim()).append('\n');
                } else if (!l.matches("^[\\p{IsHan}A-Za-z]{1,8}:\\s*$")) {
                    b.append(l).append('\n');
                }
            }
            body = b.toString();
        }
        Instant published = INGEST;
        TimeSource source = TimeSource.INGEST;
        Matcher m = STAMP.matcher(content);
        while (m.find()) {
            int before = m.start() - 1;
            if (before >= 0 && content.charAt(before) == '[') {
                continue;
            }
            published = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)))
                    .atZone(ZoneId.of("Asia/Shanghai")).toInstant();
            source = TimeSource.TEXT;
            break;
        }
        String id = UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8)).toString();
        return new Article(id, url, title, null, body, published, source, name);
    }

    public static List<Article> all() throws IOException {
        List<Article> out = new ArrayList<>();
        for (Path p : files()) {
            out.add(parse(p));
        }
        return out;
    }
}
