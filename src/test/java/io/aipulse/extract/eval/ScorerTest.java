package io.aipulse.extract.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScorerTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ScorerTest.class.getResource("/extract/eval/" + name).toURI());
    }

    @Test
    void printsTheSameReportAsScorePy() throws Exception {
        // given the fixture and what score.py printed for it (--show-misses)
        Scorer.Result r = Scorer.score(Scorer.load(resource("gold.jsonl")), Scorer.load(resource("pred.jsonl")));
        // when
        String report = Scorer.report(r, true);
        // then
        assertThat(report).isEqualTo(Files.readString(resource("expected-show-misses.txt"), StandardCharsets.UTF_8));
    }

    @Test
    void givesTheSameNumbersAsScorePyJson() throws Exception {
        // given
        Scorer.Result r = Scorer.score(Scorer.load(resource("gold.jsonl")), Scorer.load(resource("pred.jsonl")));
        // when
        String json = Scorer.json(r);
        // then
        ObjectMapper m = new ObjectMapper();
        assertThat(m.readTree(json)).isEqualTo(m.readTree(Files.readString(resource("expected.json"))));
        assertThat(r.precision()).isEqualTo(6.0 / 9);
        assertThat(r.recall()).isEqualTo(6.0 / 7);
        assertThat(r.f1()).isEqualTo(0.75);
    }

    @Test
    void scoresEachEventTypeAsTheOverallScoreCountsIt() throws Exception {
        // given
        ObjectMapper m = new ObjectMapper();
        List<com.fasterxml.jackson.databind.JsonNode> gold = List.of(
                m.readTree("{\"source\":\"a.txt\",\"type\":\"FUNDING\",\"subject\":\"百度\"}"),
                m.readTree("{\"source\":\"a.txt\",\"type\":\"FUNDING\",\"subject\":\"腾讯\"}"),
                m.readTree("{\"source\":\"a.txt\",\"type\":\"IPO\",\"subject\":\"地平线\",\"optional\":true}"));
        List<com.fasterxml.jackson.databind.JsonNode> pred = List.of(
                m.readTree("{\"source\":\"a.txt\",\"type\":\"FUNDING\",\"subject\":\"百度\"}"),
                m.readTree("{\"source\":\"a.txt\",\"type\":\"IPO\",\"subject\":\"地平线\"}"),
                m.readTree("{\"source\":\"a.txt\",\"type\":\"POLICY\",\"subject\":\"国务院\"}"));
        // when
        Scorer.Result r = Scorer.score(gold, pred);
        // then: an optional hit counts neither way; an extra type has precision 0
        assertThat(r.byType().get("FUNDING")).isEqualTo(new Scorer.TypeScore(2, 1, 1));
        assertThat(r.byType().get("FUNDING").recall()).isEqualTo(0.5);
        assertThat(r.byType().get("IPO")).isEqualTo(new Scorer.TypeScore(0, 0, 0));
        assertThat(r.byType().get("POLICY")).isEqualTo(new Scorer.TypeScore(0, 1, 0));
        assertThat(Scorer.byTypeReport(r).lines().skip(1).findFirst().orElseThrow()).startsWith("IPO");
    }

    @Test
    void matchesOrganisationsAcrossScriptsSuffixesAndAliases() {
        assertThat(Scorer.norm("騰訊雲")).isEqualTo(Scorer.norm("腾讯云"));
        assertThat(Scorer.norm("一点知识（北京）科技有限公司")).isEqualTo("一点知识");
        assertThat(Scorer.norm("Graft Inc")).isEqualTo("graft");
        assertThat(Scorer.norm("Ｐｒｏｔｅｃｔ　ＡＩ")).isEqualTo("protectai");
    }

    @Test
    void roundsLikePythonFormat() {
        assertThat(Scorer.fixed3(0.8125)).isEqualTo("0.812");
        assertThat(Scorer.fixed3(2.0 / 3)).isEqualTo("0.667");
        assertThat(Scorer.fixed3(0.0)).isEqualTo("0.000");
    }

    @Test
    void agreesWithScorePyOnTheSeedExtractionWhenPythonIsThere() throws Exception {
        // the repository's copies of the scorer and the seeds' gold; SeedExtractionTest writes the prediction
        Path script = Path.of("eval/score.py");
        Path gold = Path.of("eval/seeds.gold.jsonl");
        Path pred = Path.of("target/seed-events.jsonl");
        assumeTrue(Files.exists(script) && Files.exists(gold) && Files.exists(pred));
        Process p;
        try {
            p = new ProcessBuilder("python3", script.toString(), gold.toString(), pred.toString(), "--show-misses")
                    .redirectErrorStream(true).start();
        } catch (IOException noPython) {
            assumeTrue(false, "python3 not available");
            return;
        }
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0);
        String expected = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String actual = Scorer.report(Scorer.score(Scorer.load(gold), Scorer.load(pred)), true);
        assertThat(actual).isEqualTo(expected);
    }
}
