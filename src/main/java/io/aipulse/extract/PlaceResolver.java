package io.aipulse.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;

/**
 * The city and country of an event's subject: as the text gives them at the name (杭州力文所, 伦敦 AI 初创公司),
 * else the registry's headquarters, else where the organisation held its launch ("在北京举办"); a Chinese name
 * with nothing else is in CN. Thread-safe.
 */
final class PlaceResolver {

    /** An "在<place>举办/发布..." of the text: where it starts, its sentence's start, the place. */
    record EventPlace(int start, int sentenceStart, String place) {
    }

    private static final List<String> EVENT_VERBS = List.of("举办", "举行", "召开", "发布", "推出");
    /** 在 is everywhere: the verb that makes it an event's place comes within 在 and four characters */
    static final Finder EVENT_PLACE = Finder.of("在([\\p{IsHan}]{2,4}?)" + Finder.anyOf(EVENT_VERBS), List.of("在"))
            .needing(Finder.firstChars(EVENT_VERBS), 1 + 4 + 1);

    private final Knowledge knowledge;

    PlaceResolver(Knowledge knowledge) {
        this.knowledge = knowledge;
    }

    /** {city slug or "unknown", country code or null} */
    String[] place(ArticleContext run, List<Candidate> group, OrgMention mention, Company registry) {
        String city = null;
        String country = null;
        for (Candidate c : group) {
            if (c.subject.textCity() != null && EventMerger.sameOrg(c.name(), mention.name())) {
                city = c.subject.textCity();
                break;
            }
        }
        for (Candidate c : group) {
            if (c.subject.textCountry() != null && EventMerger.sameOrg(c.name(), mention.name())) {
                country = c.subject.textCountry();
                break;
            }
        }
        if (city == null && registry != null && registry.city() != null && !registry.city().equals("unknown")) {
            city = registry.city();
        }
        if (city == null && country == null) {
            // where the organisation held its launch: the weakest clue
            city = eventPlace(run, group, mention.name());
        }
        if (country == null && city != null && !city.equals("national")) {
            country = knowledge.countryOfCity(city);
        }
        if (country == null && registry != null) {
            country = registry.country();
        }
        if (country == null && city == null && mention.name().codePoints().allMatch(Character::isIdeographic)
                && mention.name().length() >= 2) {
            country = "CN"; // an unknown organisation with a Chinese name
        }
        return new String[] {city == null ? "unknown" : city, country};
    }

    /** "新壹科技在北京举办了...发布会": where the organisation held its event, in the items of the group. */
    private String eventPlace(ArticleContext run, List<Candidate> group, String name) {
        // the sentences of the group's items, in text order (an item is a run of sentences)
        TreeSet<Integer> items = new TreeSet<>();
        List<Segmenter.Sentence> all = run.sentences();
        for (Candidate c : group) {
            items.add(all.get(c.sentence).item);
        }
        String t = run.text();
        Map<Integer, List<EventPlace>> places = run.eventPlaces();
        for (int item : items) {
            for (EventPlace m : places.getOrDefault(item, List.of())) {
                String before = t.substring(Math.max(m.sentenceStart(), m.start() - name.length() - 4), m.start());
                if (!before.contains(name)) {
                    continue;
                }
                Optional<String> slug = knowledge.cityByName(m.place());
                if (slug.isPresent()) {
                    return slug.get();
                }
            }
        }
        return null;
    }

    /** Every event place of the text by item, in text order: found once per article, not once per event. */
    static Map<Integer, List<EventPlace>> eventPlaces(ArticleContext run) {
        Map<Integer, List<EventPlace>> out = new HashMap<>();
        String t = run.text();
        for (Segmenter.Sentence s : run.sentences()) {
            Finder.Scan places = EVENT_PLACE.scan(t, s.start, s.end);
            while (places.find()) {
                Matcher m = places.matcher();
                out.computeIfAbsent(s.item, k -> new ArrayList<>()).add(new EventPlace(m.start(), s.start, m.group(1)));
            }
        }
        return out;
    }
}
