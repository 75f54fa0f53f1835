package io.aipulse.stream;

import io.aipulse.article.Article;
import io.aipulse.extract.Amount;
import io.aipulse.extract.Company;
import io.aipulse.extract.CompanyDirectory;
import io.aipulse.extract.DateSource;
import io.aipulse.extract.Event;
import io.aipulse.extract.EventExtractor;
import io.aipulse.extract.EventType;
import io.aipulse.extract.Round;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A deterministic stand-in for the real extractor, so topology tests do not depend on extraction
 * rules. It reads one event per text line of the form
 *
 * <pre>EVENT &lt;TYPE&gt; &lt;subject&gt; &lt;sector|-&gt; &lt;city|-&gt; &lt;date|-&gt; [cnyMin[-cnyMax] | cnyMin+]</pre>
 *
 * e.g. {@code EVENT FUNDING 力文所 healthcare-biotech hangzhou 2023-07-31 30000000}. A {@code -} sector or
 * city is looked up in the {@link CompanyDirectory} the topology passes in (the live company table),
 * falling back to {@code general} / {@code unknown}. Event ids are stable per article, type and subject.
 * A line {@code FAIL} makes it throw.
 */
final class LineEventExtractor implements EventExtractor {

    static final String PREFIX = "EVENT ";
    /** A line that makes the extractor throw, as a bug in extraction would. */
    static final String FAIL = "FAIL";

    /** The directories the topology passed in, one per article, for assertions. */
    final List<CompanyDirectory> directoriesSeen = new ArrayList<>();

    static String line(EventType type, String subject, String sector, String city, String date, String amount) {
        return PREFIX + type + " " + subject + " " + sector + " " + city + " " + date + (amount == null ? "" : " " + amount);
    }

    static String eventId(String articleId, EventType type, String subject) {
        return UUID.nameUUIDFromBytes((articleId + "|" + type + "|" + subject).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    @Override
    public synchronized List<Event> extract(Article article, CompanyDirectory overrides) {
        directoriesSeen.add(overrides);
        List<Event> events = new ArrayList<>();
        for (String line : article.text().split("\n")) {
            if (line.equals(FAIL)) {
                throw new IllegalStateException("extractor failed on article " + article.id());
            }
            if (!line.startsWith(PREFIX)) {
                continue;
            }
            String[] f = line.substring(PREFIX.length()).trim().split("\\s+");
            EventType type = EventType.valueOf(f[0]);
            String subject = f[1];
            Optional<Company> company = overrides.find(subject);
            String sector = !"-".equals(f[2]) ? f[2] : company.map(Company::sector).orElse("general");
            String city = !"-".equals(f[3]) ? f[3] : company.map(Company::city).orElse("unknown");
            String country = company.map(Company::country).orElse(null);
            String date = "-".equals(f[4]) ? null : f[4];
            Amount amount = f.length > 5 ? amount(f[5]) : null;
            events.add(new Event(eventId(article.id(), type, subject), article.id(), type, subject, List.of(), null,
                    date, date == null ? DateSource.UNKNOWN : DateSource.EVENT, sector, city, country, amount,
                    type == EventType.FUNDING ? Round.UNDISCLOSED : null, null, line, null)); // as the contract has it
        }
        return events;
    }

    private static Amount amount(String spec) {
        Long min;
        Long max;
        if (spec.endsWith("+")) {
            min = Long.parseLong(spec.substring(0, spec.length() - 1));
            max = null;
        } else if (spec.contains("-")) {
            min = Long.parseLong(spec.substring(0, spec.indexOf('-')));
            max = Long.parseLong(spec.substring(spec.indexOf('-') + 1));
        } else {
            min = Long.parseLong(spec);
            max = min;
        }
        return new Amount(spec, "CNY", min, max, min, max, false);
    }
}
