package io.aipulse.article.clean;

/**
 * Text after cleaning, with a map from every cleaned character back to its offset in the original.
 *
 * @param text   the cleaned text (simplified, half-width, without markup or noise)
 * @param origin {@code origin[i]} is the offset in the original text of cleaned character {@code i};
 *               {@code origin[text.length()]} is the end of the original
 */
public record CleanText(String text, int[] origin) {

    /** Offset in the original text of cleaned offset {@code i} (0..length inclusive). */
    public int originOf(int i) {
        return origin[Math.max(0, Math.min(i, origin.length - 1))];
    }

    /** The original text of the cleaned span {@code [start, end)}: from its first to its last character. */
    public String originalSpan(String original, int start, int end) {
        int from = originOf(start);
        int to = end > start ? originOf(end - 1) + 1 : from;
        return original.substring(from, Math.max(from, Math.min(to, original.length())));
    }

    public int length() {
        return text.length();
    }
}
