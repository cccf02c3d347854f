package dev.hwbridge.protocol.metadata.frame;

/** A pallet constant: its SCALE-encoded {@code value} of registry type {@code type}. */
public record Constant(String name, int type, byte[] value) {
}
