package io.aipulse.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.aipulse.testsupport.SeedArticles;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnowledgeTest {

    private static Knowledge fixture() throws URISyntaxException {
        return Knowledge.load(Path.of(KnowledgeTest.class.getResource("/extract/config").toURI()));
    }

    @Test
    void readsTheRegistrySkippingHeaderAndComments() throws Exception {
        Knowledge k = fixture();
        assertThat(k.companies()).extracting(Company::name).contains("百度", "腾讯云", "IDC").doesNotContain("name");
        assertThat(k.companies()).noneMatch(c -> c.name().startsWith("#"));
    }

    @Test
    void findsOrganisationsByAliasIgnoringCaseWidthAndSpaces() throws Exception {
        Knowledge k = fixture();
        assertThat(k.company("baidu")).map(Company::name).contains("百度");
        assertThat(k.company("Tencent Cloud")).map(Company::name).contains("腾讯云");
        assertThat(k.company("騰訊雲")).map(Company::name).contains("腾讯云");
        assertThat(k.company("Ｂａｉｃｈｕａｎ　ＡＩ")).map(Company::name).contains("百川智能");
        assertThat(k.company("网信办")).map(Company::city).contains("national");
    }

    @Test
    void districtsAndParksRollUpToTheirCity() throws Exception {
        Knowledge k = fixture();
        assertThat(k.cityByName("海淀区")).contains("beijing");
        assertThat(k.cityByName("中关村")).contains("beijing");
        assertThat(k.cityByName("门头沟")).contains("beijing");
        assertThat(k.cityByName("张江")).contains("shanghai");
        assertThat(k.cityByName("临港")).contains("shanghai");
        assertThat(k.cityByName("徐汇区")).contains("shanghai");
        assertThat(k.cityByName("廣州")).contains("guangzhou");
        assertThat(k.cityByName("蘇州")).contains("suzhou");
        assertThat(k.cityByName("硅谷")).contains("san-francisco");
        assertThat(k.countryOfCity("london")).isEqualTo("GB");
    }

    @Test
    void countriesByTheirChineseNames() throws Exception {
        Knowledge k = fixture();
        assertThat(k.country("加拿大")).contains("CA");
        assertThat(k.country("我国")).contains("CN");
    }

    @Test
    void oneDictionaryPassFindsOrganisationsPlacesSectorsAndModels() throws Exception {
        // given
        Knowledge k = fixture();
        String text = Knowledge.asciiLower("百度在海淀发布文心一言,用于医疗");
        // when
        List<Knowledge.Hit> hits = k.scan(text);
        // then
        assertThat(hits).extracting(h -> h.term().kind())
                .contains(Knowledge.Kind.ORG, Knowledge.Kind.DISTRICT, Knowledge.Kind.MODEL, Knowledge.Kind.SECTOR,
                        Knowledge.Kind.WORD);
    }

    @Test
    void latinTermsMatchOnlyAsWholeWords() throws Exception {
        Knowledge k = fixture();
        assertThat(k.scan(Knowledge.asciiLower("Baidus and xIDC and IDCs"))).noneMatch(h -> h.term().kind() == Knowledge.Kind.ORG);
        assertThat(k.scan(Knowledge.asciiLower("据 IDC 预测"))).anyMatch(h -> h.term().kind() == Knowledge.Kind.ORG);
    }

    @Test
    void theModelCatalogueIsDataWithMakersAndSectors() throws Exception {
        // the fixture directory has no models.csv: the bundled copy is read
        Knowledge k = fixture();
        // with the month its bare name first came out, where the catalogue gives one
        assertThat(k.models()).contains(new Knowledge.Model("文心一言", "百度", "foundation-models", false, YearMonth.of(2023, 3)),
                new Knowledge.Model("通义万相", "阿里巴巴", "media-entertainment", false, YearMonth.of(2023, 7)),
                new Knowledge.Model("微信", "腾讯", null, true));
        assertThat(k.scan(Knowledge.asciiLower("阿里发布通义万相"))).anyMatch(h -> h.term().kind() == Knowledge.Kind.MODEL
                && h.term().model().maker().equals("阿里巴巴"));
    }

    @Test
    void aModelsFileInTheDirectoryWinsOverTheBundledOne(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        // given a directory with its own catalogue (and no other knowledge file)
        java.nio.file.Files.writeString(dir.resolve("models.csv"), "name,maker,sector\n# a comment\n\n星尘,某公司,science\n");
        // when
        Knowledge k = Knowledge.load(dir);
        // then
        assertThat(k.models()).containsExactly(new Knowledge.Model("星尘", "某公司", "science", false));
    }

    @Test
    void everydayNamesAndLatinTermsComeFromTheirFiles() throws Exception {
        Knowledge k = fixture();
        assertThat(k.everydayName("好未来")).singleElement().satisfies(e -> assertThat(e.before()).isEqualTo("美"));
        assertThat(k.everydayName("吉利")).singleElement().satisfies(e -> {
            assertThat(e.before()).isEqualTo("不很大");
            assertThat(e.after()).containsExactly("的");
        });
        assertThat(k.everydayName("cgi")).singleElement().satisfies(e -> assertThat(e.after()).contains("特效"));
        assertThat(k.everydayName("百度")).isEmpty();
        assertThat(k.latinTerm("GPU")).isTrue();
        assertThat(k.latinTerm("AI Infra")).isTrue();
        assertThat(k.latinTerm("gpu")).isFalse();
        assertThat(k.latinTerm("OpenAI")).isFalse();
    }

    @Test
    void theTrieFindsExactlyWhatAnAhoCorasickAutomatonFinds() throws Exception {
        // given the full knowledge files and texts: the seeds, mixed-case Latin, and random mixtures of key pieces
        Knowledge k = Knowledge.load(Path.of("config"));
        com.hankcs.algorithm.AhoCorasickDoubleArrayTrie<Knowledge.Term[]> reference =
                new com.hankcs.algorithm.AhoCorasickDoubleArrayTrie<>();
        reference.build(new java.util.TreeMap<>(k.dictionary()));
        List<String> texts = new java.util.ArrayList<>();
        for (java.nio.file.Path p : SeedArticles.files()) {
            texts.add(java.nio.file.Files.readString(p));
        }
        texts.add("OpenAI发布GPT-4o,PCIe与PC,IDC和xIDC,Baidu(百度)、ＡＩ、IDCs、idc、GPT-4o-mini、3D打印、5G、AI PC");
        java.util.Random random = new java.util.Random(7);
        List<String> keys = new java.util.ArrayList<>(k.dictionary().keySet());
        for (int n = 0; n < 300; n++) {
            StringBuilder sb = new StringBuilder();
            while (sb.length() < 400) {
                String key = keys.get(random.nextInt(keys.size()));
                int cut = random.nextInt(3) == 0 ? random.nextInt(key.length()) + 1 : key.length();
                String piece = key.substring(0, cut);
                sb.append(random.nextBoolean() ? piece.toUpperCase(java.util.Locale.ROOT) : piece);
                if (random.nextInt(4) == 0) {
                    sb.append(" ,a1发布".charAt(random.nextInt(6)));
                }
            }
            texts.add(sb.toString());
        }
        for (String text : texts) {
            // when
            List<Knowledge.Hit> hits = k.scan(text);
            // then: the automaton's hits at word boundaries, sorted by start, longest first (stable)
            String lower = Knowledge.asciiLower(text);
            List<Knowledge.Hit> expected = new java.util.ArrayList<>();
            reference.parseText(lower, (begin, end, value) -> {
                boolean startOk = !(Knowledge.isAsciiAlnum(lower.charAt(begin)) && begin > 0
                        && Knowledge.isAsciiAlnum(lower.charAt(begin - 1)));
                boolean endOk = !(Knowledge.isAsciiAlnum(lower.charAt(end - 1)) && end < lower.length()
                        && Knowledge.isAsciiAlnum(lower.charAt(end)));
                // a model's name may be followed by its version ("MiniCPM4.0"): a letter, then a digit
                boolean versioned = !endOk && Character.isLetter(lower.charAt(end - 1))
                        && DictionaryTrie.versionAt(lower.toCharArray(), end);
                if (startOk && (endOk || versioned)) {
                    for (Knowledge.Term t : value) {
                        if (endOk || t.kind() == Knowledge.Kind.MODEL) {
                            expected.add(new Knowledge.Hit(begin, end, t));
                        }
                    }
                }
            });
            expected.sort((a, b) -> a.start() != b.start() ? Integer.compare(a.start(), b.start())
                    : Integer.compare(b.end(), a.end()));
            assertThat(hits).as(text).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void fallsBackToTheCopiesBundledUnderConfigWhenTheDirectoryHasNoFiles() {
        // a directory without knowledge files: the classpath copies (absent in this module's tests) or nothing
        Knowledge k = Knowledge.load(Path.of("no-such-directory"));
        assertThat(k.companies()).isNotNull();
    }
}
