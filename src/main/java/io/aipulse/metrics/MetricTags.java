package io.aipulse.metrics;

import java.util.List;
import java.util.Set;

/**
 * The closed lists tag values come from. Anything outside a list is recorded as {@link #OTHER}, so no
 * input (a hostile article, a new city the extractor learns) can create an unbounded number of time
 * series. The lists mirror spec/EVENTS.md (sectors, city slugs) and the input validation (dead-letter
 * reasons); extend them here when the contract grows.
 */
public final class MetricTags {

    /** The value recorded for anything not in a closed list. */
    public static final String OTHER = "other";

    /** The sector ids of spec/EVENTS.md. */
    public static final List<String> SECTORS = List.of("foundation-models", "compute-chips", "enterprise-software",
            "finance", "healthcare-biotech", "education", "transportation", "manufacturing", "media-entertainment",
            "ecommerce-marketing", "security-governance", "robotics", "science", "consumer-devices", "general");

    /**
     * Known city slugs: the examples of spec/EVENTS.md, the other large Chinese AI hubs and the foreign
     * cities the news mentions most, plus the spec's {@code national} and {@code unknown}.
     */
    public static final List<String> CITIES = List.of(
            "beijing", "shanghai", "hangzhou", "shenzhen", "guangzhou", "suzhou", "nanjing", "hefei", "wuhan",
            "chengdu", "xian", "chongqing", "tianjin", "xiamen", "changsha", "zhengzhou", "jinan", "qingdao",
            "dalian", "shenyang", "ningbo", "wuxi", "fuzhou", "changzhou", "dongguan", "foshan", "zhuhai",
            "kunming", "harbin", "changchun", "nanchang", "taiyuan", "shijiazhuang", "guiyang", "nanning",
            "hong-kong", "macau", "taipei",
            "san-francisco", "new-york", "seattle", "boston", "los-angeles", "london", "paris", "berlin",
            "tokyo", "seoul", "singapore", "toronto", "tel-aviv", "dubai",
            "national", "unknown");

    /**
     * The reasons a record goes to the dead-letter topic (header {@code aipulse.error.reason}): refused by input
     * validation, then failed in processing, deserialisation, serialisation or by the broker.
     */
    public static final List<String> DEAD_LETTER_REASONS = List.of("not-json", "invalid-utf8", "empty-body",
            "empty-text", "too-large", "binary", "null-value", "not-an-object", "missing-field", "wrong-type",
            "bad-date", "implausible-date", "too-deep", "id-too-long", "key-too-large", "headers-too-large",
            "too-old-for-topics", "processing-error", "deserialization-error", "serialization-error",
            "broker-refused");

    /** The calendar windows, as ISO periods. */
    public static final List<String> WINDOWS = List.of("P1D", "P7D");

    private static final Set<String> SECTOR_SET = Set.copyOf(SECTORS);
    private static final Set<String> CITY_SET = Set.copyOf(CITIES);
    private static final Set<String> REASON_SET = Set.copyOf(DEAD_LETTER_REASONS);
    private static final Set<String> WINDOW_SET = Set.copyOf(WINDOWS);

    private MetricTags() {
    }

    public static String sector(String sector) {
        return sector != null && SECTOR_SET.contains(sector) ? sector : OTHER;
    }

    /** A missing city is {@code unknown} (as in the event record); an unlisted one is {@code other}. */
    public static String city(String city) {
        if (city == null || city.isBlank()) {
            return "unknown";
        }
        return CITY_SET.contains(city) ? city : OTHER;
    }

    public static String deadLetterReason(String reason) {
        return reason != null && REASON_SET.contains(reason) ? reason : OTHER;
    }

    public static String window(String isoPeriod) {
        return isoPeriod != null && WINDOW_SET.contains(isoPeriod) ? isoPeriod : OTHER;
    }
}
