package io.aipulse.extract;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One happening, one event: the candidates of an article grouped so that mentions of the same type and the
 * same organisation are one event, unless their rule's {@link Distinction} (a round, a stage, a title) tells
 * them apart, or they name two different registry organisations (腾讯 and 腾讯云).
 */
final class EventMerger {

    private EventMerger() {
    }

    static List<List<Candidate>> merge(List<Candidate> candidates) {
        return merge(candidates, GroupIndex.FROM);
    }

    /** {@link #merge(List)}, indexing the groups once there are more than {@code indexFrom} of them. */
    static List<List<Candidate>> merge(List<Candidate> candidates, int indexFrom) {
        List<List<Candidate>> groups = new ArrayList<>();
        // per group: the registry organisations and the distinctions it holds, to compare in constant time
        List<Set<String>> registries = new ArrayList<>();
        List<Set<Object>> distinctions = new ArrayList<>();
        GroupIndex index = null;
        for (Candidate c : candidates) {
            int into = -1;
            String cKey = key(c.name());
            String reg = registryName(c);
            Object distinction = distinctionOf(c);
            // the groups that can take c, in creation order: all of them, or those the index says may match
            int[] tries = null;
            if (groups.size() > indexFrom) {
                if (index == null) {
                    index = new GroupIndex();
                    for (int gi = 0; gi < groups.size(); gi++) {
                        index.add(groups.get(gi).get(0).type, key(groups.get(gi).get(0).name()), gi);
                    }
                }
                tries = index.candidates(c.type, cKey, groups.size());
            }
            int count = tries == null ? groups.size() : tries.length;
            for (int t = 0; t < count; t++) {
                int gi = tries == null ? t : tries[t];
                Candidate h = groups.get(gi).get(0);
                if (h.type != c.type || !sameOrg(h.name(), c.name())) {
                    continue;
                }
                if (reg != null && registries.get(gi).stream().anyMatch(r -> !r.equals(reg))) {
                    continue; // 腾讯 and 腾讯云 are never the same actor
                }
                if (distinction != null && distinctions.get(gi).stream().anyMatch(d -> !d.equals(distinction))) {
                    continue; // two named rounds, two stages, two documents of one body
                }
                into = gi;
                break;
            }
            if (into < 0 && c.type == EventType.PARTNERSHIP && mirrors(groups, c)) {
                continue; // the same agreement told from the partner's side: "A与B签署..." then "B携手A..."
            }
            if (into < 0) {
                groups.add(new ArrayList<>());
                registries.add(new HashSet<>());
                distinctions.add(new HashSet<>());
                into = groups.size() - 1;
                if (index != null) {
                    index.add(c.type, cKey, into);
                }
            }
            groups.get(into).add(c);
            if (reg != null) {
                registries.get(into).add(reg);
            }
            if (distinction != null) {
                distinctions.get(into).add(distinction);
            }
        }
        return groups;
    }

    /**
     * A partnership of the article's has {@code c}'s subject among its partners and {@code c}'s partners name its
     * subject: one agreement between the two, whose first telling gives the event.
     */
    private static boolean mirrors(List<List<Candidate>> groups, Candidate c) {
        for (List<Candidate> g : groups) {
            if (g.get(0).type != EventType.PARTNERSHIP) {
                continue;
            }
            for (Candidate h : g) {
                if (names(h.counterparties, c) && names(c.counterparties, h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** one of {@code parties} is {@code c}'s subject, as named or as the registry names it */
    private static boolean names(List<String> parties, Candidate c) {
        Company company = c.subject.company();
        for (String p : parties) {
            if (sameOrg(p, c.name()) || company != null && sameOrg(p, company.name())) {
                return true;
            }
        }
        return false;
    }

    private static Object distinctionOf(Candidate c) {
        return Rules.of(c.type).distinction().of(c.stage, c.round, c.product);
    }

    private static String registryName(Candidate c) {
        Company a = c.subject.company();
        return a == null || c.subjectName != null ? null : a.name();
    }

    private static final ThreadLocal<Map<String, String>> KEYS = ThreadLocal.withInitial(HashMap::new);

    /** The comparison key of a name (canonical, normalised), memoised per thread. */
    static String key(String name) {
        Map<String, String> keys = KEYS.get();
        if (keys.size() > 50_000) {
            keys.clear();
        }
        return keys.computeIfAbsent(name, n -> Knowledge.normalise(Names.canonical(n)));
    }

    /** Equal keys, or the key of two or more characters of one inside the other's. */
    static boolean sameOrg(String a, String b) {
        String x = key(a);
        String y = key(b);
        if (x.equals(y)) {
            return true;
        }
        String shorter = x.length() <= y.length() ? x : y;
        String longer = x.length() <= y.length() ? y : x;
        return shorter.length() >= 2 && longer.contains(shorter);
    }

    /**
     * The groups whose head could be the same organisation as a name ({@link #sameOrg}: equal keys, or one key
     * of two or more characters inside the other), by event type: keys and their substrings to the groups, so an
     * article with thousands of candidates is not merged in quadratic time. A superset; the caller checks.
     */
    private static final class GroupIndex {
        /** below this many groups a plain scan is cheaper */
        static final int FROM = 32;
        /** longer keys are not cut into substrings; their groups are always tried */
        private static final int MAX_KEY = 64;

        private final Map<EventType, Map<String, List<Integer>>> byKey = new EnumMap<>(EventType.class);
        private final Map<EventType, Map<String, List<Integer>>> bySubstring = new EnumMap<>(EventType.class);
        private final Map<EventType, List<Integer>> longKeys = new EnumMap<>(EventType.class);

        void add(EventType type, String key, int group) {
            byKey.computeIfAbsent(type, t -> new HashMap<>()).computeIfAbsent(key, k -> new ArrayList<>()).add(group);
            if (key.length() > MAX_KEY) {
                longKeys.computeIfAbsent(type, t -> new ArrayList<>()).add(group);
                return;
            }
            Map<String, List<Integer>> subs = bySubstring.computeIfAbsent(type, t -> new HashMap<>());
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < key.length(); i++) {
                for (int j = i + 2; j <= key.length(); j++) {
                    String sub = key.substring(i, j);
                    if (seen.add(sub)) {
                        subs.computeIfAbsent(sub, k -> new ArrayList<>()).add(group);
                    }
                }
            }
        }

        /** Ascending indices of the groups of {@code type} that may match {@code key} (all of them for a long key). */
        int[] candidates(EventType type, String key, int groups) {
            if (key.length() > MAX_KEY) {
                int[] all = new int[groups];
                for (int i = 0; i < groups; i++) {
                    all[i] = i;
                }
                return all;
            }
            TreeSet<Integer> out = new TreeSet<>();
            Map<String, List<Integer>> keys = byKey.getOrDefault(type, Map.of());
            out.addAll(keys.getOrDefault(key, List.of()));
            if (key.length() >= 2) {
                // heads that contain the key
                out.addAll(bySubstring.getOrDefault(type, Map.of()).getOrDefault(key, List.of()));
                // heads of two or more characters inside the key
                for (int i = 0; i < key.length(); i++) {
                    for (int j = i + 2; j <= key.length(); j++) {
                        List<Integer> g = keys.get(key.substring(i, j));
                        if (g != null) {
                            out.addAll(g);
                        }
                    }
                }
            }
            out.addAll(longKeys.getOrDefault(type, List.of()));
            int[] result = new int[out.size()];
            int k = 0;
            for (int g : out) {
                result[k++] = g;
            }
            return result;
        }
    }
}
