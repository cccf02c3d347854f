package dev.hwbridge.daemon.registry;

import java.util.Objects;

/**
 * An {@link AccountRecord} field that breaks the record's rules. The message names the rule,
 * never the value.
 */
public final class InvalidRecordException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    public InvalidRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = Objects.requireNonNull(field, "field");
    }

    /** The record component at fault, e.g. {@code "address"}. */
    public String field() {
        return field;
    }
}
