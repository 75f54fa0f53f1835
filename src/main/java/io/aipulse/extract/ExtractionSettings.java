package io.aipulse.extract;

import java.time.ZoneId;
import java.util.Map;

/**
 * Settings the extractor needs from configuration.
 *
 * @param zone       zone of event dates (Asia/Shanghai by default)
 * @param cnyPerUnit CNY per one unit of each currency (configured rates: {@code fx.USD=7.2}, ...)
 */
public record ExtractionSettings(ZoneId zone, Map<String, Double> cnyPerUnit) {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    public ExtractionSettings {
        cnyPerUnit = Map.copyOf(cnyPerUnit);
    }

    public static ExtractionSettings defaults() {
        return new ExtractionSettings(DEFAULT_ZONE, Map.of(
                "CNY", 1.0, "USD", 7.2, "EUR", 7.8, "GBP", 9.1, "CAD", 5.3, "HKD", 0.92, "JPY", 0.049, "TWD", 0.22));
    }
}
