package dev.hwbridge.protocol.metadata.frame;

import java.util.List;

/**
 * The extrinsic description: the extrinsic format versions the runtime accepts, its address,
 * call and signature types, and the signed extensions of extension version 0, in order.
 */
public record ExtrinsicInfo(List<Integer> versions, int addressType, int callType, int signatureType,
        List<SignedExtension> signedExtensions) {
}
