package io.aipulse.extract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One organisation of the registry ({@code config/companies.csv}, and the compacted
 * {@code aipulse.companies} topic keyed by {@link #name()}).
 *
 * @param name    canonical short name (the event {@code subject})
 * @param aliases other names: English, traditional, full legal names
 * @param kind    company, government, research, investor, media, ...
 * @param city    city slug or {@code national}/{@code unknown}
 * @param country ISO 3166 alpha-2, or null
 * @param sector  sector id of spec/EVENTS.md
 */
@JsonPropertyOrder({"name", "aliases", "kind", "city", "country", "sector"})
public record Company(
        String name,
        List<String> aliases,
        String kind,
        String city,
        String country,
        String sector) {

    public Company {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }
}
