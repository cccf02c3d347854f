package dev.hwbridge.protocol.metadata.decode;

/** A field's value with the field's name and type name (either may be null). */
public record NamedValue(String name, String typeName, Value value) {
}
