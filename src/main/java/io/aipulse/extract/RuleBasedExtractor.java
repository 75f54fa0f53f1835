package io.aipulse.extract;

import io.aipulse.article.Article;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * First, deliberately simple extractor (funding rounds only). The extraction issue replaces it.
 */
public final class RuleBasedExtractor implements EventExtractor {

    private static final Pattern FUNDING = Pattern.compile(
            "([\\p{IsHan}A-Za-z0-9 ]{2,12}?)(?:宣布)?完成(?:了)?([^，。,]{0,16}?)融资");

    private final ExtractionSettings settings;

    public RuleBasedExtractor(Knowledge knowledge, ExtractionSettings settings) {
        this.settings = settings;
    }

    @Override
    public List<Event> extract(Article article, CompanyDirectory overrides) {
        List<Event> events = new ArrayList<>();
        Matcher m = FUNDING.matcher(article.fullText());
        String date = article.publishedOn(settings.zone()).toString();
        while (m.find()) {
            String subject = m.group(1).trim();
            String id = UUID.nameUUIDFromBytes((article.id() + "|FUNDING|" + subject)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            if (events.stream().anyMatch(e -> e.eventId().equals(id))) {
                continue;
            }
            Company company = overrides.find(subject).orElse(null);
            events.add(new Event(id, article.id(), EventType.FUNDING, subject, List.of(), null, date,
                    DateSource.ARTICLE, company == null ? "general" : company.sector(),
                    company == null ? "unknown" : company.city(), company == null ? null : company.country(),
                    null, Round.UNDISCLOSED, null, m.group(), null));
        }
        return events;
    }
}
