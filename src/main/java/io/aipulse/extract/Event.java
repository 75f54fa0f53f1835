package io.aipulse.extract;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One industry event, exactly the record of spec/EVENTS.md. Unknown values are null, never omitted;
 * only {@code source} (the input file name, set by the offline {@code extract} command) is left out
 * when absent.
 */
@JsonPropertyOrder({"eventId", "articleId", "type", "subject", "counterparties", "product", "date",
        "dateSource", "sector", "city", "country", "amount", "round", "stage", "evidence", "source"})
public record Event(
        String eventId,
        String articleId,
        EventType type,
        String subject,
        List<String> counterparties,
        String product,
        String date,
        DateSource dateSource,
        String sector,
        String city,
        String country,
        Amount amount,
        Round round,
        IpoStage stage,
        String evidence,
        @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    public Event {
        counterparties = counterparties == null ? List.of() : List.copyOf(counterparties);
    }

    public Event withSource(String newSource) {
        return new Event(eventId, articleId, type, subject, counterparties, product, date, dateSource,
                sector, city, country, amount, round, stage, evidence, newSource);
    }

    public Event withPlace(String newSector, String newCity, String newCountry) {
        return new Event(eventId, articleId, type, subject, counterparties, product, date, dateSource,
                newSector, newCity, newCountry, amount, round, stage, evidence, source);
    }
}
