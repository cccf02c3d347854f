package dev.hwbridge.daemon.payload;

import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;

/**
 * Writes a non-negative integer in the SCALE form the chain's own type gives it: a compact, a
 * fixed-width unsigned integer, a fieldless enum variant by its index (CheckMetadataHash's
 * {@code Mode}), or any of these inside structs and tuples of one field (CheckNonce's
 * {@code CheckNonce(#[codec(compact)] Nonce)}). Anything else is not an integer's type.
 */
final class TypedIntegers {

    /** Single-field wrappers nest a few levels at most; this only stops a cyclic type. */
    private static final int MAX_DEPTH = 16;

    private TypedIntegers() {
    }

    /** @throws InvalidPayloadException naming {@code member} when the value does not fit the type */
    static byte[] encode(TypeRef ref, BigInteger value, TypeSource types, String member) throws InvalidPayloadException {
        TypeRef current = ref;
        for (int depth = 0; depth < MAX_DEPTH; depth++) {
            TypeRef.Kind kind = current.kind();
            if (kind.isCompact()) {
                requireWidth(value, kind.compactBytes(), member);
                return Scale.compact(value);
            }
            Primitive primitive = kind.primitive();
            if (primitive != null && primitive.isUnsignedInteger()) {
                requireWidth(value, primitive.size(), member);
                return littleEndian(value, primitive.size());
            }
            if (kind != TypeRef.Kind.PER_ID || types.group(current.id()) == null) {
                break;
            }
            TypeSource.LeafGroup group = types.group(current.id());
            if (group.isEnumeration()) {
                return variantIndex(group, value, member);
            }
            TypeDef def = group.leaf(0).def();
            if (def instanceof TypeDef.Composite composite && composite.fields().size() == 1) {
                current = composite.fields().get(0).type();
            } else if (def instanceof TypeDef.Tuple tuple && tuple.elements().size() == 1) {
                current = tuple.elements().get(0);
            } else {
                break;
            }
        }
        throw new InvalidPayloadException(member, "the chain's metadata does not give it an integer type");
    }

    private static byte[] variantIndex(TypeSource.LeafGroup group, BigInteger value, String member)
            throws InvalidPayloadException {
        int position = value.bitLength() < Integer.SIZE ? group.positionOfVariant(value.intValue()) : -1;
        if (position >= 0 && ((TypeDef.Enumeration) group.leaf(position).def()).fields().isEmpty()) {
            return new byte[] {(byte) value.intValue()};
        }
        throw new InvalidPayloadException(member, "is not one of the values the chain's metadata allows");
    }

    private static void requireWidth(BigInteger value, int bytes, String member) throws InvalidPayloadException {
        if (value.signum() < 0 || value.bitLength() > 8 * bytes || value.compareTo(Scale.U128_LIMIT) >= 0) {
            throw new InvalidPayloadException(member, "does not fit the chain's " + (8 * bytes) + "-bit type for it");
        }
    }

    private static byte[] littleEndian(BigInteger value, int size) {
        byte[] out = new byte[size];
        for (int i = 0; i < size; i++) {
            out[i] = value.shiftRight(8 * i).byteValue();
        }
        return out;
    }
}
