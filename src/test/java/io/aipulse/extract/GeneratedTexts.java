package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Texts made of random pieces, for the tests that compare a hand-written matcher with its pattern. */
final class GeneratedTexts {

    private GeneratedTexts() {
    }

    /** {@code count} texts of {@code minPieces} to {@code maxPieces} pieces each, the same for the same seed. */
    static List<String> of(long seed, int count, int minPieces, int maxPieces, String... pieces) {
        Random random = new Random(seed);
        List<String> out = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, k = minPieces + random.nextInt(maxPieces - minPieces + 1); i < k; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            out.add(sb.toString());
        }
        return out;
    }
}
