package io.aipulse.extract;

import java.util.Optional;

/**
 * Looks organisations up by canonical name. The offline extractor uses the bundled registry; the
 * stream application passes a view of the live {@code aipulse.companies} GlobalKTable so that a
 * correction produced at runtime applies to the next article.
 */
@FunctionalInterface
public interface CompanyDirectory {

    Optional<Company> find(String canonicalName);

    /** A directory that knows nobody. */
    static CompanyDirectory empty() {
        return name -> Optional.empty();
    }
}
