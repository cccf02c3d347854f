package dev.hwbridge.protocol.metadata.types;

/** RFC-0078's {@code Field}; {@code name} and {@code typeName} may be null. */
public record Field(String name, TypeRef type, String typeName) {
}
