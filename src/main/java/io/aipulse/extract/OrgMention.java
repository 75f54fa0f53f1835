package io.aipulse.extract;

/**
 * An organisation named in the text at {@code [start, end)}.
 *
 * @param name        canonical short name: the registry name, or the text's name without legal suffixes
 * @param company     the registry entry, when the name is in the registry
 * @param textCity    city slug the text itself gives (杭州XX公司, XX（北京）科技有限公司, 伦敦 AI 初创公司 X)
 * @param textCountry country code the text itself gives (加拿大信息技术服务公司 CGI)
 * @param source      how it was recognised (higher is more reliable)
 * @param place       a place standing for its government (杭州发布..., 朝阳区也发布了...)
 */
record OrgMention(int start, int end, String name, Company company, String textCity, String textCountry,
                  int source, boolean place) {

    static final int FALLBACK = 1;
    static final int DESCRIPTOR = 2;
    static final int LEGAL = 3;
    static final int REGISTRY = 4;

    boolean isKind(String kind) {
        return company != null && kind.equals(company.kind());
    }

    /** The first of {@code mentions} (in text order) lying inside {@code [from, to)}, or null. */
    static OrgMention firstWithin(java.util.List<OrgMention> mentions, int from, int to) {
        for (OrgMention o : mentions) {
            if (o.start() >= from && o.end() <= to) {
                return o;
            }
        }
        return null;
    }

    OrgMention withText(String city, String country) {
        return new OrgMention(start, end, name, company, city != null ? city : textCity,
                country != null ? country : textCountry, source, place);
    }
}
