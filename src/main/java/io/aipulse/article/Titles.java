package io.aipulse.article;

/**
 * Book titles (《...》) in article text: a document's or a report's name. Words inside one are part of the
 * name, not news of their own ("《2023-2024年中国人工智能计算力发展评估报告》" dates nothing, "《...开放推动...》"
 * releases nothing).
 */
public final class Titles {

    private Titles() {
    }

    /**
     * {@code at} lies inside a title that opens at or after {@code lowest} and at most {@code reach} characters
     * before it: the nearest 《 looking back comes before any 》, line break or full stop.
     */
    public static boolean inside(CharSequence text, int lowest, int at, int reach) {
        for (int i = at - 1; i >= Math.max(0, lowest) && i >= at - reach; i--) {
            char c = text.charAt(i);
            if (c == '》' || c == '\n' || c == '。') {
                return false;
            }
            if (c == '《') {
                return true;
            }
        }
        return false;
    }
}
