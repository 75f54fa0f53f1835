package io.aipulse.article;

/**
 * An input that cannot become an article. {@link #reason()} is a short, stable code for metrics and the
 * dead-letter header ({@code not-json}, {@code empty-text}, ...); the message explains it to a person.
 */
public final class RejectedInputException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public RejectedInputException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
