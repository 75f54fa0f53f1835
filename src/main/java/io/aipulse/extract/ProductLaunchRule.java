package io.aipulse.extract;

import java.util.List;
import java.util.regex.Matcher;

/**
 * PRODUCT_LAUNCH: a product, feature, platform or service is launched: a release verb whose object is a product
 * ({@link Releases}), or "X 宣布 <catalogue model> 支持/新增/上线 ..." (a product gets a new capability).
 */
final class ProductLaunchRule extends Rule {

    static final List<String> ANNOUNCE = List.of("宣布");
    private static final List<String> TRIGGERS = Finder.union(ReleaseVerbs.VERBS, ANNOUNCE);

    /** "OpenAI 宣布 ChatGPT 将支持语音和图像输入" */
    static final Finder NEW_FEATURE = Finder.of(Finder.anyOf(ANNOUNCE)
            + "\\s?,?\\s?([^,，。;；]{2,24}?)(?:将|已|正式)?(?:支持|新增|上线|开放|接入)", ANNOUNCE).lookingAround();

    ProductLaunchRule() {
        super(EventType.PRODUCT_LAUNCH, TRIGGERS,
                Policies.sectorFrom(SectorClue.MODEL, SectorClue.ABOUT,
                        SectorClue.SENTENCE, SectorClue.REGISTRY, SectorClue.ITEM, SectorClue.LEAD));
    }

    @Override
    void apply(SentenceContext s) {
        Releases.addCandidates(s, EventType.PRODUCT_LAUNCH);
        newFeatures(s);
    }

    private static void newFeatures(SentenceContext s) {
        Finder.Scan features = s.scan(NEW_FEATURE, s.from(), s.end());
        while (features.find()) {
            Matcher m = features.matcher();
            if (s.article().firstHit(Knowledge.Kind.MODEL, m.start(1), m.end(1)) == null) {
                continue; // only a product of the catalogue
            }
            int cs = s.clauseStart(m.start());
            OrgMention subject = null;
            for (OrgMention o : s.actors(ActorFilter.ANY)) {
                if (o.end() <= m.start() && o.start() >= s.from()) {
                    subject = o;
                    break;
                }
            }
            if (subject == null || s.background(cs, m.start())) {
                continue;
            }
            Candidate c = s.add(EventType.PRODUCT_LAUNCH, subject, m.start(), m.end());
            if (c != null) {
                c.aboutStart = m.start(1);
                c.aboutEnd = c.clauseEnd;
                c.product = Releases.productName(s.article(), m.start(1), m.end(1));
                c.modelSector = Releases.modelSector(s.article(), m.start(1), m.end(1));
            }
        }
    }
}
