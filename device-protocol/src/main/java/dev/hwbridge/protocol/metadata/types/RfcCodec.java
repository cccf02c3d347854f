package dev.hwbridge.protocol.metadata.types;

import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import dev.hwbridge.protocol.metadata.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * SCALE encoding of RFC-0078's types ({@code Type}, {@code TypeRef}, {@code ExtrinsicMetadata},
 * {@code ExtraInfo}) in both directions. Decoding bounds every string and count. Stateless.
 */
public final class RfcCodec {

    /** Names, paths, type names, identifiers, spec names and token symbols. */
    public static final int MAX_NAME_BYTES = 4096;
    /** Fields of a type, elements of a tuple, path segments, signed extensions. */
    public static final int MAX_COUNT = 1 << 16;

    private static final int TYPE_DEF_KINDS = 6;

    private RfcCodec() {
    }

    public static void writeTypeRef(ScaleWriter out, TypeRef ref) {
        out.u8(ref.kind().ordinal());
        if (ref.isPerId()) {
            out.compact(ref.id());
        }
    }

    public static TypeRef readTypeRef(ScaleReader in) {
        TypeRef.Kind kind = TypeRef.Kind.ofIndex(in.tag("type reference", TypeRef.Kind.count()));
        if (kind == TypeRef.Kind.PER_ID) {
            return TypeRef.perId(in.compactIndex("type id", Integer.MAX_VALUE));
        }
        return TypeRef.of(kind);
    }

    /** SCALE of one leaf, the bytes its hash covers. */
    public static byte[] encode(TypeLeaf leaf) {
        ScaleWriter out = new ScaleWriter(64);
        writeLeaf(out, leaf);
        return out.toByteArray();
    }

    public static void writeLeaf(ScaleWriter out, TypeLeaf leaf) {
        out.compact(leaf.path().size());
        for (String segment : leaf.path()) {
            out.string(segment);
        }
        TypeDef def = leaf.def();
        if (def instanceof TypeDef.Composite composite) {
            out.u8(0);
            writeFields(out, composite.fields());
        } else if (def instanceof TypeDef.Enumeration enumeration) {
            out.u8(1);
            out.string(enumeration.name());
            writeFields(out, enumeration.fields());
            out.compact(enumeration.index());
        } else if (def instanceof TypeDef.Sequence sequence) {
            out.u8(2);
            writeTypeRef(out, sequence.element());
        } else if (def instanceof TypeDef.Array array) {
            out.u8(3);
            out.u32(array.length());
            writeTypeRef(out, array.element());
        } else if (def instanceof TypeDef.Tuple tuple) {
            out.u8(4);
            out.compact(tuple.elements().size());
            for (TypeRef element : tuple.elements()) {
                writeTypeRef(out, element);
            }
        } else if (def instanceof TypeDef.BitSequence bits) {
            out.u8(5);
            out.u8(bits.numBytes());
            out.bool(bits.leastSignificantBitFirst());
        }
        out.compact(leaf.typeId());
    }

    public static TypeLeaf readLeaf(ScaleReader in) {
        int segments = in.count("type path", MAX_COUNT, 1);
        List<String> path = new ArrayList<>(segments);
        for (int i = 0; i < segments; i++) {
            path.add(in.string("type path", MAX_NAME_BYTES));
        }
        TypeDef def;
        switch (in.tag("type definition", TYPE_DEF_KINDS)) {
            case 0:
                def = new TypeDef.Composite(readFields(in));
                break;
            case 1: {
                String name = in.string("variant name", MAX_NAME_BYTES);
                List<Field> fields = readFields(in);
                def = new TypeDef.Enumeration(name, fields, in.compactIndex("variant index", Integer.MAX_VALUE));
                break;
            }
            case 2:
                def = new TypeDef.Sequence(readTypeRef(in));
                break;
            case 3: {
                long length = in.u32("array length");
                def = new TypeDef.Array(length, readTypeRef(in));
                break;
            }
            case 4: {
                int count = in.count("tuple elements", MAX_COUNT, 1);
                List<TypeRef> elements = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    elements.add(readTypeRef(in));
                }
                def = new TypeDef.Tuple(List.copyOf(elements));
                break;
            }
            default: {
                int numBytes = in.u8("bit sequence store size");
                def = new TypeDef.BitSequence(numBytes, in.bool("bit order"));
                break;
            }
        }
        int typeId = in.compactIndex("type id", Integer.MAX_VALUE);
        return new TypeLeaf(List.copyOf(path), def, typeId);
    }

    private static void writeFields(ScaleWriter out, List<Field> fields) {
        out.compact(fields.size());
        for (Field field : fields) {
            out.optionalString(field.name());
            writeTypeRef(out, field.type());
            out.optionalString(field.typeName());
        }
    }

    private static List<Field> readFields(ScaleReader in) {
        int count = in.count("fields", MAX_COUNT, 3);
        List<Field> fields = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String name = in.option("field name") ? in.string("field name", MAX_NAME_BYTES) : null;
            TypeRef type = readTypeRef(in);
            String typeName = in.option("field type name") ? in.string("field type name", MAX_NAME_BYTES) : null;
            fields.add(new Field(name, type, typeName));
        }
        return List.copyOf(fields);
    }

    public static byte[] encode(ExtrinsicMetadata extrinsic) {
        ScaleWriter out = new ScaleWriter(256);
        writeExtrinsic(out, extrinsic);
        return out.toByteArray();
    }

    public static void writeExtrinsic(ScaleWriter out, ExtrinsicMetadata extrinsic) {
        out.u8(extrinsic.version());
        writeTypeRef(out, extrinsic.addressType());
        writeTypeRef(out, extrinsic.callType());
        writeTypeRef(out, extrinsic.signatureType());
        out.compact(extrinsic.signedExtensions().size());
        for (SignedExtensionMetadata extension : extrinsic.signedExtensions()) {
            out.string(extension.identifier());
            writeTypeRef(out, extension.includedInExtrinsic());
            writeTypeRef(out, extension.includedInSignedData());
        }
    }

    public static ExtrinsicMetadata readExtrinsic(ScaleReader in) {
        int version = in.u8("extrinsic version");
        TypeRef address = readTypeRef(in);
        TypeRef call = readTypeRef(in);
        TypeRef signature = readTypeRef(in);
        int count = in.count("signed extensions", MAX_COUNT, 3);
        List<SignedExtensionMetadata> extensions = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String identifier = in.string("signed extension identifier", MAX_NAME_BYTES);
            TypeRef included = readTypeRef(in);
            extensions.add(new SignedExtensionMetadata(identifier, included, readTypeRef(in)));
        }
        return new ExtrinsicMetadata(version, address, call, signature, extensions);
    }

    public static void writeExtraInfo(ScaleWriter out, ExtraInfo info) {
        out.u32(info.specVersion());
        out.string(info.specName());
        out.u16(info.base58Prefix());
        out.u8(info.decimals());
        out.string(info.tokenSymbol());
    }

    public static ExtraInfo readExtraInfo(ScaleReader in) {
        long specVersion = in.u32("spec version");
        String specName = in.string("spec name", MAX_NAME_BYTES);
        int prefix = in.u16("base58 prefix");
        int decimals = in.u8("decimals");
        return new ExtraInfo(specVersion, specName, prefix, decimals, in.string("token symbol", MAX_NAME_BYTES));
    }
}
