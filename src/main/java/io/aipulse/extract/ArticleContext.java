package io.aipulse.extract;

import io.aipulse.article.Titles;
import io.aipulse.article.Article;
import io.aipulse.article.PublicationTimeFinder;
import io.aipulse.article.TimeSource;
import io.aipulse.article.clean.CleanText;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the rules read of one article: its cleaned text and sentences, the dictionary hits, the organisations,
 * actors and dates of each sentence (computed once, when first asked), clause bounds, subjects and
 * coreference; and the candidates the rules add. Each sentence with a trigger word goes to the rules the word
 * enables ({@link Rules}); {@link #date} then dates each candidate. Not thread-safe; one instance per article.
 */
final class ArticleContext {

    private final Knowledge knowledge;
    private final AmountParser amounts;
    private final OrgFinder orgFinder;
    private final Article article;
    private final String text;
    private final List<Knowledge.Hit> hits;
    private final List<Segmenter.Sentence> sentences;
    private final LocalDate anchor;
    private final boolean articleDated;
    /** the day events' ages are measured from ({@link #backgroundReference(List)}), set by {@link #run()} */
    private LocalDate backgroundReference;
    private final Map<Integer, LocalDate> itemDates = new HashMap<>();
    // per sentence, computed when first asked (null until then): arrays rather than maps keyed by a boxed index
    /** the organisations of each sentence, with the article's declared short names */
    private final List<OrgMention>[] orgCache;
    /** the organisations the finder reads in each sentence, before the declared short names */
    private final List<OrgMention>[] foundOrgCache;
    /** the actors of each sentence, by {@link ActorFilter#ordinal()} */
    private final List<OrgMention>[][] actorCache;
    /** per sentence, for each of its organisations: 1 = never an actor, 2 = a person's title follows it */
    private final byte[][] actorFlags;
    private final List<DateParser.Mention>[] dateCache;
    private final Integer[] contextYear;
    private final List<Candidate> candidates = new ArrayList<>();
    /** the short names the article declares ("(以下简称“闪马智能”)") */
    private final Aliases aliases;

    ArticleContext(Knowledge knowledge, ExtractionSettings settings, AmountParser amounts, OrgFinder orgFinder,
                      Article article, CleanText clean) {
        this.knowledge = knowledge;
        this.amounts = amounts;
        this.orgFinder = orgFinder;
        this.article = article;
        this.text = clean.text();
        this.hits = knowledge.scan(text); // sorted by start, longest first
        this.sentences = Segmenter.split(text);
        this.articleDated = article.timeSource() != TimeSource.INGEST;
        // an article without a date of its own is as old as its ingest time (the contract's INGEST): its
        // day-month dates take that year, though its events do not take that day as their date
        this.anchor = article.publishedOn(settings.zone());
        this.contextYear = new Integer[sentences.size()];
        this.orgCache = sentenceArray();
        this.foundOrgCache = sentenceArray();
        this.dateCache = sentenceArray();
        this.actorCache = new List[sentences.size()][];
        this.actorFlags = new byte[sentences.size()][];
        this.aliases = text.contains("称") ? Aliases.declared(text, this::sentenceAt, this::foundOrgs, orgFinder)
                : Aliases.none();
    }

    @SuppressWarnings("unchecked")
    private <T> List<T>[] sentenceArray() {
        return new List[sentences.size()];
    }

    List<Candidate> run() {
        Integer year = anchor == null ? null : anchor.getYear();
        int yi = 0;
        List<int[]> years = explicitYears();
        backgroundReference = backgroundReference(years);
        for (int si = 0; si < sentences.size(); si++) {
            Segmenter.Sentence s = sentences.get(si);
            while (yi < years.size() && years.get(yi)[0] < s.start) {
                year = years.get(yi)[1];
                yi++;
            }
            contextYear[si] = year;
            if (s.datelineEnd > s.start) {
                for (DateParser.Mention m : DateParser.findAll(text, s.start, s.datelineEnd, anchor, year, null)) {
                    if (m.precision() == DateParser.Precision.DAY) {
                        itemDates.putIfAbsent(s.item, m.date());
                        break;
                    }
                }
            } else if (s.headline && s.end - s.start <= DATE_ONLY_HEADLINE) {
                // "9月16日,据外媒报道,...": the segmenter cut before 据, leaving the date as the item's head
                List<DateParser.Mention> ms = DateParser.findAll(text, s.start, s.end, anchor, year, null);
                if (ms.size() == 1 && ms.get(0).precision() == DateParser.Precision.DAY
                        && onlyPunctuation(s.start, ms.get(0).start()) && onlyPunctuation(ms.get(0).end(), s.end)) {
                    itemDates.putIfAbsent(s.item, ms.get(0).date());
                }
            }
        }
        for (int si = 0; si < sentences.size(); si++) {
            int rules = Rules.triggeredIn(hits, sentences.get(si));
            if (rules == 0) {
                continue;
            }
            SentenceContext sentence = new SentenceContext(this, si);
            for (int r = 0; r < Rules.ALL.size(); r++) {
                if ((rules & (1 << r)) != 0) {
                    Rules.ALL.get(r).apply(sentence);
                }
            }
        }
        return candidates;
    }

    /**
     * The day an event's age is measured from: the article's day; for a page with no date of its own, whose anchor is
     * only the day it was read, the middle of the latest year its text names up to then ("2025年,X完成...融资" on an
     * undated page read in 2026 is not history; "2024年12月" on a page of "2025年开年" is not either).
     */
    private LocalDate backgroundReference(List<int[]> years) {
        if (anchor == null || articleDated) {
            return anchor;
        }
        YearMonth printed = PublicationTimeFinder.findHeadingMonth(text).orElse(null);
        if (printed != null && !printed.atEndOfMonth().isAfter(anchor)) {
            return printed.atEndOfMonth(); // "date 2024-04": the page tells its month, if not its day
        }
        int latest = -1;
        for (int[] y : years) {
            if (y[1] <= anchor.getYear()) {
                latest = Math.max(latest, y[1]);
            }
        }
        // the page's day is somewhere in that year: its middle is the nearest guess, whichever day it is
        return latest < 0 || latest == anchor.getYear() ? anchor : LocalDate.of(latest, 6, 30);
    }

    /**
     * Positions and values of the explicit years of the text ("2023年", "2023-"): the places after four digits that
     * hold 年, a space before 年, '-' or '/', found with indexOf (vectorised) rather than a test at every character.
     */
    private List<int[]> explicitYears() {
        List<int[]> out = new ArrayList<>();
        for (int i : yearEnds()) {
            char a = text.charAt(i - 4);
            char b = text.charAt(i - 3);
            if (!((a == '1' && b == '9') || (a == '2' && b == '0')) || !isDigit(text.charAt(i - 2))
                    || !isDigit(text.charAt(i - 1)) || i >= 5 && isDigit(text.charAt(i - 5))) {
                continue;
            }
            out.add(new int[] {i - 4, Integer.parseInt(text.substring(i - 4, i))});
        }
        return out;
    }

    /** the longest head that can be a date alone: 2024 年 12 月 31 日, */
    private static final int DATE_ONLY_HEADLINE = 16;

    private boolean onlyPunctuation(int from, int to) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c != ' ' && c != ',' && c != '，' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /**
     * The places from 4 on that hold 年, '-', '/', a space before 年, or a quarter's or half's Q / H before its digit
     * ("2025Q3", "2024H1"), in order.
     */
    private int[] yearEnds() {
        int[] at = new int[16];
        int count = 0;
        for (char c : new char[] {'年', '-', '/', 'Q', 'H'}) {
            for (int i = text.indexOf(c, 4); i >= 0; i = text.indexOf(c, i + 1)) {
                if ((c == 'Q' || c == 'H') && (i + 1 >= text.length() || text.charAt(i + 1) < '1' || text.charAt(i + 1) > '4')) {
                    continue;
                }
                if (count + 2 > at.length) {
                    at = Arrays.copyOf(at, at.length * 2);
                }
                at[count++] = i;
                if (c == '年' && i >= 5 && text.charAt(i - 1) == ' ') {
                    at[count++] = i - 1;
                }
            }
        }
        at = Arrays.copyOf(at, count);
        Arrays.sort(at);
        return at;
    }

    /** Index of the sentence that contains or follows {@code pos}. */
    int sentenceAt(int pos) {
        int lo = 0;
        int hi = sentences.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sentences.get(mid).end <= pos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    LocalDate anchor() {
        return anchor;
    }

    boolean articleDated() {
        return articleDated;
    }

    String text() {
        return text;
    }

    List<Segmenter.Sentence> sentences() {
        return sentences;
    }

    List<Knowledge.Hit> hits() {
        return hits;
    }

    private Map<Integer, List<PlaceResolver.EventPlace>> eventPlaces;

    /** Every "在<place>举办/发布..." of the text by item, found once per article when an event first asks. */
    Map<Integer, List<PlaceResolver.EventPlace>> eventPlaces() {
        if (eventPlaces == null) {
            eventPlaces = PlaceResolver.eventPlaces(this);
        }
        return eventPlaces;
    }

    /** The dictionary hits that lie inside {@code [from, to)}, by start, the longest first at each place. */
    List<Knowledge.Hit> hitsIn(int from, int to) {
        return OrgFinder.hitsIn(hits, from, to);
    }

    /** The first hit of {@code kind} inside {@code [from, to)}, or null. */
    Knowledge.Hit firstHit(Knowledge.Kind kind, int from, int to) {
        for (int i = OrgFinder.firstAt(hits, from); i < hits.size(); i++) {
            Knowledge.Hit h = hits.get(i);
            if (h.start() >= to) {
                break;
            }
            if (h.end() <= to && h.term().kind() == kind) {
                return h;
            }
        }
        return null;
    }

    /** The candidates the rules added so far, in the order they were added. */
    List<Candidate> candidates() {
        return candidates;
    }

    Knowledge knowledge() {
        return knowledge;
    }

    AmountParser amounts() {
        return amounts;
    }

    OrgFinder orgFinder() {
        return orgFinder;
    }

    private final Map<Integer, List<String>> investors = new HashMap<>();

    /** The investors named in and after sentence {@code si}, read once per sentence (the lists are never modified). */
    List<String> investors(int si, java.util.function.Supplier<List<String>> read) {
        return investors.computeIfAbsent(si, k -> read.get());
    }

    /** A party the finder did not know, read by a rule (after 与): its words are not sector keywords. */
    void addUnknownName(int start, int end) {
        unknownNames.add(new int[] {start, end});
    }

    /** Names of parties the finder did not know (read after 与): their words are not sector keywords. */
    private final List<int[]> unknownNames = new ArrayList<>();
    /** how many of {@link #unknownNames} are sorted by start, and the longest of them */
    private int unknownSorted;
    private int unknownLongest;

    /** Spans of the organisation names recognised in the sentences that overlap {@code [from, to)}. */
    List<int[]> orgSpans(int from, int to) {
        List<int[]> out = new ArrayList<>();
        // the unknown names overlapping [from, to), found by their starts (the callers only ask whether a
        // place lies inside one of the spans, so their order does not matter)
        if (unknownNames.size() != unknownSorted) {
            unknownNames.sort((a, b) -> Integer.compare(a[0], b[0]));
            unknownSorted = unknownNames.size();
            unknownLongest = 0;
            for (int[] u : unknownNames) {
                unknownLongest = Math.max(unknownLongest, u[1] - u[0]);
            }
        }
        int lo = 0;
        int hi = unknownNames.size();
        while (lo < hi) { // the first name that starts late enough to reach past from
            int mid = (lo + hi) >>> 1;
            if (unknownNames.get(mid)[0] <= from - unknownLongest) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        for (int i = lo; i < unknownNames.size() && unknownNames.get(i)[0] < to; i++) {
            int[] u = unknownNames.get(i);
            if (u[1] > from) {
                out.add(u);
            }
        }
        for (int si = sentenceAt(from); si < sentences.size() && sentences.get(si).start < to; si++) {
            Segmenter.Sentence s = sentences.get(si);
            if (s.end <= from || orgCache[si] == null) {
                continue;
            }
            for (OrgMention o : orgCache[si]) {
                out.add(new int[] {o.start(), o.end()});
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ anchor, dates

    List<DateParser.Mention> dates(int si) {
        List<DateParser.Mention> cached = dateCache[si];
        if (cached != null) {
            return cached;
        }
        // not computeIfAbsent: 当日 reads the dates of the sentences before, which fills the cache too
        Segmenter.Sentence s = sentences.get(si);
        LocalDate today = itemDates.get(s.item);
        LocalDate contextDay = refersBack(s) ? lastDayBefore(si) : null;
        // an undated page's 今年 and day-month dates are of the latest year it names, not of the day it was read
        LocalDate reference = articleDated || backgroundReference == null ? anchor : backgroundReference;
        List<DateParser.Mention> found = DateParser.findAll(text, s.start, s.end, reference, contextYear[si],
                today != null ? today : reference, contextDay);
        dateCache[si] = found;
        return found;
    }

    /** 当日, 当天 or 同日 in the sentence: a day that the text named before. */
    private boolean refersBack(Segmenter.Sentence s) {
        for (int i = s.start; i + 1 < s.end; i++) {
            char c = text.charAt(i);
            char d = text.charAt(i + 1);
            if ((c == '当' || c == '同') && d == '日' || c == '当' && d == '天') {
                return true;
            }
        }
        return false;
    }

    /** how many sentences back 当日 may look for the day it means */
    private static final int SAME_DAY_REACH = 5;

    /** The last day named in the few sentences before {@code si}, else the item's dateline day. */
    private LocalDate lastDayBefore(int si) {
        for (int k = si - 1; k >= 0 && k >= si - SAME_DAY_REACH; k--) {
            List<DateParser.Mention> ds = dates(k);
            for (int i = ds.size() - 1; i >= 0; i--) {
                if (ds.get(i).precision() == DateParser.Precision.DAY) {
                    return ds.get(i).date();
                }
            }
        }
        return itemDates.get(sentences.get(si).item);
    }

    // ------------------------------------------------------------------ organisations

    List<OrgMention> orgs(int si) {
        if (orgCache[si] == null) {
            Segmenter.Sentence s = sentences.get(si);
            orgCache[si] = withSelfReferences(s, aliases.apply(text, s.start, s.end, foundOrgs(si)));
        }
        return orgCache[si];
    }

    /** an institution's own news says "we": 我院/本院 (a hospital, an institute, a school) and 我校/本校 (a university) */
    private static final List<String> SELF_REFERENCES = List.of("我院", "本院", "我校", "本校");
    /** the name endings of what 院 and 校 stand for */
    private static final Words INSTITUTES = Words.of("医院", "研究院", "学院", "科学院");
    private static final Words SCHOOLS = Words.of("大学", "学院", "学校");
    /** the institution 院 and 校 stand for, once looked up: index 0 for 院, 1 for 校 ({@link #NONE} when none) */
    private final OrgMention[] selves = new OrgMention[2];
    private static final OrgMention NONE = new OrgMention(0, 0, "", null, null, null, 0, false);

    /**
     * "我院与中国移动四川公司签署战略合作协议": the self-reference of an institution's own page stands for the first
     * organisation of the page whose name ends like the institution (医院, 研究院, 学院 for 院; 大学, 学院 for 校).
     */
    private List<OrgMention> withSelfReferences(Segmenter.Sentence s, List<OrgMention> found) {
        List<OrgMention> out = null;
        for (int i = s.start; i + 1 < s.end; i++) {
            char c = text.charAt(i);
            if (c != '我' && c != '本') {
                continue; // the first characters of SELF_REFERENCES
            }
            final int at = i;
            String word = SELF_REFERENCES.stream().filter(w -> text.startsWith(w, at)).findFirst().orElse(null);
            if (word == null) {
                continue;
            }
            OrgMention self = self(word.charAt(1) == '院' ? 0 : 1);
            if (self == NONE || found.stream().anyMatch(o -> o.start() < at + 2 && o.end() > at)) {
                continue;
            }
            if (out == null) {
                out = new ArrayList<>(found);
            }
            out.add(new OrgMention(i, i + 2, self.name(), self.company(), self.textCity(), self.textCountry(), self.source(),
                    false));
        }
        if (out == null) {
            return found;
        }
        out.sort(java.util.Comparator.comparingInt(OrgMention::start));
        return List.copyOf(out);
    }

    /** The institution 院 (kind 0) or 校 (kind 1) stands for: the first organisation of the page named like one. */
    private OrgMention self(int kind) {
        if (selves[kind] == null) {
            Words endings = kind == 0 ? INSTITUTES : SCHOOLS;
            selves[kind] = NONE;
            for (int si = 0; si < sentences.size() && selves[kind] == NONE; si++) {
                for (OrgMention o : foundOrgs(si)) {
                    if (endings.endsIn(o.name(), 0, o.name().length()) || o.company() != null
                            && endings.endsIn(o.company().name(), 0, o.company().name().length())) {
                        selves[kind] = o;
                        break;
                    }
                }
            }
        }
        return selves[kind];
    }

    /** The organisations the finder reads in sentence {@code si}, before the article's declared short names. */
    private List<OrgMention> foundOrgs(int si) {
        // kept: the sentences that declare a short name are read for the declaration first, then for the rules
        if (foundOrgCache[si] == null) {
            Segmenter.Sentence s = sentences.get(si);
            foundOrgCache[si] = orgFinder.find(text, hits, s.start, s.end);
        }
        return foundOrgCache[si];
    }

    /** Organisations of sentence {@code si} that can be the actor of an event, as {@code filter} says. */
    @SuppressWarnings("unchecked")
    List<OrgMention> actors(int si, ActorFilter filter) {
        List<OrgMention>[] bySentence = actorCache[si];
        if (bySentence == null) {
            bySentence = new List[ActorFilter.values().length];
            actorCache[si] = bySentence;
        }
        if (bySentence[filter.ordinal()] == null) {
            bySentence[filter.ordinal()] = computeActors(si, filter);
        }
        return bySentence[filter.ordinal()];
    }

    private byte[] actorFlags(int si) {
        if (actorFlags[si] == null) {
            actorFlags[si] = computeActorFlags(si);
        }
        return actorFlags[si];
    }

    private byte[] computeActorFlags(int si) {
        Segmenter.Sentence s = sentences.get(si);
        List<OrgMention> orgs = orgs(si);
        byte[] flags = new byte[orgs.size()];
        for (int i = 0; i < flags.length; i++) {
            OrgMention o = orgs.get(i);
            int afterEnd = Math.min(s.end, o.end() + 8);
            if (o.start() < s.datelineEnd || Titles.inside(text, s.start, o.start(), TITLE_REACH)
                    || precededByAgentWord(o.start(), s.start) || nickname(o.start(), s.start)
                    || Cues.opensWith(text, o.end(), afterEnd, Cues.INVESTOR_WORDS)
                    || affiliation(o, i + 1 < flags.length ? orgs.get(i + 1) : null, s.end) || channel(o, s.start, s.end)) {
                flags[i] = 1;
            } else if (Cues.opensWithPersonTitle(text, o.end(), afterEnd)) {
                flags[i] = 2;
            }
        }
        return flags;
    }

    /** the words that tell something, after the place or channel they are told in */
    private static final Words TELLING = Words.of("宣布", "发文", "贴文", "发帖", "发布", "公布", "表示", "撰文", "写道", "发表");
    /** the words for the page of a platform, between its name and the telling: "在X平台发文", "在微博上宣布" */
    private static final List<String> PLATFORM_PAGE = List.of("官方账号", "平台", "账号", "帐号", "官微", "官网", "页面", "上");
    /** before 在 or 于, characters that make them part of another word (正在, 由于, 关于, 对于, 基于 ...) */
    private static final String NOT_BEFORE_AT = "正现存所实自好内由关对等基属至鉴终处位";

    /**
     * "透过LinkedIn宣布", "在社群平台X发文", "于香港联交所发布公告": after 在 / 于 / 透过 / 通过 and right before the verb
     * of telling, an organisation is where the news is told, not who tells it.
     */
    private boolean channel(OrgMention o, int sentenceStart, int sentenceEnd) {
        int b = o.start();
        if (b > sentenceStart && text.charAt(b - 1) == ' ') {
            b--;
        }
        if (b - 1 < sentenceStart) {
            return false;
        }
        char at = text.charAt(b - 1);
        boolean opened = (at == '在' || at == '于') && (b - 2 < sentenceStart || NOT_BEFORE_AT.indexOf(text.charAt(b - 2)) < 0)
                || b - 2 >= sentenceStart && (text.startsWith("透过", b - 2) || text.startsWith("通过", b - 2));
        if (!opened) {
            return false;
        }
        int a = o.end();
        if (a < sentenceEnd && text.charAt(a) == ' ') {
            a++;
        }
        for (String page : PLATFORM_PAGE) {
            if (text.startsWith(page, a)) {
                a += page.length();
                break;
            }
        }
        return a < sentenceEnd && TELLING.startsAt(text, a, sentenceEnd) && !text.startsWith("发布会", a);
    }

    /**
     * "“中国版辉达”摩尔线程", "国产版OpenAI"": a famous company's name after 版 is another company's nickname; the company
     * it describes acts, never the famous one
     */
    private boolean nickname(int at, int sentenceStart) {
        return at > sentenceStart && text.charAt(at - 1) == '版';
    }

    /**
     * The organisation before {@code clauseStart} in sentence {@code si} that a person's title follows ("月之暗面创始人
     * 杨植麟"): not an actor of its own, but what "公司" in a later clause of that person's words refers to. Null when
     * the clause before names none, or only names the filter refuses.
     */
    private OrgMention employerOfSpeakerBefore(int si, int clauseStart, ActorFilter filter) {
        List<OrgMention> orgs = orgs(si);
        byte[] flags = actorFlags(si);
        for (int i = 0; i < flags.length; i++) {
            OrgMention o = orgs.get(i);
            if (o.end() > clauseStart) {
                return null;
            }
            if (flags[i] == 2 && !o.isKind("media") && (o.source() != OrgMention.FALLBACK || filter.guessedNames()
                    || NamePatterns.hasCompanySuffix(text, o.start(), o.end()))) {
                return o;
            }
        }
        return null;
    }

    private List<OrgMention> computeActors(int si, ActorFilter filter) {
        List<OrgMention> orgs = orgs(si);
        byte[] flags = actorFlags(si);
        List<OrgMention> out = new ArrayList<>();
        for (int i = 0; i < flags.length; i++) {
            OrgMention o = orgs.get(i);
            if (flags[i] == 1 || flags[i] == 2 && !filter.speakers()) {
                continue; // a dateline, a title, an agent, an investor; a person's title (unless speakers act)
            }
            if (o.isKind("media") && !filter.speakers()) {
                continue;
            }
            if (o.source() == OrgMention.FALLBACK && !filter.guessedNames()
                    && !NamePatterns.hasCompanySuffix(text, o.start(), o.end())) {
                continue;
            }
            out.add(o);
        }
        return out;
    }

    /**
     * "清华系具身智能公司星海图", "“吉利系”智驾供应商福瑞泰克": an organisation + 系 before a descriptor of the next name
     * tells where that company comes from; it is not an actor (系 as a copula, "X系Y旗下公司", has no descriptor
     * between; 系列 and 系统 are other words). The next name need not be known: a descriptor with a name after it is
     * enough.
     */
    private boolean affiliation(OrgMention o, OrgMention next, int sentenceEnd) {
        int at = o.end();
        while (at < sentenceEnd && (text.charAt(at) == '”' || text.charAt(at) == '」')) {
            at++; // "“吉利系”": the quote may close after 系 or before it
        }
        if (at + 1 >= sentenceEnd || text.charAt(at) != '系' || "列统数".indexOf(text.charAt(at + 1)) >= 0) {
            return false;
        }
        boolean nextClose = next != null && next.start() > at + 1 && next.start() - at <= AFFILIATION_REACH;
        int end = nextClose ? next.start() : Math.min(sentenceEnd, at + 1 + AFFILIATION_REACH);
        String between = text.substring(at + 1, end).trim();
        int cut = 0;
        while (cut < between.length() && ",，。;；:：、".indexOf(between.charAt(cut)) < 0) {
            cut++;
        }
        if (nextClose) {
            return cut == between.length() && Cues.AFFILIATED_DESCRIPTORS.endsIn(between, 0, between.length());
        }
        // no known name after it: a descriptor followed by the (unknown) name it describes
        for (int i = 2; i < cut - 1; i++) {
            if (Cues.AFFILIATED_DESCRIPTORS.endsIn(between, 0, i) && NamePatterns.isHan(between.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** how far after 系 the descriptor of the affiliated company and its name are read */
    private static final int AFFILIATION_REACH = 16;

    /** how far before a name the 《 of a title around it is looked for */
    private static final int TITLE_REACH = 60;

    private boolean precededByAgentWord(int at, int from) {
        int i = at;
        while (i > from && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == '“')) {
            i--;
        }
        for (String w : Cues.AGENT_WORDS) {
            if (i - w.length() >= from && text.startsWith(w, i - w.length())) {
                return true;
            }
        }
        return false;
    }

    /** The actor of a trigger: first actor of its clause, else of the sentence, else a coreference. */
    OrgMention subjectBefore(int si, int trigger, int clauseStart, ActorFilter filter, boolean objectBefore) {
        List<OrgMention> actors = actors(si, filter);
        int focus = focusAfter(clauseStart, trigger);
        for (int i = 0; i < actors.size(); i++) {
            OrgMention o = actors.get(i);
            if (o.start() >= focus && o.end() <= trigger) {
                OrgMention head = headAfterModifier(actors, i, trigger);
                return head != null ? head : subsidiary(actors, i, trigger);
            }
        }
        OrgMention topic = topicBeforeColon(actors, clauseStart);
        if (topic != null) {
            return topic;
        }
        Segmenter.Sentence s = sentences.get(si);
        String before = text.substring(Math.max(clauseStart, s.datelineEnd), trigger);
        boolean coref = (Cues.COREFERENCE.in(before) || before.trim().startsWith("公司") || before.trim().startsWith("集团"))
                && !Cues.INDEFINITE.in(before);
        int adverbsOnly = -1; // ADVERBS_ONLY.matcher(before).matches(), computed once when needed
        if (!objectBefore && !coref) {
            adverbsOnly = Cues.adverbsOnly(withoutLocations(before, Math.max(clauseStart, s.datelineEnd), trigger)) ? 1 : 0;
        }
        boolean ownSubjectless = objectBefore || adverbsOnly == 1 || coref;
        if (ownSubjectless) {
            for (int i = 0; i < actors.size(); i++) {
                if (actors.get(i).end() <= clauseStart) {
                    if (i + 1 < actors.size() && actors.get(i + 1).end() <= clauseStart && announcer(actors.get(i))
                            && !ownUnitNext(actors.get(i), actors.get(i + 1))) {
                        continue; // "天普股份发布公告,中昊芯英...,取得天普股份控制权": the announcement tells of the actor after it
                    }
                    // "X主管创立的初创公司Y,在种子轮融资中筹集...": the clause before names Y, which X only describes
                    OrgMention head = clauseStart > 0 ? headAfterModifier(actors, i, clauseStart - 1) : null;
                    return head != null ? head : subsidiary(actors, i, clauseStart);
                }
            }
        }
        if (coref) {
            OrgMention employer = employerOfSpeakerBefore(si, clauseStart, filter);
            if (employer != null) {
                return employer; // "月之暗面创始人杨植麟在全员信中说:公司完成...融资": the company of the one who speaks
            }
            OrgMention o = coreference(si, filter);
            return o != null || !Cues.COREFERENCE.in(before) ? o : antecedentAcrossParagraphs(si, filter);
        }
        if (adverbsOnly >= 0 ? adverbsOnly == 1 : Cues.adverbsOnly(before)) {
            return coreference(si, filter);
        }
        return null;
    }

    /**
     * {@code span}, which is {@code text[from, to)}, without the places a preposition locates the act in ("将在美国投资":
     * 将投资): a place after 在 or 于 is where, not who. The span itself when it holds none.
     */
    private String withoutLocations(String span, int from, int to) {
        StringBuilder out = null;
        int copied = from;
        for (Knowledge.Hit h : hitsIn(from, to)) {
            Knowledge.Kind k = h.term().kind();
            if ((k == Knowledge.Kind.CITY || k == Knowledge.Kind.COUNTRY || k == Knowledge.Kind.DISTRICT) && h.start() > copied
                    && h.end() <= to && (text.charAt(h.start() - 1) == '在' || text.charAt(h.start() - 1) == '于')) {
                if (out == null) {
                    out = new StringBuilder(to - from);
                }
                out.append(text, copied, h.start());
                copied = h.end();
            }
        }
        return out == null ? span : out.append(text, copied, to).toString();
    }

    /** the words that make an organisation the announcer of what the sentence goes on to tell */
    private static final Words ANNOUNCES = Words.of("发布公告", "公告称", "公告显示", "晚间公告", "发布通报", "披露");

    /** {@code o} is followed by its announcement ("X发布公告,"; "X晚间公告"), a frame around another actor's news. */
    private boolean announcer(OrgMention o) {
        int from = o.end();
        Matcher aside = BEFORE_ANNOUNCING.matcher(text).region(from, Math.min(text.length(), from + ANNOUNCER_ASIDE));
        if (aside.lookingAt()) {
            from = aside.end(); // "上纬新材(688585.SH)7月8日晚间公告": its stock code and the day stand before the verb
        }
        int e = Math.min(text.length(), from + 8);
        return ANNOUNCES.in(text, from, e);
    }

    /** how a company names a unit of its own after its announcement: "披露了其子公司X", "旗下X" */
    private static final Words OWN_UNIT = Words.of("其子公司", "其全资子公司", "其控股子公司", "旗下", "其附属公司", "其全资附属公司");

    /** "杭叉集团发布公告,披露了其子公司杭叉智能...收购...": the actor after the announcer is its own unit, whose deal is its. */
    private boolean ownUnitNext(OrgMention announcer, OrgMention next) {
        return next.start() > announcer.end() && OWN_UNIT.in(text, announcer.end(), next.start());
    }

    /** a listed company's stock code, then the day of its announcement (晚间公告 is one of the announcing words) */
    private static final Pattern BEFORE_ANNOUNCING = Pattern.compile(
            "\\s?(?:[(（][^()（）]{1,16}[)）])?\\s?(?:\\d{1,2}\\s?月\\s?\\d{1,2}\\s?日|今日|昨日|近日|日前)?\\s?");
    /** how far that aside reaches */
    private static final int ANNOUNCER_ASIDE = 32;

    /**
     * "仅次于Wiz交易规模的是OpenAI斥资...收购Io": what a clause says with ...的是 before its verb names the actor after
     * 的是; an organisation before it only describes. The start of the actors' span: after the last 的是, or the clause.
     */
    private int focusAfter(int clauseStart, int trigger) {
        for (int i = trigger - 2; i >= clauseStart; i--) {
            if (text.charAt(i) == '的' && text.charAt(i + 1) == '是') {
                return i + 2;
            }
        }
        return clauseStart;
    }

    /** how many sentences back an explicit anaphor (该公司, 这家公司, 其) looks past its own paragraph */
    private static final int ANAPHOR_REACH = 3;

    /**
     * "率先引爆市场的是...智平方。\n\n2月23日,该公司宣布完成B轮融资": an explicit anaphor may point into the paragraph
     * before; the nearest sentence that names an actor gives it.
     */
    private OrgMention antecedentAcrossParagraphs(int si, ActorFilter filter) {
        for (int k = si - 1; k >= 0 && k >= si - ANAPHOR_REACH; k--) {
            List<OrgMention> a = actors(k, filter);
            if (!a.isEmpty()) {
                return namedByHeadline(a);
            }
        }
        return null;
    }

    /**
     * "纵目科技:2025年4月进入破产审查程序": a list item names its company, a colon, then what happened to it; the
     * name alone before the colon is the subject of the clause after it.
     */
    private OrgMention topicBeforeColon(List<OrgMention> actors, int clauseStart) {
        int colon = clauseStart - 1;
        while (colon >= 0 && text.charAt(colon) == ' ') {
            colon--;
        }
        if (colon < 0 || text.charAt(colon) != ':' && text.charAt(colon) != '：') {
            return null;
        }
        for (OrgMention o : actors) {
            if (o.end() == colon || o.end() == colon - 1 && text.charAt(colon - 1) == ' ') {
                int lineStart = text.lastIndexOf('\n', o.start()) + 1;
                return text.substring(lineStart, o.start()).isBlank() ? o : null;
            }
        }
        return null;
    }

    /** what stands between a parent and its subsidiary: "谷歌旗下DeepMind", "科大讯飞控股子公司讯飞医疗" */
    private static final Set<String> SUBSIDIARY_GAPS = Set.of("旗下", "旗下的", "子公司", "旗下公司", "旗下企业", "旗下子公司",
            "控股子公司", "全资子公司", "的子公司", "的全资子公司", "的控股子公司", "孙公司", "全资孙公司");

    /** "谷歌旗下DeepMind发布...": the subsidiary named right after 旗下 acts, not its parent. */
    private OrgMention subsidiary(List<OrgMention> actors, int i, int trigger) {
        OrgMention o = actors.get(i);
        if (i + 1 < actors.size()) {
            OrgMention next = actors.get(i + 1);
            // the parent may stand in quotes: "「幻方量化」旗下公司深度求索"
            String gap = stripQuotes(text.substring(o.end(), Math.min(next.start(), text.length())).trim());
            if (next.end() <= trigger && (SUBSIDIARY_GAPS.contains(gap) || firstStockOf(gap))) {
                return next;
            }
        }
        return o;
    }

    /**
     * "InnoHK资助的香港生成式人工智能研发中心正式发布...", "X投资的Y宣布...": an organisation named in a modifier (before its
     * 的) describes the one after it; the latter, right before the verb, acts. Null when no later actor stands there.
     */
    private OrgMention headAfterModifier(List<OrgMention> actors, int first, int trigger) {
        OrgMention o = actors.get(first);
        for (int k = actors.size() - 1; k > first; k--) {
            OrgMention head = actors.get(k);
            if (head.end() > trigger || head.start() <= o.end() || "(（".indexOf(text.charAt(head.start() - 1)) >= 0) {
                continue; // after the verb, or the aside of the name before it: "研发中心(HKGAI)"
            }
            String between = text.substring(o.end(), head.start());
            if ((deBefore(head.start(), o.end()) || describedAfterDe(between)) && noClauseMark(between)
                    && opensPredicate(withoutAside(text.substring(head.end(), trigger)))) {
                return head;
            }
            return null;
        }
        return null;
    }

    /** the nouns that describe a company by what it is to another: "MiniMax的国内主要竞争对手智谱AI" */
    private static final Words RELATIONS = Words.of(Finder.union(OrgFinder.OPENING_DESCRIPTORS,
            List.of("对手", "伙伴", "客户", "股东", "投资方", "母公司", "初创")).toArray(new String[0]));
    /** how long the description between 的 and the name it describes may be */
    private static final int DESCRIPTION_AFTER_DE = 20;

    /** {@code between} ends with 的 and a short description of the name after it ("的国内主要竞争对手", "的AI初创公司") */
    private static boolean describedAfterDe(String between) {
        int de = between.lastIndexOf('的');
        String d = de < 0 ? "" : between.substring(de + 1).strip();
        return d.length() >= 2 && d.length() <= DESCRIPTION_AFTER_DE && RELATIONS.endsIn(d, 0, d.length());
    }

    /** 的 stands right before {@code at} (a space or an opening quote between them aside), after {@code from} */
    private boolean deBefore(int at, int from) {
        int i = at - 1;
        while (i > from && (text.charAt(i) == ' ' || text.charAt(i) == '“' || text.charAt(i) == '「')) {
            i--;
        }
        return i > from && text.charAt(i) == '的';
    }

    /** the words after a name without the aside that may open them: "(HKGAI)正式" -> "正式" */
    private static String withoutAside(String after) {
        String a = after.stripLeading();
        char open = a.isEmpty() ? ' ' : a.charAt(0);
        int close = open == '(' ? a.indexOf(')') : open == '（' ? a.indexOf('）') : -1;
        return close > 0 ? a.substring(close + 1) : a;
    }

    /** the prepositions that open a phrase between a subject and its verb: "向港交所提交", "与腾讯签署", "为企业推出" */
    private static final String PREPOSITIONS = "向在于与和同跟为对从";
    /** how long that phrase may be */
    private static final int PHRASE_REACH = 12;

    /**
     * What stands between the head of a noun phrase and its verb: adverbs, after the comma that may close the phrase
     * ("由印奇执掌的千里科技,正式..."), and a short phrase of a preposition ("的千里科技正式向港交所提交上市申请").
     */
    private static boolean opensPredicate(String after) {
        String a = after.startsWith(",") || after.startsWith("，") ? after.substring(1) : after;
        if (Cues.adverbsOnly(a)) {
            return true;
        }
        for (int i = 0; i < a.length(); i++) {
            if (PREPOSITIONS.indexOf(a.charAt(i)) >= 0 && Cues.adverbsOnly(a.substring(0, i))) {
                String phrase = a.substring(i + 1);
                return phrase.length() <= PHRASE_REACH && noClauseMark(phrase);
            }
        }
        return false;
    }

    /** {@code s} holds no mark that ends a clause (a comma, a full stop, a semicolon, a colon). */
    static boolean noClauseMark(String s) {
        for (int i = 0; i < s.length(); i++) {
            if ("，,。；;：:".indexOf(s.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** the text without the closing quotes or brackets it opens with */
    private static String stripQuotes(String gap) {
        int i = 0;
        while (i < gap.length() && "」”』\"'）)".indexOf(gap.charAt(i)) >= 0) {
            i++;
        }
        return gap.substring(i).trim();
    }

    /**
     * "港交所人形机器人第一股优必选宣布": "the first stock of a category on an exchange" describes the company named
     * after it; the exchange before it is not the actor.
     */
    private static boolean firstStockOf(String gap) {
        String g = gap.replace("“", "").replace("”", "").replace("\"", "").strip();
        return g.endsWith("第一股") && g.length() <= MAX_FIRST_STOCK_GAP;
    }

    /** the longest category between an exchange and 第一股 ("人形机器人第一股", "AIGC第一股") */
    private static final int MAX_FIRST_STOCK_GAP = 14;

    /** The last actor of the previous sentences of the same item and paragraph. */
    OrgMention coreference(int si, ActorFilter filter) {
        Segmenter.Sentence s = sentences.get(si);
        for (int k = si - 1; k >= 0 && k >= si - 6; k--) {
            Segmenter.Sentence p = sentences.get(k);
            if (p.item != s.item) {
                break;
            }
            List<OrgMention> a = actors(k, filter);
            if (!a.isEmpty()) {
                return namedByHeadline(a);
            }
        }
        return null;
    }

    /**
     * Of a sentence's actors, the first the headline names, else the first: an anaphor (该公司, 其) or a subjectless
     * clause points back to the company the article is about more often than to a partner or a parent named before it
     * (docs/EXTRACTION.md, row 56); so does the back-off's guess from a body sentence (row 54).
     */
    OrgMention namedByHeadline(List<OrgMention> actors) {
        if (actors.size() > 1 && !sentences.isEmpty()) {
            Segmenter.Sentence head = sentences.get(0);
            String headline = text.substring(head.start, head.end);
            for (OrgMention o : actors) {
                String surface = text.substring(o.start(), o.end());
                if (headline.contains(o.name()) || !surface.isEmpty() && headline.contains(surface)) {
                    return o;
                }
            }
        }
        return actors.get(0);
    }

    /** A clause is at most this long on each side of a trigger (text without punctuation stays cheap). */
    private static final int MAX_CLAUSE = 120;

    /** the last clause start and end computed (rules ask again for the same place) */
    private int lastStartSi = -1;
    private int lastStartPos;
    private int lastStart;
    private int lastEndSi = -1;
    private int lastEndPos;
    private int lastEnd;

    int clauseStart(int si, int pos) {
        if (si == lastStartSi && pos == lastStartPos) {
            return lastStart;
        }
        lastStart = computeClauseStart(si, pos);
        lastStartSi = si;
        lastStartPos = pos;
        return lastStart;
    }

    int clauseEnd(int si, int pos) {
        if (si == lastEndSi && pos == lastEndPos) {
            return lastEnd;
        }
        lastEnd = computeClauseEnd(si, pos);
        lastEndSi = si;
        lastEndPos = pos;
        return lastEnd;
    }

    private int computeClauseStart(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int depth = 0;
        int limit = Math.max(s.start, pos - MAX_CLAUSE);
        if (limit > s.start && limit > s.datelineEnd) {
            // no punctuation within reach: the clause starts MAX_CLAUSE before
            boolean found = false;
            for (int i = pos - 1; i >= limit; i--) {
                char c = text.charAt(i);
                if (c == '，' || c == ',' || c == '：' || c == ':' || c == '；' || c == ';') {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return limit;
            }
        }
        for (int i = pos - 1; i >= s.start; i--) {
            char c = text.charAt(i);
            if (c == ')' || c == '）' || c == '》') {
                depth++;
            } else if ((c == '(' || c == '（' || c == '《') && depth > 0) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if ((c == '，' || c == ',' || c == '：' || c == ':' || c == '；' || c == ';') && !digitGroup(i)) {
                return Math.max(i + 1, s.datelineEnd);
            }
        }
        return s.datelineEnd;
    }

    private int computeClauseEnd(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int depth = 0;
        int end = Math.min(s.end, pos + MAX_CLAUSE);
        for (int i = pos; i < end; i++) {
            char c = text.charAt(i);
            if (c == '(' || c == '（' || c == '《') {
                depth++;
            } else if ((c == ')' || c == '）' || c == '》') && depth > 0) {
                depth--;
            }
            if (depth > 0) {
                continue;
            }
            if ((c == '，' || c == ',' || c == '；' || c == ';' || c == '。' || c == '：' || c == ':') && !digitGroup(i)) {
                return i;
            }
        }
        return end;
    }

    /** "3,300万港元": a comma between a digit and three digits groups thousands, it ends no clause. */
    private boolean digitGroup(int i) {
        if (text.charAt(i) != ',' || i == 0 || i + 3 >= text.length() || !isDigit(text.charAt(i - 1))) {
            return false;
        }
        return isDigit(text.charAt(i + 1)) && isDigit(text.charAt(i + 2)) && isDigit(text.charAt(i + 3))
                && (i + 4 >= text.length() || !isDigit(text.charAt(i + 4)));
    }

    /**
     * "零一万物的高管为何总是离职?": a sentence that asks is no report of what happened (a bare ? counts only at the
     * end of a line: pages with broken encodings put ? inside words).
     */
    private boolean question(int si) {
        Segmenter.Sentence s = sentences.get(si);
        int e = s.end;
        while (e < text.length() && text.charAt(e) == ' ') {
            e++;
        }
        return askingAt(e) || e == s.end && askingAt(e - 1); // the mark ends the sentence, or stands right after it
    }

    private boolean askingAt(int at) {
        if (at < 0 || at >= text.length()) {
            return false;
        }
        char c = text.charAt(at);
        return c == '？' || c == '?' && (at + 1 == text.length() || text.charAt(at + 1) == '\n' || text.charAt(at + 1) == '\r');
    }

    boolean inSpeech(int si, int pos) {
        Segmenter.Sentence s = sentences.get(si);
        int open = -1;
        for (int i = pos - 1; i >= s.start && i >= pos - 200; i--) {
            char c = text.charAt(i);
            if (c == '”') {
                return false;
            }
            if (c == '“') {
                open = i;
                break;
            }
        }
        if (open < 0) {
            return false;
        }
        int close = -1;
        for (int i = pos; i < s.end && i < pos + 400; i++) {
            if (text.charAt(i) == '”') {
                close = i;
                break;
            }
        }
        int len = (close < 0 ? Math.min(s.end, pos + 400) : close) - open;
        return len > 15;
    }

    boolean backgroundClause(int clauseStart, int trigger) {
        return Cues.background(text, clauseStart, trigger) || sinceFrame(clauseStart, trigger) || historyFrame(clauseStart);
    }

    /** how long a fronted clause of time may be ("早在2021年9月,") */
    private static final int FRAME_REACH = 16;

    /**
     * "早在2021年9月,商汤科技与哪吒汽车就宣布达成全面战略合作": a clause of only a history word and times, right before the
     * clause, frames it as background as it would inside it.
     */
    private boolean historyFrame(int clauseStart) {
        int end = clauseStart - 1;
        while (end >= 0 && Character.isWhitespace(text.charAt(end))) {
            end--;
        }
        if (end < 0 || (text.charAt(end) != ',' && text.charAt(end) != '，')) {
            return false;
        }
        int start = end;
        while (start > 0 && end - start < FRAME_REACH && ",，。;；:：!?！？\n".indexOf(text.charAt(start - 1)) < 0) {
            start--;
        }
        if (start > 0 && ",，。;；:：!?！？\n".indexOf(text.charAt(start - 1)) < 0) {
            return false; // longer than a frame
        }
        String frame = text.substring(start, end).strip();
        for (String w : Cues.HISTORY_FRAMES) {
            if (frame.startsWith(w)) {
                return Cues.adverbsOnly(frame.substring(w.length()));
            }
        }
        return false;
    }

    /** how far after its opening or its trigger the 以来 of a "自...以来" frame is looked for */
    private static final int SINCE_REACH = 40;

    /**
     * "自OpenAI发布Sora以来", "自从X推出ChatGPT以来": an event told as the point since which something else has
     * been going on is history the article starts from, not its news ("自11月24日起停工" has no 以来: it is news;
     * "自2023年7月1日开放以来" starts from a date, judged by its age). True when the clause opens with such a frame
     * and its 以来 comes after {@code trigger} (pass the clause start to ask about the clause as a whole).
     */
    boolean sinceFrame(int clauseStart, int trigger) {
        int at = clauseStart;
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
        if (at >= text.length() || text.charAt(at) != '自') {
            return false;
        }
        int after = at + 1 < text.length() && text.charAt(at + 1) == '从' ? at + 2 : at + 1;
        while (after < text.length() && text.charAt(after) == ' ') {
            after++;
        }
        if (after >= text.length() || Character.isDigit(text.charAt(after))) {
            return false; // since a date, which the 12-month rule judges
        }
        int from = Math.max(trigger, after);
        int limit = Math.min(text.length(), from + SINCE_REACH);
        for (int i = from; i + 1 < limit; i++) {
            char c = text.charAt(i);
            if (c == '。' || c == '；' || c == ';' || c == '，' || c == ',') {
                return false;
            }
            if (c == '以' && text.charAt(i + 1) == '来') {
                return true;
            }
        }
        return false;
    }

    /**
     * {@code month} is more than 12 months before the day the page's events are measured from (the rule that makes
     * an event dated then background): what happened then is history to this page.
     */
    boolean longBefore(YearMonth month) {
        return backgroundReference != null && month.atEndOfMonth().isBefore(backgroundReference.minusMonths(12));
    }

    Candidate add(EventType type, OrgMention subject, int si, int trigger, int triggerEnd) {
        if (subject == null || inSpeech(si, trigger) || question(si)
                || subject.company() == null && NameStops.NEVER_IN_A_NAME.in(subject.name())) {
            return null;
        }
        int cs = clauseStart(si, trigger);
        int ce = clauseEnd(si, triggerEnd);
        Candidate c = new Candidate(type, subject, si, trigger, triggerEnd, cs, ce);
        candidates.add(c);
        return c;
    }

    // ------------------------------------------------------------------ dates of candidates

    /** The last day-precise date of the previous sentences of the same item (a dateline without a date). */
    private LocalDate earlierInItem(int si) {
        Segmenter.Sentence s = sentences.get(si);
        for (int k = si - 1; k >= 0 && k >= si - 3; k--) {
            Segmenter.Sentence p = sentences.get(k);
            if (p.item != s.item) {
                break;
            }
            if (p.datelineEnd == p.start) {
                continue; // only the sentence that opens the item with a dateline dates what follows
            }
            List<DateParser.Mention> ds = dates(k);
            for (int i = ds.size() - 1; i >= 0; i--) {
                if (ds.get(i).precision() == DateParser.Precision.DAY && !ds.get(i).relativeDay()) {
                    return ds.get(i).date();
                }
            }
        }
        return null;
    }

    /**
     * "当地时间12月14日,iRobot宣布...签署重组支持协议。为推进交易,iRobot...已启动破产程序。": a sentence without a date
     * that goes on with the actor of the sentence right before it (named there again, or taken from there: 公司,
     * 该公司) goes on with the day that sentence named last, a day of its own (今日 is the article's day anyway).
     * Only in one paragraph and news item, and only for the same actor: a digest runs several companies' news in
     * one paragraph ("...于9月27日开源...。英伟达则宣布...": 英伟达's news is not of the 27th).
     */
    private LocalDate dayOfSentenceBefore(Candidate c) {
        int si = c.sentence;
        Segmenter.Sentence s = sentences.get(si);
        if (si == 0) {
            return null;
        }
        Segmenter.Sentence p = sentences.get(si - 1);
        if (p.paragraph != s.paragraph || p.item != s.item) {
            return null;
        }
        boolean sameActor = c.subject.start() < s.start && c.subject.start() >= p.start
                || text.substring(p.start, p.end).contains(c.name());
        if (!sameActor) {
            return null;
        }
        List<DateParser.Mention> ds = dates(si - 1);
        for (int i = ds.size() - 1; i >= 0; i--) {
            DateParser.Mention m = ds.get(i);
            if (m.precision() == DateParser.Precision.DAY && !m.relativeDay()) {
                // a background day (more than 12 months before the article) dates only its own sentence
                return anchor != null && m.date().isBefore(anchor.minusMonths(12)) ? null : m.date();
            }
        }
        return null;
    }

    /** Date of a candidate: its own clause, earlier in its sentence, a 截至 date after, the item, the article. */
    void date(Candidate c) {
        Segmenter.Sentence s = sentences.get(c.sentence);
        DateParser.Mention own = null;
        DateParser.Mention before = null;
        DateParser.Mention yearOnly = null;
        for (DateParser.Mention m : dates(c.sentence)) {
            if (m.start() < s.datelineEnd) {
                continue;
            }
            boolean usable = m.precision() != DateParser.Precision.YEAR;
            if (m.start() >= c.clauseStart && m.end() <= c.clauseEnd && usable) {
                if (own == null || m.start() < c.trigger) {
                    own = m;
                }
            } else if (m.end() <= c.clauseStart && usable && m.precision() != DateParser.Precision.PERIOD) {
                before = m; // a half-year in another clause frames statistics ("今年上半年...共完成37笔融资"), not the event
            }
            boolean period = m.precision() == DateParser.Precision.PERIOD && m.end() <= c.clauseStart;
            if ((!usable || period) && m.end() <= c.trigger && !m.relativeDay()) {
                yearOnly = m; // "2021年,百度发布了...": a year of its own before the event
            }
        }
        DateParser.Mention pick = own != null && !(own.relativeDay() && before != null) ? own : before;
        if (pick == null && c.type == EventType.REPORT) {
            for (DateParser.Mention m : dates(c.sentence)) {
                if (m.start() >= c.trigger && m.precision() != DateParser.Precision.YEAR
                        && text.substring(Math.max(s.start, m.start() - 3), m.start()).contains("截至")) {
                    pick = m;
                    break;
                }
            }
        }
        if (pick != null) {
            c.date = pick.date();
            c.dateStrength = pick.relativeDay() ? Candidate.DATE_ITEM : Candidate.DATE_OWN;
        } else if (itemDates.containsKey(s.item)) {
            c.date = itemDates.get(s.item);
            c.dateStrength = Candidate.DATE_ITEM;
        } else if (earlierInItem(c.sentence) != null) {
            c.date = earlierInItem(c.sentence);
            c.dateStrength = Candidate.DATE_ITEM;
        } else if (dayOfSentenceBefore(c) != null) {
            c.date = dayOfSentenceBefore(c);
            c.dateStrength = Candidate.DATE_ITEM;
        } else if (articleDated) {
            c.date = anchor;
            c.dateStrength = Candidate.DATE_ARTICLE;
        } else {
            c.date = null;
            c.dateStrength = Candidate.DATE_NONE;
        }
        // background: dated more than 12 months before the article
        if (backgroundReference != null) {
            LocalDate limit = backgroundReference.minusMonths(12);
            if (c.date != null && c.dateStrength == Candidate.DATE_OWN && c.date.isBefore(limit)) {
                c.background = true;
            }
            if (pick == null && yearOnly != null && yearOnly.date().getYear() < backgroundReference.getYear()) {
                c.background = true;
            }
        }
    }
}
