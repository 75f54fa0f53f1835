package io.aipulse.stream;

import java.util.List;

/**
 * What happens to one window because of one upstream record: the mentions that reached it (each
 * counts its article when it is the article's first there, or is a late record when the window has
 * closed), and the contributions of events that arrived in it, left it, or changed.
 */
record WindowChange(WindowKey window, List<Touch> touches, List<Delta> deltas) {

    /** A mention that reached the window. */
    record Touch(String eventId, String articleId, boolean firstOfArticle) {
    }

    /** An event's contribution entering ({@code sign} 1) or leaving (-1) the window. */
    record Delta(Contribution contribution, int sign) {
    }
}
