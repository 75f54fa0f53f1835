package io.aipulse.extract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

/**
 * The short names an article declares for the organisations it names: "上海闪马智能科技有限公司(以下简称“闪马智能”)",
 * "北京智谱华章科技股份有限公司(下称“智谱”)", "(以下简称:吉大通信)". The declared name is the organisation's name
 * in the events (the contract's short name), and every later "闪马智能" of the article is that organisation,
 * though the registry does not know it. Immutable once declared.
 */
final class Aliases {

    /** One declared short name and the organisation it names. */
    record Alias(String name, OrgMention of) {
    }

    /** the words that declare a short name, after an opening bracket and an optional 以下/下文 */
    private static final List<String> DECLARING = List.of("简称", "下称");
    private static final List<String> BEFORE_DECLARING = List.of("以下", "下文");
    /** short names that stand for any company ("以下简称“公司”"): not a name */
    private static final Set<String> GENERIC = Set.of("公司", "本公司", "该公司", "集团", "本集团", "发行人", "标的公司",
            "上市公司", "我们", "本行");
    private static final int MAX_NAME = 16;
    /** an article declares a handful; more is not news text, and each costs a look-up in every sentence */
    private static final int MAX_ALIASES = 32;

    private final List<Alias> aliases;

    private Aliases(List<Alias> aliases) {
        this.aliases = aliases;
    }

    static Aliases none() {
        return new Aliases(List.of());
    }

    /**
     * The declarations of {@code text}: each "(以下简称“X”)" right after an organisation the finder read in its
     * sentence ({@code orgsOfSentence} gives them, {@code sentenceAt} the sentence of a place).
     */
    static Aliases declared(String text, IntFunction<Integer> sentenceAt, IntFunction<List<OrgMention>> orgsOfSentence,
                            OrgFinder finder) {
        List<Alias> out = new ArrayList<>();
        Set<String> names = new java.util.HashSet<>();
        java.util.Map<Integer, List<OrgMention>> orgs = new java.util.HashMap<>();
        for (String word : DECLARING) {
            for (int at = text.indexOf(word); at >= 0 && out.size() < MAX_ALIASES;
                    at = text.indexOf(word, at + word.length())) {
                int open = openingBracketBefore(text, at);
                String name = open < 0 ? null : nameAfter(text, at + word.length());
                if (name == null || GENERIC.contains(name) || names.contains(name)) {
                    continue;
                }
                for (OrgMention o : orgs.computeIfAbsent(sentenceAt.apply(open), orgsOfSentence::apply)) {
                    if (o.end() <= open && open - o.end() <= 1 && !o.name().equals(name)) {
                        Company known = finder.lookup(name);
                        names.add(name);
                        out.add(new Alias(name, new OrgMention(o.start(), o.end(), known != null ? known.name() : name,
                                known != null ? known : o.company(), o.textCity(), o.textCountry(), OrgMention.LEGAL,
                                false)));
                        break;
                    }
                }
            }
        }
        return new Aliases(List.copyOf(out));
    }

    /** The bracket that opens "(以下简称" before the declaring word at {@code at}, or -1. */
    private static int openingBracketBefore(String text, int at) {
        int i = at;
        for (String w : BEFORE_DECLARING) {
            if (i >= w.length() && text.startsWith(w, i - w.length())) {
                i -= w.length();
                break;
            }
        }
        while (i > 0 && text.charAt(i - 1) == ' ') {
            i--;
        }
        return i > 0 && (text.charAt(i - 1) == '(' || text.charAt(i - 1) == '（') ? i - 1 : -1;
    }

    /** The name after the declaring word: past a colon and an opening quote, up to a closing quote or bracket. */
    private static String nameAfter(String text, int from) {
        int i = from;
        while (i < text.length() && ":： \"“「『".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        int start = i;
        while (i < text.length() && i - start <= MAX_NAME && "\"”」』)）,，。或《".indexOf(text.charAt(i)) < 0) {
            i++;
        }
        if (i >= text.length() || i - start > MAX_NAME || "《".indexOf(text.charAt(i)) >= 0) {
            return null;
        }
        String name = text.substring(start, i).strip();
        return name.length() >= 2 ? name : null;
    }

    /**
     * The organisations of a sentence with the declared names: a declaring mention takes its short name, and
     * each other place where a short name stands is its organisation.
     */
    List<OrgMention> apply(String text, int from, int to, List<OrgMention> orgs) {
        if (aliases.isEmpty()) {
            return orgs;
        }
        List<OrgMention> out = new ArrayList<>(orgs.size() + 2);
        for (OrgMention o : orgs) {
            out.add(renamed(o));
        }
        for (Alias a : aliases) {
            for (int at = text.indexOf(a.name(), from); at >= 0 && at + a.name().length() <= to;
                    at = text.indexOf(a.name(), at + a.name().length())) {
                if (!overlaps(out, at, at + a.name().length())) {
                    int end = at + a.name().length();
                    OrgMention of = a.of();
                    out.add(new OrgMention(at, end, of.name(), of.company(), of.textCity(), of.textCountry(),
                            OrgMention.LEGAL, false));
                }
            }
        }
        out.sort((x, y) -> Integer.compare(x.start(), y.start()));
        return out;
    }

    private static boolean overlaps(List<OrgMention> orgs, int start, int end) {
        for (OrgMention o : orgs) {
            if (o.start() < end && o.end() > start) {
                return true;
            }
        }
        return false;
    }

    private OrgMention renamed(OrgMention o) {
        for (Alias a : aliases) {
            if (a.of().start() == o.start() && a.of().end() == o.end()) {
                return a.of();
            }
        }
        return o;
    }
}
