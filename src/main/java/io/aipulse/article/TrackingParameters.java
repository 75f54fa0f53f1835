package io.aipulse.article;

import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Query parameters that say where a reader came from, not which page it is: the same article shared
 * with {@code ?utm_source=x} or {@code &spm=a2c6h...} is the same article. Only parameters whose name
 * is known to track are removed; any other parameter may select the page ({@code ?id=1}) and stays,
 * in its order.
 */
final class TrackingParameters {

    /** Exact names: Alibaba's spm (and Bilibili's spm_id_from), ad click ids, mail campaign ids. */
    private static final Set<String> NAMES = Set.of("spm", "spm_id_from", "fbclid", "gclid", "msclkid", "yclid",
            "mc_cid", "mc_eid");
    private static final String UTM_PREFIX = "utm_";

    private TrackingParameters() {
    }

    /**
     * The raw query without tracking and empty parameters; empty when nothing else is left (so a
     * trailing {@code ?} and a query of trackers only both vanish). A split on one character: linear.
     */
    static String withoutTracking(String rawQuery) {
        StringJoiner kept = new StringJoiner("&");
        for (String parameter : rawQuery.split("&")) {
            if (!parameter.isEmpty() && !isTracking(parameter)) {
                kept.add(parameter);
            }
        }
        return kept.toString();
    }

    private static boolean isTracking(String parameter) {
        int equals = parameter.indexOf('=');
        String name = (equals < 0 ? parameter : parameter.substring(0, equals)).toLowerCase(Locale.ROOT);
        return name.startsWith(UTM_PREFIX) || NAMES.contains(name);
    }
}
