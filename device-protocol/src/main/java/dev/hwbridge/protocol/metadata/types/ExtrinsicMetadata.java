package dev.hwbridge.protocol.metadata.types;

import java.util.List;

/** RFC-0078's {@code ExtrinsicMetadata}: how an extrinsic of this runtime is laid out. */
public record ExtrinsicMetadata(int version, TypeRef addressType, TypeRef callType, TypeRef signatureType,
        List<SignedExtensionMetadata> signedExtensions) {

    public ExtrinsicMetadata {
        signedExtensions = List.copyOf(signedExtensions);
    }
}
