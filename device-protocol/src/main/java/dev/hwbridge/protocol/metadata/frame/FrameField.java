package dev.hwbridge.protocol.metadata.frame;

/** A field of a composite or a variant in the FRAME type registry; {@code name} and {@code typeName} may be null. */
public record FrameField(String name, int type, String typeName) {
}
