package io.aipulse.article;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Turns command-line paths into articles: raw text files, {@code .json} (one article) and
 * {@code .jsonl} (one a line) files, directories (their files, sorted by name) and {@code -} (stdin:
 * JSON when it starts with a brace, raw text otherwise). Each input gives an article or a refusal.
 */
public final class ArticleSources {

    /**
     * One input read: an article, or why it was refused; {@code bytes} is the size of the input it was read
     * from (the file, the line of a JSON-lines file, standard input).
     */
    public record Item(String name, Article article, RejectedInputException refusal, long bytes) {

        public boolean accepted() {
            return article != null;
        }
    }

    private final RawTextArticleParser rawParser;
    private final ArticleJson jsonParser;
    private final InputLimits limits;
    private final boolean followLinks;

    public ArticleSources(RawTextArticleParser rawParser, ArticleJson jsonParser, InputLimits limits) {
        this(rawParser, jsonParser, limits, false);
    }

    private ArticleSources(RawTextArticleParser rawParser, ArticleJson jsonParser, InputLimits limits,
                           boolean followLinks) {
        this.rawParser = rawParser;
        this.jsonParser = jsonParser;
        this.limits = limits;
        this.followLinks = followLinks;
    }

    /**
     * The same sources, following symbolic links found inside directories. By default such a link is
     * refused: it can point anywhere ({@code /etc/passwd}), and publishing what it points to would send a
     * file nobody chose. A path named on the command line is always read.
     */
    public ArticleSources followingLinks() {
        return new ArticleSources(rawParser, jsonParser, limits, true);
    }

    public List<Item> read(List<String> paths, InputStream stdin, Instant now) {
        List<Item> items = new ArrayList<>();
        read(paths, stdin, now, items::add);
        return items;
    }

    /** The same, each input handed on as soon as it is read (a progress report follows them). */
    public void read(List<String> paths, InputStream stdin, Instant now, Consumer<Item> each) {
        for (String path : paths) {
            if ("-".equals(path)) {
                readStdin(stdin, now).forEach(each);
            } else {
                readPath(Path.of(path), now, each);
            }
        }
    }

    private void readPath(Path path, Instant now, Consumer<Item> each) {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> listed = Files.list(path)) {
                files = listed.sorted().toList();
            } catch (IOException e) {
                each.accept(refused(path.toString(), "unreadable", "cannot list directory: " + e.getMessage()));
                return;
            }
            files.forEach(file -> readListed(file, now).forEach(each));
        } else if (!Files.isRegularFile(path)) {
            each.accept(refused(path.toString(), "missing", "no such file"));
        } else {
            readFile(path, now).forEach(each);
        }
    }

    /** A file found in a directory: subdirectories are passed over, links followed only when asked. */
    private List<Item> readListed(Path file, Instant now) {
        if (Files.isSymbolicLink(file) && !followLinks) {
            return List.of(refused(file.getFileName().toString(), "symlink",
                    "symbolic link not followed (--follow-symlinks follows links inside directories)"));
        }
        return Files.isRegularFile(file) ? readFile(file, now) : List.of();
    }

    private List<Item> readFile(Path file, Instant now) {
        String name = file.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        try {
            long size = Files.size(file);
            if (!lower.endsWith(".jsonl") && size > limits.maxBytes()) {
                return List.of(refused(name, "too-large",
                        "file of " + size + " bytes is over the configured maximum of " + limits.maxBytes()));
            }
            byte[] bytes = Files.readAllBytes(file);
            if (lower.endsWith(".jsonl")) {
                return readJsonLines(name, bytes, now);
            }
            if (lower.endsWith(".json")) {
                return List.of(json(name, bytes, now));
            }
            return List.of(raw(name, bytes, now));
        } catch (IOException e) {
            return List.of(refused(name, "unreadable", "cannot read file: " + e.getMessage()));
        }
    }

    private List<Item> readStdin(InputStream stdin, Instant now) {
        try {
            byte[] bytes = stdin.readAllBytes();
            String head = new String(bytes, 0, Math.min(bytes.length, 64), StandardCharsets.UTF_8).stripLeading();
            if (head.startsWith("{")) {
                Item whole = json("stdin", bytes, now);
                boolean severalDocuments = !whole.accepted() && "not-json".equals(whole.refusal().reason())
                        && countLines(bytes) > 1;
                return severalDocuments ? readJsonLines("stdin", bytes, now) : List.of(whole);
            }
            return List.of(raw("stdin", bytes, now));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }

    private List<Item> readJsonLines(String name, byte[] bytes, Instant now) {
        List<Item> items = new ArrayList<>();
        String text;
        try {
            text = Utf8.decode(bytes);
        } catch (RejectedInputException e) {
            return List.of(new Item(name, null, e, bytes.length));
        }
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String lineName = name + ":" + (i + 1);
            byte[] line = lines[i].getBytes(StandardCharsets.UTF_8);
            try {
                items.add(new Item(lineName, withSource(jsonParser.read(line, now), name), null, line.length));
            } catch (RejectedInputException e) {
                items.add(new Item(lineName, null, e, line.length));
            }
        }
        return items;
    }

    private Item json(String name, byte[] bytes, Instant now) {
        try {
            return new Item(name, withSource(jsonParser.read(bytes, now), name), null, bytes.length);
        } catch (RejectedInputException e) {
            return new Item(name, null, e, bytes.length);
        }
    }

    private Item raw(String name, byte[] bytes, Instant now) {
        try {
            return new Item(name, rawParser.parse(name, bytes, now), null, bytes.length);
        } catch (RejectedInputException e) {
            return new Item(name, null, e, bytes.length);
        }
    }

    private static Article withSource(Article article, String name) {
        if (article.source() != null) {
            return article;
        }
        return new Article(article.id(), article.url(), article.title(), article.summary(), article.text(),
                article.publishedAt(), article.timeSource(), name, article.clientId());
    }

    private static Item refused(String name, String reason, String message) {
        return new Item(name, null, new RejectedInputException(reason, message), 0);
    }

    private static int countLines(byte[] bytes) {
        int lines = 0;
        for (byte b : bytes) {
            if (b == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
