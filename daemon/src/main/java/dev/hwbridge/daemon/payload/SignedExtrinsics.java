package dev.hwbridge.daemon.payload;

import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.MetadataTypes;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.io.ByteArrayOutputStream;

/**
 * The signed extrinsic, version 4, as a chain takes it (and as polkadot-js's {@code SignerResult}
 * carries it in {@code signedTransaction}): {@code Compact(length) ‖ 0x84 ‖ address ‖ signature ‖
 * extra ‖ call}, the address and signature in the chain's own types ({@code MultiAddress::Id},
 * {@code MultiSignature}).
 */
public final class SignedExtrinsics {

    /** Version 4 with the "signed" bit. */
    static final int SIGNED_V4 = 0x80 | SignerPayloads.EXTRINSIC_VERSION;
    private static final int ACCOUNT_ID_BYTES = 32;

    private SignedExtrinsics() {
    }

    /**
     * @param multiSignature the signature with its MultiSignature scheme byte in front
     * @throws InvalidPayloadException when the chain's address or signature type is not one the
     *                                 daemon writes (an address of 32 bytes, a MultiSignature enum)
     */
    public static byte[] v4(Merkleizer merkleizer, byte[] accountId, byte[] multiSignature, MetadataPayloads.Parts parts)
            throws InvalidPayloadException {
        TypeSource types = MetadataTypes.of(merkleizer);
        if (accountId.length != ACCOUNT_ID_BYTES) {
            throw new InvalidPayloadException("address", "a 32-byte account id is required");
        }
        if (!isEnumeration(merkleizer.extrinsicMetadata().signatureType(), types)) {
            throw new InvalidPayloadException("", "the chain's signature type is not a MultiSignature");
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(SIGNED_V4);
        body.writeBytes(address(merkleizer.extrinsicMetadata().addressType(), types, accountId));
        body.writeBytes(multiSignature);
        body.writeBytes(parts.extra());
        body.writeBytes(parts.call());
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 5);
        out.writeBytes(Scale.compact(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** {@code MultiAddress::Id(account)} (its variant index, then the id), or a bare account id type. */
    private static byte[] address(TypeRef ref, TypeSource types, byte[] accountId) throws InvalidPayloadException {
        TypeSource.LeafGroup group = ref.isPerId() ? types.group(ref.id()) : null;
        if (group != null && group.isEnumeration()) {
            for (int i = 0; i < group.size(); i++) {
                TypeDef.Enumeration variant = (TypeDef.Enumeration) group.leaf(i).def();
                if (variant.name().equals("Id") && variant.fields().size() == 1) {
                    byte[] out = new byte[1 + accountId.length];
                    out[0] = (byte) variant.index();
                    System.arraycopy(accountId, 0, out, 1, accountId.length);
                    return out;
                }
            }
        } else if (group != null && group.leaf(0).def() instanceof TypeDef.Composite) {
            return accountId.clone();
        }
        throw new InvalidPayloadException("address", "the chain's address type is not one the daemon writes");
    }

    private static boolean isEnumeration(TypeRef ref, TypeSource types) {
        TypeSource.LeafGroup group = ref.isPerId() ? types.group(ref.id()) : null;
        return group != null && group.isEnumeration();
    }
}
