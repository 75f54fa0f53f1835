package io.aipulse.metrics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip for answers when the client asks for it ({@code Accept-Encoding: gzip}, as Prometheus does on every
 * scrape). A scrape of {@code /metrics} is text that repeats the same names and labels line after line: it
 * shrinks several times over. Answers are complete strings, so they are compressed in one go; Jetty's
 * {@code GzipHandler} would stream them, but it is deprecated in Jetty 12.1 and its replacement is another
 * module for what these few lines do.
 */
final class ResponseCompression {

    /** Below this, gzip's header and a round of deflate cost more than they save (health checks stay plain). */
    static final int MIN_BYTES = 1024;

    private ResponseCompression() {
    }

    /**
     * Whether an {@code Accept-Encoding} header allows gzip: {@code gzip} (or {@code x-gzip}) with a weight
     * above 0, or {@code *} with a weight above 0 when gzip itself is not named (RFC 9110, 12.5.3).
     */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isBlank()) {
            return false;
        }
        Boolean gzip = null;
        boolean any = false;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].strip().toLowerCase(Locale.ROOT);
            boolean acceptable = weight(parts) > 0;
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                gzip = acceptable;
            } else if (coding.equals("*")) {
                any = acceptable;
            }
        }
        return gzip != null ? gzip : any;
    }

    /** The {@code q} parameter of one list element, 1 when absent, 0 when unreadable. */
    private static double weight(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.regionMatches(true, 0, "q=", 0, 2)) {
                try {
                    return Double.parseDouble(parameter.substring(2).strip());
                } catch (NumberFormatException e) {
                    return 0;
                }
            }
        }
        return 1;
    }

    static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gzip = new GZIPOutputStream(out, 8192)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException("gzip to memory failed", e);
        }
        return out.toByteArray();
    }
}
