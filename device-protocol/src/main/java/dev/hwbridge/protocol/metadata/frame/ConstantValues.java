package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import java.math.BigInteger;

/**
 * Reads the constants RFC-0078's digest takes from the metadata ({@code System.Version}'s spec
 * name and version, {@code System.SS58Prefix}), decoding them by their registry types as
 * {@code @polkadot-api/merkleize-metadata} does. Fields it does not need are skipped by type, with
 * a bounded depth and a bounded number of values.
 */
public final class ConstantValues {

    /** The spec name and version of {@code System.Version}. */
    public record SpecVersion(String specName, long specVersion) {
    }

    private static final int MAX_DEPTH = 64;
    private static final int MAX_VALUES = 1 << 16;

    private final TypeRegistry types;
    private int valuesLeft = MAX_VALUES;

    private ConstantValues(TypeRegistry types) {
        this.types = types;
    }

    /** {@code System.Version}: its {@code spec_name} (a string) and {@code spec_version} (a u32). */
    public static SpecVersion specVersion(RuntimeMetadata metadata) {
        Constant version = metadata.constant("System", "Version");
        ConstantValues values = new ConstantValues(metadata.types());
        FrameTypeDef def = metadata.types().def(version.type());
        if (!(def instanceof FrameTypeDef.Composite composite)) {
            throw new MetadataException(MetadataError.MALFORMED, "System.Version is not a struct");
        }
        ScaleReader in = new ScaleReader(version.value());
        String specName = null;
        Long specVersion = null;
        for (FrameField field : composite.fields()) {
            if ("spec_name".equals(field.name())) {
                specName = values.string(field.type(), in);
            } else if ("spec_version".equals(field.name())) {
                BigInteger number = values.integer(field.type(), in, "System.Version spec_version");
                if (number.bitLength() > 32 || number.signum() < 0) {
                    throw new MetadataException(MetadataError.MALFORMED, "spec_version does not fit a u32");
                }
                specVersion = number.longValue();
            } else {
                values.skip(field.type(), in, 0);
            }
        }
        in.expectEnd("System.Version");
        if (specName == null || specVersion == null) {
            throw new MetadataException(MetadataError.MISSING_ITEM, "System.Version has no spec_name or spec_version");
        }
        return new SpecVersion(specName, specVersion);
    }

    /** {@code System.SS58Prefix}, which must fit the digest's u16. */
    public static int ss58Prefix(RuntimeMetadata metadata) {
        Constant prefix = metadata.constant("System", "SS58Prefix");
        ScaleReader in = new ScaleReader(prefix.value());
        BigInteger value = new ConstantValues(metadata.types()).integer(prefix.type(), in, "System.SS58Prefix");
        in.expectEnd("System.SS58Prefix");
        if (value.signum() < 0 || value.bitLength() > 16) {
            throw new MetadataException(MetadataError.MALFORMED, "System.SS58Prefix does not fit a u16");
        }
        return value.intValue();
    }

    private String string(int type, ScaleReader in) {
        Primitive primitive = primitiveOf(type);
        if (primitive != Primitive.STR) {
            throw new MetadataException(MetadataError.MALFORMED, "spec_name is not a string");
        }
        return in.string("spec_name", MetadataReader.MAX_NAME_BYTES);
    }

    private BigInteger integer(int type, ScaleReader in, String what) {
        Primitive primitive = primitiveOf(type);
        if (primitive == null || primitive.size() < 1 || primitive == Primitive.BOOL || primitive == Primitive.CHAR) {
            throw new MetadataException(MetadataError.MALFORMED, what + " is not an integer");
        }
        return primitive.isSigned() ? in.signed(primitive.size(), what) : in.unsigned(primitive.size(), what);
    }

    /** The primitive a type is, through wrappers of one field or element; null if none. */
    private Primitive primitiveOf(int type) {
        int id = type;
        for (int hops = 0; hops < MAX_DEPTH; hops++) {
            FrameTypeDef def = types.def(id);
            if (def instanceof FrameTypeDef.PrimitiveType primitive) {
                return primitive.primitive();
            }
            if (def instanceof FrameTypeDef.Composite composite && composite.fields().size() == 1) {
                id = composite.fields().get(0).type();
            } else if (def instanceof FrameTypeDef.Tuple tuple && tuple.elements().length == 1) {
                id = tuple.elements()[0];
            } else {
                return null;
            }
        }
        return null;
    }

    private void skip(int type, ScaleReader in, int depth) {
        if (depth > MAX_DEPTH || --valuesLeft < 0) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "constant nested or repeated beyond bounds");
        }
        FrameTypeDef def = types.def(type);
        if (def instanceof FrameTypeDef.Composite composite) {
            for (FrameField field : composite.fields()) {
                skip(field.type(), in, depth + 1);
            }
        } else if (def instanceof FrameTypeDef.Variant variant) {
            int index = in.u8("variant index");
            FrameVariant chosen = variant.variants().stream().filter(v -> v.index() == index).findFirst()
                    .orElseThrow(() -> new MetadataException(MetadataError.MALFORMED, "unknown variant " + index));
            for (FrameField field : chosen.fields()) {
                skip(field.type(), in, depth + 1);
            }
        } else if (def instanceof FrameTypeDef.Sequence sequence) {
            repeat(sequence.element(), in.count("sequence length", MetadataReader.MAX_COUNT, 0), in, depth);
        } else if (def instanceof FrameTypeDef.Array array) {
            repeat(array.element(), array.length(), in, depth);
        } else if (def instanceof FrameTypeDef.Tuple tuple) {
            for (int element : tuple.elements()) {
                skip(element, in, depth + 1);
            }
        } else if (def instanceof FrameTypeDef.PrimitiveType primitive) {
            if (primitive.primitive() == Primitive.STR) {
                in.skipString("string", MetadataReader.MAX_BLOB_BYTES);
            } else {
                in.skip(primitive.primitive().size(), primitive.primitive().rustName());
            }
        } else if (def instanceof FrameTypeDef.Compact) {
            in.compact(32, "compact");
        } else if (def instanceof FrameTypeDef.BitSequence bits) {
            Primitive store = primitiveOf(bits.storeType());
            if (store == null || !store.isUnsignedInteger()) {
                throw new MetadataException(MetadataError.MALFORMED, "bit sequence store is not an unsigned integer");
            }
            long count = in.compactU32("bit count");
            long units = (count + store.size() * 8L - 1) / (store.size() * 8L);
            in.skip((int) Math.min(Integer.MAX_VALUE, units * store.size()), "bit sequence");
        }
    }

    private void repeat(int element, long count, ScaleReader in, int depth) {
        if (count > valuesLeft) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "constant has more than " + MAX_VALUES + " values");
        }
        for (long i = 0; i < count; i++) {
            skip(element, in, depth + 1);
        }
    }
}
