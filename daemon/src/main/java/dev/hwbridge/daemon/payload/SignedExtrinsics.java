package dev.hwbridge.daemon.payload;

import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.digest.Merkleizer;
import dev.hwbridge.protocol.metadata.proof.MetadataTypes;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.io.ByteArrayOutputStream;
import java.util.Objects;

/**
 * The signed extrinsic, version 4, as a chain takes it (and as polkadot-js's {@code SignerResult}
 * carries it in {@code signedTransaction}): {@code Compact(length) ‖ 0x84 ‖ address ‖ signature ‖
 * extra ‖ call}, the address and signature written in the types the chain's metadata names
 * ({@code extrinsic.address_ty}, {@code signature_ty}), not assumed:
 * <ul>
 *   <li>address: an enum with an {@code Id} variant of the account's size ({@code MultiAddress::Id}
 *       of Polkadot-style chains: variant index ‖ 32 bytes), or a plain type of the account's
 *       size ({@code AccountId20} of Ethereum-style chains such as Moonbeam: the 20 bytes);</li>
 *   <li>signature: an enum ({@code MultiSignature}: the scheme byte ‖ signature), or a plain type
 *       of the signature's size ({@code EthereumSignature}: r ‖ s ‖ v, 65 bytes, no prefix).</li>
 * </ul>
 * Anything else is refused rather than written wrong.
 */
public final class SignedExtrinsics {

    /** Version 4 with the "signed" bit. */
    static final int SIGNED_V4 = 0x80 | SignerPayloads.EXTRINSIC_VERSION;
    /** Deeper nesting than this is not an account or signature type. */
    private static final int MAX_DEPTH = 16;
    /** No account or signature is larger; bounds the size arithmetic. */
    private static final long MAX_FIXED_SIZE = 1 << 16;

    private SignedExtrinsics() {
    }

    /**
     * Who signed and how.
     *
     * @param accountId      the account as the chain's address holds it: a 32-byte account id, or an
     *                       Ethereum-style chain's 20-byte address
     * @param signature      the signature without prefix
     * @param multiSignature the signature with its MultiSignature scheme byte in front, or null for a
     *                       scheme that has no MultiSignature form (ethereum)
     */
    public record Signer(byte[] accountId, byte[] signature, byte[] multiSignature) {
        public Signer {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(signature, "signature");
        }
    }

    /**
     * Checks that the chain's types can hold such a signer, before anyone asks the device to sign.
     *
     * @throws InvalidPayloadException naming {@code address} when the chain's address type cannot
     *                                 hold the account, or {@code ""} when its signature type
     *                                 cannot hold the signature
     */
    public static void checkWritable(Merkleizer merkleizer, Signer signer) throws InvalidPayloadException {
        ExtrinsicMetadata extrinsic = merkleizer.extrinsicMetadata();
        TypeSource types = MetadataTypes.of(merkleizer);
        address(extrinsic.addressType(), types, signer.accountId());
        signature(extrinsic.signatureType(), types, signer);
    }

    /** The signed extrinsic. @throws InvalidPayloadException as {@link #checkWritable} */
    public static byte[] v4(Merkleizer merkleizer, Signer signer, MetadataPayloads.Parts parts)
            throws InvalidPayloadException {
        return v4(merkleizer.extrinsicMetadata(), MetadataTypes.of(merkleizer), signer, parts);
    }

    static byte[] v4(ExtrinsicMetadata extrinsic, TypeSource types, Signer signer, MetadataPayloads.Parts parts)
            throws InvalidPayloadException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(SIGNED_V4);
        body.writeBytes(address(extrinsic.addressType(), types, signer.accountId()));
        body.writeBytes(signature(extrinsic.signatureType(), types, signer));
        body.writeBytes(parts.extra());
        body.writeBytes(parts.call());
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.size() + 5);
        out.writeBytes(Scale.compact(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    /** {@code MultiAddress::Id(account)} (its variant index, then the id), or a bare account type. */
    static byte[] address(TypeRef ref, TypeSource types, byte[] accountId) throws InvalidPayloadException {
        TypeSource.LeafGroup group = ref.isPerId() ? types.group(ref.id()) : null;
        if (group != null && group.isEnumeration()) {
            for (int i = 0; i < group.size(); i++) {
                TypeDef.Enumeration variant = (TypeDef.Enumeration) group.leaf(i).def();
                if (variant.name().equals("Id") && variant.fields().size() == 1
                        && fixedSize(variant.fields().get(0).type(), types, 0) == accountId.length) {
                    byte[] out = new byte[1 + accountId.length];
                    out[0] = (byte) variant.index();
                    System.arraycopy(accountId, 0, out, 1, accountId.length);
                    return out;
                }
            }
        } else if (fixedSize(ref, types, 0) == accountId.length) {
            return accountId.clone();
        }
        throw new InvalidPayloadException("address", "the chain's address type does not hold this account's "
                + accountId.length + "-byte id (an Ethereum-style account needs a chain whose addresses are"
                + " 20 bytes, and a Substrate account one whose addresses are 32)");
    }

    /** The MultiSignature form for an enum type, the plain signature for a type of its size. */
    static byte[] signature(TypeRef ref, TypeSource types, Signer signer) throws InvalidPayloadException {
        TypeSource.LeafGroup group = ref.isPerId() ? types.group(ref.id()) : null;
        if (group != null && group.isEnumeration()) {
            if (signer.multiSignature() != null) {
                return signer.multiSignature().clone();
            }
        } else if (fixedSize(ref, types, 0) == signer.signature().length) {
            return signer.signature().clone();
        }
        throw new InvalidPayloadException("", signer.multiSignature() == null
                ? "the chain's signature type is not a " + signer.signature().length + "-byte Ethereum-style signature"
                : "the chain's signature type is not a MultiSignature");
    }

    /** The encoded size of a type that always encodes to the same length, or -1. */
    static long fixedSize(TypeRef ref, TypeSource types, int depth) {
        if (depth > MAX_DEPTH) {
            return -1;
        }
        if (!ref.isPerId()) {
            Primitive primitive = ref.kind().primitive();
            if (ref.kind() == TypeRef.Kind.VOID) {
                return 0;
            }
            return primitive == null || primitive.size() < 0 ? -1 : primitive.size();
        }
        TypeSource.LeafGroup group = types.group(ref.id());
        if (group == null || group.isEnumeration()) {
            return -1;
        }
        TypeDef def = group.leaf(0).def();
        long size = 0;
        if (def instanceof TypeDef.Composite composite) {
            for (Field field : composite.fields()) {
                size = add(size, fixedSize(field.type(), types, depth + 1));
            }
        } else if (def instanceof TypeDef.Tuple tuple) {
            for (TypeRef element : tuple.elements()) {
                size = add(size, fixedSize(element, types, depth + 1));
            }
        } else if (def instanceof TypeDef.Array array) {
            long element = fixedSize(array.element(), types, depth + 1);
            size = element < 0 || array.length() > MAX_FIXED_SIZE ? -1 : element * array.length();
        } else {
            return -1;
        }
        return size > MAX_FIXED_SIZE ? -1 : size;
    }

    private static long add(long total, long part) {
        return total < 0 || part < 0 ? -1 : total + part;
    }
}
