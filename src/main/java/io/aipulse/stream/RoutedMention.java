package io.aipulse.stream;

import java.util.List;

/**
 * One event of an article on its way to the identity stage, with the windows it counts in (each
 * dimension, day and week) and, per window, whether it is the article's first mention there: the
 * router sees the whole article, so it counts each article once per window without a store.
 *
 * @param firstOfArticle bit i set when {@code windows.get(i)} has no earlier mention of this article
 */
record RoutedMention(Mention mention, List<WindowKey> windows, int firstOfArticle) {

    boolean isFirstOfArticle(int window) {
        return (firstOfArticle & (1 << window)) != 0;
    }
}
