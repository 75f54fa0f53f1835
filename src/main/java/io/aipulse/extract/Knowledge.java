package io.aipulse.extract;

import io.aipulse.article.clean.TextCleaner;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The knowledge files ({@code companies.csv}, {@code cities.csv}, {@code countries.csv},
 * {@code sectors.csv}, {@code models.csv}, {@code everyday-names.csv}, {@code latin-terms.csv},
 * {@code sentence-types.csv}) loaded
 * once into immutable lookups, plus one Aho-Corasick automaton over all their names and the extractor's
 * lexicon, so that an article is matched against every gazetteer in a single pass. Files in the given directory win; otherwise the copies bundled in
 * the jar under {@code /config/} are used. Immutable and thread-safe.
 *
 * <p>CSV format: UTF-8, a header line, {@code #} comment lines, {@code |} between list items inside a
 * field, no commas inside fields.
 */
public final class Knowledge {

    /** What a dictionary term is. */
    public enum Kind {
        /** an organisation of the registry (name or alias) */
        ORG,
        /** a city name */
        CITY,
        /** a district or park that rolls up to a city */
        DISTRICT,
        /** a country name */
        COUNTRY,
        /** a sector keyword */
        SECTOR,
        /** a well-known model name */
        MODEL,
        /** a word of the extractor's lexicon (trigger words, organisation suffixes) */
        WORD
    }

    /**
     * One meaning of a dictionary key. Only the fields of its kind are set. {@code rules}: for a {@link Kind#WORD},
     * the rules it sends a sentence to ({@link Rules#triggeredIn}), as bits of their indices in {@link Rules#ALL},
     * kept here so that dispatching a sentence reads its hits' terms and looks up no map.
     */
    public record Term(Kind kind, String key, Company company, String city, String country, String sector,
                       int weight, Model model, int rules) {

        public Term(Kind kind, String key, Company company, String city, String country, String sector, int weight,
                    Model model) {
            this(kind, key, company, city, country, sector, weight, model, 0);
        }
    }

    /**
     * A well-known AI model of {@code models.csv}: its maker (a registry name or alias) and sector; an {@code app} is
     * one of the maker's apps (微信, 夸克), which names its maker as a model does but is no model itself.
     */
    public record Model(String name, String maker, String sector, boolean app, java.time.YearMonth first) {

        /** A model whose first release the catalogue does not give. */
        public Model(String name, String maker, String sector, boolean app) {
            this(name, maker, sector, app, null);
        }
    }

    /**
     * A registry name that is also an everyday word ({@code everyday-names.csv}): the word, not the
     * organisation, after one of {@code before} (characters) or before one of {@code after} (words).
     */
    record EverydayName(String name, String before, List<String> after) {
    }

    /** A dictionary hit {@code [start, end)} in a text. */
    public record Hit(int start, int end, Term term) {
    }

    /** A city of {@code cities.csv}. */
    public record City(String slug, String country, List<String> names, List<String> districts) {
    }

    private final List<Company> companies;
    private final Map<String, Company> companyByName;
    private final Map<String, City> citiesBySlug;
    private final Map<String, String> countryByName;
    private final Map<String, String> cityByName;
    private final Map<String, Term[]> dictionary;
    private final DictionaryTrie trie;
    private final List<Model> models;
    private final Map<String, List<EverydayName>> everydayNames;
    private final List<EverydayName> everyday;
    private final java.util.Set<String> latinTerms;
    private final SentenceTypes sentenceTypes;
    private final EventConfidence eventConfidence;

    private Knowledge(List<Company> companies, List<City> cities, Map<String, String> countryByName,
                      List<String[]> sectorKeywords, List<Model> models, List<EverydayName> everyday,
                      Collection<String> latinTerms, Collection<String> lexicon, SentenceTypes sentenceTypes,
                      EventConfidence eventConfidence) {
        this.sentenceTypes = sentenceTypes;
        this.eventConfidence = eventConfidence;
        this.companies = List.copyOf(companies);
        this.models = List.copyOf(models);
        Map<String, List<EverydayName>> byLower = new HashMap<>();
        for (EverydayName e : everyday) {
            byLower.computeIfAbsent(e.name().toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>()).add(e);
        }
        byLower.replaceAll((k, v) -> List.copyOf(v));
        this.everydayNames = Map.copyOf(byLower);
        this.everyday = List.copyOf(everyday);
        this.latinTerms = java.util.Set.copyOf(latinTerms);
        Map<String, Company> byName = new HashMap<>();
        for (Company c : companies) {
            byName.putIfAbsent(normalise(c.name()), c);
        }
        for (Company c : companies) {
            for (String alias : c.aliases()) {
                byName.putIfAbsent(normalise(alias), c);
            }
        }
        // the cleaned text is simplified: a traditional alias (輝達) is also known in its simplified form (辉达)
        for (Company c : companies) {
            for (String alias : c.aliases()) {
                byName.putIfAbsent(normalise(TextCleaner.simplified(alias)), c);
            }
        }
        this.companyByName = Map.copyOf(byName);
        Map<String, City> slugs = new LinkedHashMap<>();
        for (City c : cities) {
            slugs.putIfAbsent(c.slug(), c);
        }
        this.citiesBySlug = Map.copyOf(slugs);
        Map<String, String> cityNames = new HashMap<>();
        for (City c : cities) {
            for (String n : c.names()) {
                cityNames.putIfAbsent(n, c.slug());
            }
        }
        for (City c : cities) {
            for (String d : c.districts()) {
                cityNames.putIfAbsent(d, c.slug());
            }
        }
        this.cityByName = Map.copyOf(cityNames);
        this.countryByName = Map.copyOf(countryByName);

        Map<String, List<Term>> terms = new TreeMap<>();
        for (Company c : companies) {
            add(terms, c.name(), new Term(Kind.ORG, c.name(), c, null, null, null, 0, null));
            for (String alias : c.aliases()) {
                add(terms, alias, new Term(Kind.ORG, alias, c, null, null, null, 0, null));
                String simplified = TextCleaner.simplified(alias);
                if (!simplified.equals(alias)) {
                    add(terms, simplified, new Term(Kind.ORG, simplified, c, null, null, null, 0, null));
                }
            }
        }
        for (City c : cities) {
            for (String name : c.names()) {
                add(terms, name, new Term(Kind.CITY, name, null, c.slug(), c.country(), null, 0, null));
            }
            for (String d : c.districts()) {
                add(terms, d, new Term(Kind.DISTRICT, d, null, c.slug(), c.country(), null, 0, null));
            }
        }
        countryByName.forEach((name, code) ->
                add(terms, name, new Term(Kind.COUNTRY, name, null, null, code, null, 0, null)));
        for (String[] kw : sectorKeywords) {
            add(terms, kw[2], new Term(Kind.SECTOR, kw[2], null, null, null, kw[0], Integer.parseInt(kw[1]), null));
        }
        for (Model m : models) {
            add(terms, m.name(), new Term(Kind.MODEL, m.name(), null, null, null, m.sector(), 0, m));
        }
        for (String w : lexicon) {
            add(terms, w, new Term(Kind.WORD, w, null, null, null, null, 0, null, Rules.rulesOf(w)));
        }
        Map<String, Term[]> built = new TreeMap<>();
        terms.forEach((k, v) -> built.put(k, v.toArray(new Term[0])));
        this.dictionary = java.util.Collections.unmodifiableMap(built);
        this.trie = new DictionaryTrie(built);
    }

    private static void add(Map<String, List<Term>> terms, String key, Term term) {
        if (key == null) {
            return;
        }
        String k = asciiLower(key.trim());
        if (k.isEmpty() || (k.length() == 1 && term.kind() != Kind.WORD)) {
            return;
        }
        List<Term> list = terms.computeIfAbsent(k, x -> new ArrayList<>(2));
        for (Term t : list) {
            if (t.kind() == term.kind() && sameTarget(t, term)) {
                return;
            }
        }
        list.add(term);
    }

    private static boolean sameTarget(Term a, Term b) {
        return switch (a.kind()) {
            case ORG -> a.company().name().equals(b.company().name());
            case CITY, DISTRICT -> a.city().equals(b.city());
            case COUNTRY -> a.country().equals(b.country());
            case SECTOR -> a.sector().equals(b.sector());
            case MODEL -> a.model().name().equals(b.model().name());
            case WORD -> true;
        };
    }

    /** Loads the knowledge files from {@code configDir} when present there, else from the classpath. */
    public static Knowledge load(Path configDir) {
        return load(configDir, Rules.dictionaryWords());
    }

    static Knowledge load(Path configDir, Collection<String> lexicon) {
        List<Company> companies = new ArrayList<>();
        for (String[] f : rows(configDir, "companies.csv", 6)) {
            companies.add(new Company(f[0].trim(), list(f[1]), f[2].trim(), emptyToNull(f[3]),
                    emptyToNull(f[4]), emptyToNull(f[5])));
        }
        List<City> cities = new ArrayList<>();
        for (String[] f : rows(configDir, "cities.csv", 3)) {
            cities.add(new City(f[0].trim(), emptyToNull(f[1]), list(f[2]), f.length > 3 ? list(f[3]) : List.of()));
        }
        Map<String, String> countries = new LinkedHashMap<>();
        for (String[] f : rows(configDir, "countries.csv", 2)) {
            for (String name : list(f[1])) {
                countries.putIfAbsent(name, f[0].trim());
            }
        }
        List<String[]> sectors = new ArrayList<>();
        for (String[] f : rows(configDir, "sectors.csv", 3)) {
            String weight = f[1].trim().matches("\\d+") ? f[1].trim() : "1";
            for (String kw : list(f[2])) {
                sectors.add(new String[] {f[0].trim(), weight, kw});
            }
        }
        List<Model> models = new ArrayList<>();
        for (String[] f : rows(configDir, "models.csv", 3)) {
            String first = f.length > 4 ? f[4].trim() : "";
            models.add(new Model(f[0].trim(), f[1].trim(), emptyToNull(f[2]), f.length > 3 && "app".equals(f[3].trim()),
                    first.isEmpty() ? null : java.time.YearMonth.parse(first)));
        }
        List<EverydayName> everyday = new ArrayList<>();
        for (String[] f : rows(configDir, "everyday-names.csv", 1)) {
            everyday.add(new EverydayName(f[0].trim(), f.length > 1 ? String.join("", list(f[1])) : "",
                    f.length > 2 ? list(f[2]) : List.of()));
        }
        java.util.Set<String> latin = new java.util.LinkedHashSet<>();
        for (String[] f : rows(configDir, "latin-terms.csv", 1)) {
            latin.add(f[0].trim());
        }
        SentenceTypes sentenceTypes = SentenceTypes.of(rows(configDir, "sentence-types.csv", 3));
        EventConfidence confidence = EventConfidence.of(rows(configDir, "event-confidence.csv", 2));
        return new Knowledge(companies, cities, countries, sectors, models, everyday, latin, lexicon, sentenceTypes,
                confidence);
    }

    // ------------------------------------------------------------------ look-ups

    public List<Company> companies() {
        return companies;
    }

    /** The event types sentences read as ({@code sentence-types.csv}), for articles no rule finds anything in. */
    public SentenceTypes sentenceTypes() {
        return sentenceTypes;
    }

    /** How likely an extracted event is news an analyst lists ({@code event-confidence.csv}); none keeps all. */
    public EventConfidence eventConfidence() {
        return eventConfidence;
    }

    /** The model catalogue ({@code models.csv}), in file order. */
    public List<Model> models() {
        return models;
    }

    /** The everyday-word rules of a registry name (case ignored); empty for most names. */
    List<EverydayName> everydayName(String surface) {
        List<EverydayName> rules = everydayNames.get(surface.toLowerCase(java.util.Locale.ROOT));
        return rules == null ? List.of() : rules;
    }

    /** Every rule of {@code everyday-names.csv}, in file order. */
    List<EverydayName> everydayNames() {
        return everyday;
    }

    /** A Latin word that is never read as an organisation name ({@code latin-terms.csv}; exact case). */
    boolean latinTerm(String word) {
        return latinTerms.contains(word);
    }

    /** The registry entry whose name or alias is {@code name} (case, width and spaces ignored). */
    public Optional<Company> company(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(companyByName.get(normalise(name)));
    }

    /** The bundled registry as a directory (by canonical name or alias). */
    public CompanyDirectory directory() {
        return this::company;
    }

    public Optional<City> city(String slug) {
        return Optional.ofNullable(citiesBySlug.get(slug));
    }

    /** Slug of the city a city or district name stands for ("海淀区" -> beijing). */
    public Optional<String> cityByName(String name) {
        return Optional.ofNullable(cityByName.get(name));
    }

    /** ISO code of a country name ("美国" -> US). */
    public Optional<String> country(String name) {
        return Optional.ofNullable(countryByName.get(name));
    }

    /** Country of a city slug, when the city is known. */
    public String countryOfCity(String slug) {
        City c = citiesBySlug.get(slug);
        return c == null ? null : c.country();
    }

    /**
     * Every dictionary hit in {@code text}, in one pass, sorted by start and, at one start, longest first (the
     * meanings of one key in the order they were loaded). ASCII case is ignored. Terms that begin or end with a
     * Latin letter or digit only match at word boundaries.
     */
    public List<Hit> scan(String text) {
        HitList hits = new HitList();
        trie.scan(text, hits);
        return hits;
    }

    /** The dictionary of the single pass: every key (ASCII lower-cased) and its meanings. */
    Map<String, Term[]> dictionary() {
        return dictionary;
    }

    static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Lower-cases ASCII letters only, so offsets stay the same. */
    public static String asciiLower(String s) {
        char[] c = null;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                if (c == null) {
                    c = s.toCharArray();
                }
                c[i] = (char) (ch + 32);
            }
        }
        return c == null ? s : new String(c);
    }

    /** Key for name look-ups: lower-case, without spaces, quotes, dots and hyphens; full width folded. */
    static String normalise(String name) {
        if (isNormal(name)) {
            return name; // most names the rules look up (Chinese names): nothing to fold or drop, nothing to copy
        }
        StringBuilder sb = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (dropped(c)) {
                continue;
            }
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    /** {@link #normalise} would return {@code name} unchanged: no full-width form, dropped mark or upper case. */
    private static boolean isNormal(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E' || dropped(c) || Character.toLowerCase(c) != c) {
                return false;
            }
        }
        return true;
    }

    /** The spaces, quotes, dots and hyphens a look-up key leaves out. */
    private static boolean dropped(char c) {
        return c == ' ' || c == '\u3000' || c == '"' || c == '\'' || c == '“' || c == '”' || c == '·'
                || c == '・' || c == '.' || c == '-' || c == '_';
    }

    // ------------------------------------------------------------------ CSV

    private static List<String[]> rows(Path configDir, String file, int minFields) {
        List<String[]> rows = new ArrayList<>();
        boolean header = true;
        for (String line : readLines(configDir, file)) {
            String l = line.strip();
            if (l.startsWith("\uFEFF")) {
                l = l.substring(1);
            }
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (header) {
                header = false;
                continue;
            }
            String[] f = l.split(",", -1);
            if (f.length < minFields || f[0].isBlank()) {
                continue;
            }
            rows.add(f);
        }
        return rows;
    }

    private static List<String> list(String field) {
        if (field == null || field.isBlank()) {
            return List.of();
        }
        return Arrays.stream(field.split("\\|")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String emptyToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    static List<String> readLines(Path configDir, String file) {
        try {
            if (configDir != null && Files.isRegularFile(configDir.resolve(file))) {
                return Files.readAllLines(configDir.resolve(file), StandardCharsets.UTF_8);
            }
            try (InputStream in = Knowledge.class.getResourceAsStream("/config/" + file)) {
                if (in == null) {
                    return List.of();
                }
                return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read knowledge file " + file, e);
        }
    }
}
