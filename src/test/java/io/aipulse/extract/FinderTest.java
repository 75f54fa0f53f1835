package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.testsupport.SeedArticles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every {@link Finder} of the engine finds what {@link Matcher#find()} finds: its first characters are right. */
class FinderTest {

    /** every finder of the engine, by name; the ones that look around are checked with transparent bounds */
    private static final Map<String, Finder> FINDERS = Map.ofEntries(
            Map.entry("FUNDING_RECEIVED", FundingRule.RECEIVED),
            Map.entry("FUNDING_RAISED", FundingRule.RAISED),
            Map.entry("FUNDING_HEADLINE", FundingRule.HEADLINE),
            Map.entry("FUNDING_TOOK_PART_IN", FundingRule.TOOK_PART_IN),
            Map.entry("FUNDING_INVESTED_INTO", FundingRule.INVESTED_INTO),
            Map.entry("FUNDING_INVESTED_INTO_FORMALLY", FundingRule.INVESTED_INTO_FORMALLY),
            Map.entry("FUNDING_LED_BY", FundingRule.LED_BY),
            Map.entry("FUNDING_ANNOUNCED", FundingRule.ANNOUNCED),
            Map.entry("FUNDING_IN_ROUND", FundingRule.IN_ROUND),
            Map.entry("INVESTS", InvestmentRule.INVESTS),
            Map.entry("SETS_UP", InvestmentRule.SETS_UP),
            Map.entry("SETS_UP_SITE", InvestmentRule.SETS_UP_SITE),
            Map.entry("BOUGHT_BY", AcquisitionRule.BOUGHT_BY),
            Map.entry("BUYS", AcquisitionRule.BUYS),
            Map.entry("POLICY_TITLED", PolicyRule.TITLED),
            Map.entry("POLICY_PLAIN", PolicyRule.PLAIN),
            Map.entry("POLICY_ADDRESS", GovernmentAddresses.ADDRESS),
            Map.entry("NEW_FEATURE", ProductLaunchRule.NEW_FEATURE),
            Map.entry("AGREEMENT", PartnershipRule.AGREEMENT),
            Map.entry("WITH_PARTNER", PartnershipRule.WITH_PARTNER),
            Map.entry("JOINS", PersonnelRule.JOINS),
            Map.entry("APPOINTS", PersonnelRule.APPOINTS),
            Map.entry("LEAVES", PersonnelRule.LEAVES),
            Map.entry("ROLE", PersonnelRule.ROLE),
            Map.entry("TITLE_AND_PERSON", PersonnelRule.TITLE_AND_PERSON),
            Map.entry("RESEARCH", ResearchRule.RESULT),
            Map.entry("REPORT_BY_SOURCE", ReportRule.BY_SOURCE),
            Map.entry("REPORT_FINDING", ReportRule.FINDING),
            Map.entry("REPORT_TITLE", ReportRule.TITLE_F),
            Map.entry("SETBACK", SetbackRule.SETBACK),
            Map.entry("IPO_STAGE", IpoStageParser.STAGE_F),
            Map.entry("EVENT_PLACE", PlaceResolver.EVENT_PLACE));

    private static final Pattern WORD = Pattern.compile("[\\p{IsHan}]+|[A-Za-z]+");

    /** Pieces of text: the words of every pattern (and their halves), punctuation, spaces, digits, names. */
    private static List<String> pieces() {
        Set<String> out = new LinkedHashSet<>();
        // in the order of the finders' names: Map.ofEntries iterates in an order of its own per JVM, which made the
        // random texts, and what they could find, differ from run to run
        for (Finder f : new java.util.TreeMap<>(FINDERS).values()) {
            Matcher m = WORD.matcher(f.pattern.pattern());
            while (m.find()) {
                String w = m.group();
                if (w.equals("p") || w.equals("IsHan")) {
                    continue;
                }
                out.add(w);
                if (w.length() > 2) {
                    out.add(w.substring(0, w.length() / 2));
                    out.add(w.substring(w.length() / 2));
                }
            }
        }
        out.addAll(List.of(" ", "\t", ",", "，", "。", ";", "；", "、", "《", "》", "“", "”", "(", ")", "1", "2023", "亿元",
                "百度", "上海", "张三", "Sam Altman", "的", "了", "将", "\uD840\uDC00", "公司"));
        return new ArrayList<>(out);
    }

    private static List<String> matches(Matcher m) {
        List<String> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder().append(m.start()).append('-').append(m.end());
        for (int g = 1; g <= m.groupCount(); g++) {
            sb.append('/').append(m.start(g)).append('-').append(m.end(g));
        }
        out.add(sb.toString());
        return out;
    }

    private static void check(String name, Finder finder, String text, int from, int to) {
        Matcher reference = finder.pattern.matcher(text).region(from, to);
        if (finder.transparent()) {
            reference.useTransparentBounds(true).useAnchoringBounds(false);
        }
        List<String> expected = new ArrayList<>();
        while (reference.find()) {
            assertThat(reference.end()).as("%s matches the empty string", name).isGreaterThan(reference.start());
            expected.addAll(matches(reference));
        }
        Finder.Scan scan = finder.scan(text, from, to);
        List<String> actual = new ArrayList<>();
        while (scan.find()) {
            actual.addAll(matches(scan.matcher()));
        }
        assertThat(actual).as("%s on [%d, %d) of %s", name, from, to, text).isEqualTo(expected);
    }

    @Test
    void aLookBehindSeesTheTextBeforeTheWordTheScanStartsAt() {
        // given a text where 入主 follows 收 (收入主...: revenue mainly, no takeover) inside the scanned region
        String text = "纽荣获刊出数据显示一二三四五第一收入主纽约国家标准和最高仲裁资遣实验办法测评签下告知书挑停止运营";
        // then the finder, like its pattern, reads no 入主 there
        check("BUYS", AcquisitionRule.BUYS, text, 5, 46);
    }

    @Test
    void eachFinderFindsWhatFindFindsOnRandomTexts() {
        List<String> pieces = pieces();
        Random random = new Random(5);
        for (int n = 0; n < 4000; n++) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0, count = 1 + random.nextInt(25); i < count; i++) {
                sb.append(pieces.get(random.nextInt(pieces.size())));
            }
            String text = sb.toString();
            int from = random.nextInt(Math.min(5, text.length()) + 1);
            int to = text.length() - random.nextInt(Math.min(5, text.length() - from) + 1);
            for (Map.Entry<String, Finder> e : FINDERS.entrySet()) {
                check(e.getKey(), e.getValue(), text, from, to);
            }
        }
    }

    /**
     * Every match of the seeds stretched: 1 to 20 Han characters that start no pattern word inserted at each place
     * inside it (and a little around it), so that what a finder needs within reach of a first word
     * ({@link Finder#needing}, {@link Finder#needingAfter}) is tried at every distance up to and past its reach.
     */
    @Test
    void eachFinderFindsWhatFindFindsInStretchedMatches() throws Exception {
        String filler = "丁丂七丄丅丆万丈丌不与丏丐丑丒专且丕世丗丘丙丛东丝丞";
        Random random = new Random(7);
        for (Path p : SeedArticles.files()) {
            String text = Files.readString(p);
            for (Map.Entry<String, Finder> e : FINDERS.entrySet()) {
                Matcher m = e.getValue().pattern.matcher(text);
                if (e.getValue().transparent()) {
                    m.useTransparentBounds(true).useAnchoringBounds(false);
                }
                while (m.find()) {
                    String piece = text.substring(Math.max(0, m.start() - 3), Math.min(text.length(), m.end() + 8));
                    for (int at = 1; at < piece.length(); at++) {
                        for (int gap = 1; gap <= 20; gap++) {
                            StringBuilder sb = new StringBuilder(piece.substring(0, at));
                            for (int k = 0; k < gap; k++) {
                                sb.append(filler.charAt(random.nextInt(filler.length())));
                            }
                            String stretched = sb.append(piece.substring(at)).toString();
                            check(e.getKey(), e.getValue(), stretched, 0, stretched.length());
                        }
                    }
                }
            }
        }
    }

    @Test
    void eachFinderFindsWhatFindFindsOnTheSeeds() throws Exception {
        for (Path p : SeedArticles.files()) {
            String text = Files.readString(p);
            for (int from = 0; from < text.length(); from += 200) {
                int to = Math.min(text.length(), from + 400);
                for (Map.Entry<String, Finder> e : FINDERS.entrySet()) {
                    check(e.getKey(), e.getValue(), text, from, to);
                }
            }
        }
    }
}
