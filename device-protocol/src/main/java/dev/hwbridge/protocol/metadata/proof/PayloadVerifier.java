package dev.hwbridge.protocol.metadata.proof;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.decode.DecodedExtension;
import dev.hwbridge.protocol.metadata.decode.DecodedPayload;
import dev.hwbridge.protocol.metadata.decode.PayloadDecoder;
import dev.hwbridge.protocol.metadata.digest.MetadataDigest;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * The signer's side of RFC-0078: parse the proof, rebuild the type tree's root from it, hash the
 * digest made of that root, the proof's extrinsic metadata and extra information, decode the
 * payload with the proof's types only, and require that the payload enables
 * {@code CheckMetadataHash} (mode 1) with exactly that hash in its signed data. Since the chain
 * puts its own metadata hash there when it checks the signature, a proof that does not describe
 * the chain's metadata makes a signature the chain refuses. Stateless.
 */
public final class PayloadVerifier {

    /** The signed extension that carries the metadata hash. */
    public static final String CHECK_METADATA_HASH = "CheckMetadataHash";

    private static final int MODE_ENABLED = 1;
    private static final int SOME = 1;

    private PayloadVerifier() {
    }

    /** The metadata hash the proof stands for (its structure checked, not yet any payload). */
    public static byte[] metadataHash(Proof proof) {
        return MetadataDigest.of(ProofRoot.rebuild(proof), proof.extrinsic(), proof.extraInfo()).hash();
    }

    /**
     * @param expectedHash the metadata hash the caller expects, or null to rely on the payload's alone
     * @throws MetadataException parse and decode errors; INVALID_PROOF; HASH_MISMATCH when the proof's
     *         hash is not {@code expectedHash} or not the payload's; HASH_NOT_ENABLED when the payload
     *         does not carry mode 1 and {@code Some(hash)}
     */
    public static VerifiedPayload verify(byte[] proofBytes, byte[] payload, byte[] expectedHash) {
        Proof proof = ProofCodec.parse(proofBytes);
        byte[] hash = metadataHash(proof);
        // A caller's hash is checked before decoding, so that no altered proof gets as far as the payload.
        if (expectedHash != null && !MessageDigest.isEqual(hash, expectedHash)) {
            throw new MetadataException(MetadataError.HASH_MISMATCH,
                    "the proof is for metadata hash " + Hex.toHex(hash) + ", not " + Hex.toHex(expectedHash));
        }
        DecodedPayload decoded = PayloadDecoder.decode(proof.extrinsic(), ProofTypes.of(proof.leaves()), payload);
        byte[] payloadHash = enabledHash(decoded);
        if (!MessageDigest.isEqual(hash, payloadHash)) {
            throw new MetadataException(MetadataError.HASH_MISMATCH, "the payload signs metadata hash "
                    + Hex.toHex(payloadHash) + " but the proof is for " + Hex.toHex(hash));
        }
        return new VerifiedPayload(hash, proof, decoded);
    }

    /** The hash in {@code CheckMetadataHash}'s signed data, if mode is 1 and it is {@code Some}. */
    private static byte[] enabledHash(DecodedPayload payload) {
        DecodedExtension extension = payload.extension(CHECK_METADATA_HASH).orElseThrow(() ->
                new MetadataException(MetadataError.HASH_NOT_ENABLED, "the runtime has no CheckMetadataHash extension"));
        byte[] mode = extension.inExtrinsicBytes();
        if (mode.length != 1 || mode[0] != MODE_ENABLED) {
            throw new MetadataException(MetadataError.HASH_NOT_ENABLED, "CheckMetadataHash is not in mode 1");
        }
        byte[] signed = extension.inSignedDataBytes();
        if (signed.length != 33 || signed[0] != SOME) {
            throw new MetadataException(MetadataError.HASH_NOT_ENABLED,
                    "CheckMetadataHash's signed data is not Some(32-byte hash)");
        }
        return Arrays.copyOfRange(signed, 1, 33);
    }
}
