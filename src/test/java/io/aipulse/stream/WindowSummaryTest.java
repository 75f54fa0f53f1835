package io.aipulse.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowSummaryTest {

    @Test
    void keepsTheTopSubjectsAsCountsChangeExactlyAsRankingAllCountsWould() {
        // given a window whose subject counts go up (events arriving) and now and then down (an event left)
        WindowSummary summary = new WindowSummary();
        Map<String, Long> counts = new TreeMap<>();
        Random random = new Random(11);
        int reranked = 0;

        // when 2,000 changes are applied, one at a time
        for (int step = 0; step < 2_000; step++) {
            String subject = "公司" + random.nextInt(12);
            long count = counts.getOrDefault(subject, 0L);
            int sign = count > 0 && random.nextInt(5) == 0 ? -1 : 1;
            count += sign;
            if (count == 0) {
                counts.remove(subject);
            } else {
                counts.put(subject, count);
            }
            summary.subjectCounted(subject, count, sign);
            if (!summary.topKnown) {
                summary.rankSubjects(counts.entrySet().iterator());
                reranked++;
            }

            // then after every change the kept top five are the ranking of all counts
            assertThat(summary.top).as("step %d", step)
                    .isEqualTo(WindowSummary.topSubjects(counts.entrySet().iterator()));
        }
        // and only falls in a top subject's count needed all the counts
        assertThat(reranked).isBetween(1, 400);
    }
}
