package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Merging with the group index gives the groups a plain scan gives. */
class MergeTest {

    private static final String[] NAMES = {
        "百度", "百度公司", "百度智能云", "腾讯", "腾讯云", "腾讯科技", "星辰", "星辰科技", "北京星辰科技有限公司", "辰科", "A", "AB",
        "OpenAI", "Open", "阿里巴巴", "阿里", "阿里云", "云", "智谱AI", "智谱", "x".repeat(70), "x".repeat(71)};
    private static final String[] TITLES = {null, null, "《意见》", "《方案》", "平台"};

    private static List<Candidate> candidates(Random random, Knowledge k) {
        List<Candidate> out = new ArrayList<>();
        for (int i = 0, n = 50 + random.nextInt(300); i < n; i++) {
            String name = NAMES[random.nextInt(NAMES.length)] + (random.nextInt(4) == 0 ? String.valueOf(random.nextInt(40)) : "");
            Company company = random.nextBoolean() ? k.company(name).orElse(null) : null;
            OrgMention subject = new OrgMention(0, name.length(), name, company, null, null, OrgMention.REGISTRY, false);
            EventType type = EventType.values()[random.nextInt(4) == 0 ? random.nextInt(EventType.values().length) : 0];
            Candidate c = new Candidate(type, subject, 0, 0, 1, 0, 1);
            c.round = random.nextInt(3) == 0 ? Round.values()[random.nextInt(Round.values().length)] : null;
            c.stage = random.nextBoolean() ? IpoStage.values()[random.nextInt(IpoStage.values().length)] : null;
            c.product = TITLES[random.nextInt(TITLES.length)];
            if (random.nextInt(10) == 0) {
                c.subjectName = name + "人民政府";
            }
            out.add(c);
        }
        return out;
    }

    @Test
    void theIndexChangesNoGroup() {
        Knowledge k = Knowledge.load(java.nio.file.Path.of("config"));
        Random random = new Random(21);
        for (int n = 0; n < 300; n++) {
            List<Candidate> cs = candidates(random, k);
            List<List<Candidate>> plain = EventMerger.merge(cs, Integer.MAX_VALUE);
            List<List<Candidate>> indexed = EventMerger.merge(cs, random.nextInt(3));
            assertThat(indexed).hasSameSizeAs(plain);
            for (int g = 0; g < plain.size(); g++) {
                assertThat(indexed.get(g)).containsExactlyElementsOf(plain.get(g)); // the same candidates, in order
            }
        }
    }
}
