package dev.hwbridge.protocol.metadata.types;

/** RFC-0078's {@code SignedExtensionMetadata}. */
public record SignedExtensionMetadata(String identifier, TypeRef includedInExtrinsic, TypeRef includedInSignedData) {
}
