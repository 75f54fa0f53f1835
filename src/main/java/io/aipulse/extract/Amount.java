package io.aipulse.extract;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A money amount as the text states it. {@code min}/{@code max} are in the original currency,
 * {@code cnyMin}/{@code cnyMax} converted to CNY; {@code max == null} means open-ended ("超10亿").
 */
@JsonPropertyOrder({"text", "currency", "min", "max", "cnyMin", "cnyMax", "approximate"})
public record Amount(
        String text,
        String currency,
        Long min,
        Long max,
        Long cnyMin,
        Long cnyMax,
        boolean approximate) {
}
