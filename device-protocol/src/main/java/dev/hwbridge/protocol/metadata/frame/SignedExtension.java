package dev.hwbridge.protocol.metadata.frame;

/** A signed (transaction) extension: its data in the extrinsic ({@code type}) and in the signed data only. */
public record SignedExtension(String identifier, int type, int additionalSigned) {
}
