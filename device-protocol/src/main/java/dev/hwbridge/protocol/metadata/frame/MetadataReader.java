package dev.hwbridge.protocol.metadata.frame;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads {@code RuntimeMetadataPrefixed} V15 or V16 (frame-metadata 20 / 23), bare or inside the
 * {@code Option<Vec<u8>>} that the runtime call {@code Metadata_metadata_at_version} returns.
 * Keeps the type registry, the pallets' names, indices, call types and constants, and the
 * extrinsic description; reads and checks the rest (storage, events, APIs, documentation) without
 * keeping it. Every type id it keeps refers to a type of the registry. Stateless.
 */
public final class MetadataReader {

    /** Real metadata is 0.5–1 MiB; anything near this bound is a mistake. */
    public static final int MAX_METADATA_BYTES = 16 << 20;
    /** Names, paths and type names. */
    static final int MAX_NAME_BYTES = 4096;
    /** One line of documentation, a constant's value, a storage default. */
    static final int MAX_BLOB_BYTES = 1 << 20;
    /** Any count (types, fields, pallets, doc lines …); the bytes left bound it further. */
    static final int MAX_COUNT = 1 << 20;

    private static final long MAGIC = 0x6174656dL; // "meta"
    private static final int TYPE_DEF_KINDS = 8;
    private static final int HASHERS = 7;

    private MetadataReader() {
    }

    /**
     * @throws MetadataException UNSUPPORTED_VERSION (no magic, V14 or older, newer than V16),
     *         TRUNCATED, MALFORMED, LIMIT_EXCEEDED, TRAILING_BYTES, MISSING_ITEM (extension version 0 absent)
     */
    public static RuntimeMetadata read(byte[] input) {
        if (input.length > MAX_METADATA_BYTES) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED,
                    "metadata larger than " + MAX_METADATA_BYTES + " bytes");
        }
        ScaleReader in = unwrap(input);
        if (in.remaining() < 4 || in.u32("magic") != MAGIC) {
            throw new MetadataException(MetadataError.UNSUPPORTED_VERSION,
                    "not runtime metadata (no 'meta' magic number)");
        }
        int version = in.u8("metadata version");
        if (version < 15) {
            throw new MetadataException(MetadataError.UNSUPPORTED_VERSION, "metadata V" + version
                    + ": RFC-0078 is defined on metadata V15 and later (ask the node for Metadata_metadata_at_version(15))");
        }
        if (version > 16) {
            throw new MetadataException(MetadataError.UNSUPPORTED_VERSION,
                    "metadata V" + version + " is newer than this reader (V15, V16)");
        }
        boolean v16 = version == 16;
        TypeRegistry types = new TypeRegistry(readTypes(in));
        List<Pallet> pallets = readPallets(in, v16);
        ExtrinsicInfo extrinsic = v16 ? readExtrinsicV16(in) : readExtrinsicV15(in);
        if (!v16) {
            in.compactU32("runtime type");
        }
        skipApis(in, v16);
        for (int i = 0; i < 3; i++) {
            in.compactU32("outer enum type");
        }
        int custom = in.count("custom entries", MAX_COUNT, 3);
        for (int i = 0; i < custom; i++) {
            in.skipString("custom key", MAX_NAME_BYTES);
            in.compactU32("custom type");
            in.skip(in.count("custom value", MAX_BLOB_BYTES, 1), "custom value");
        }
        in.expectEnd("the metadata");
        RuntimeMetadata metadata = new RuntimeMetadata(version, types, pallets, extrinsic);
        TypeReferences.check(metadata);
        return metadata;
    }

    /** The reader over the bare {@code RuntimeMetadataPrefixed}, unwrapping the runtime call's Option. */
    private static ScaleReader unwrap(byte[] input) {
        ScaleReader in = new ScaleReader(input);
        if (input.length >= 4 && new ScaleReader(input).u32("magic") == MAGIC) {
            return in;
        }
        if (input.length > 0 && input[0] == 0) {
            throw new MetadataException(MetadataError.UNSUPPORTED_VERSION,
                    "the runtime returned None: it has no metadata of the version asked for");
        }
        if (input.length > 0 && input[0] == 1) {
            in.u8("option");
            int length = in.count("metadata length", MAX_METADATA_BYTES, 1);
            if (length != in.remaining()) {
                throw new MetadataException(MetadataError.TRAILING_BYTES,
                        (in.remaining() - length) + " bytes left after the metadata's Option");
            }
            return in;
        }
        throw new MetadataException(MetadataError.UNSUPPORTED_VERSION,
                "not runtime metadata (no 'meta' magic number)");
    }

    private static List<FrameType> readTypes(ScaleReader in) {
        int count = in.count("types", MAX_COUNT, 4);
        List<FrameType> types = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int id = in.compactIndex("type id", MAX_COUNT);
            if (id != i) {
                throw new MetadataException(MetadataError.MALFORMED,
                        "type ids are not 0, 1, 2 … in order (id " + id + " at position " + i + ")");
            }
            List<String> path = strings(in, "type path");
            int params = in.count("type parameters", MAX_COUNT, 2);
            for (int p = 0; p < params; p++) {
                in.skipString("type parameter name", MAX_NAME_BYTES);
                if (in.option("type parameter")) {
                    in.compactU32("type parameter type");
                }
            }
            FrameTypeDef def = readTypeDef(in);
            skipDocs(in);
            types.add(new FrameType(id, path, def));
        }
        return types;
    }

    private static FrameTypeDef readTypeDef(ScaleReader in) {
        switch (in.tag("type definition", TYPE_DEF_KINDS)) {
            case 0:
                return new FrameTypeDef.Composite(fields(in));
            case 1: {
                int count = in.count("variants", 256, 4);
                List<FrameVariant> variants = new ArrayList<>(count);
                for (int v = 0; v < count; v++) {
                    String name = in.string("variant name", MAX_NAME_BYTES);
                    List<FrameField> fields = fields(in);
                    int index = in.u8("variant index");
                    skipDocs(in);
                    variants.add(new FrameVariant(name, fields, index));
                }
                return new FrameTypeDef.Variant(Collections.unmodifiableList(variants));
            }
            case 2:
                return new FrameTypeDef.Sequence(typeId(in));
            case 3: {
                long length = in.u32("array length");
                return new FrameTypeDef.Array(length, typeId(in));
            }
            case 4: {
                int count = in.count("tuple elements", MAX_COUNT, 1);
                int[] elements = new int[count];
                for (int e = 0; e < count; e++) {
                    elements[e] = typeId(in);
                }
                return new FrameTypeDef.Tuple(elements);
            }
            case 5:
                return new FrameTypeDef.PrimitiveType(Primitive.ofIndex(in.tag("primitive", Primitive.count())));
            case 6:
                return new FrameTypeDef.Compact(typeId(in));
            default: {
                int store = typeId(in);
                return new FrameTypeDef.BitSequence(store, typeId(in));
            }
        }
    }

    private static List<FrameField> fields(ScaleReader in) {
        int count = in.count("fields", MAX_COUNT, 4);
        if (count == 0) {
            return List.of();
        }
        List<FrameField> fields = new ArrayList<>(count);
        for (int f = 0; f < count; f++) {
            String name = in.option("field name") ? in.string("field name", MAX_NAME_BYTES) : null;
            int type = typeId(in);
            String typeName = in.option("field type name") ? in.string("field type name", MAX_NAME_BYTES) : null;
            skipDocs(in);
            fields.add(new FrameField(name, type, typeName));
        }
        return Collections.unmodifiableList(fields);
    }

    private static List<Pallet> readPallets(ScaleReader in, boolean v16) {
        int count = in.count("pallets", 256, 8);
        List<Pallet> pallets = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            String name = in.string("pallet name", MAX_NAME_BYTES);
            if (in.option("pallet storage")) {
                skipStorage(in, v16);
            }
            int callType = optionalEnumType(in, v16, "pallet calls");
            optionalEnumType(in, v16, "pallet events");
            List<Constant> constants = readConstants(in, v16);
            optionalEnumType(in, v16, "pallet errors");
            if (v16) {
                int associated = in.count("associated types", MAX_COUNT, 3);
                for (int a = 0; a < associated; a++) {
                    in.skipString("associated type name", MAX_NAME_BYTES);
                    in.compactU32("associated type");
                    skipDocs(in);
                }
                int viewFunctions = in.count("view functions", MAX_COUNT, 37);
                for (int f = 0; f < viewFunctions; f++) {
                    in.skip(32, "view function id");
                    skipMethod(in, true);
                }
            }
            int index = in.u8("pallet index");
            skipDocs(in);
            if (v16) {
                skipItemDeprecation(in);
            }
            pallets.add(new Pallet(name, index, callType, constants));
        }
        return Collections.unmodifiableList(pallets);
    }

    private static void skipStorage(ScaleReader in, boolean v16) {
        in.skipString("storage prefix", MAX_NAME_BYTES);
        int entries = in.count("storage entries", MAX_COUNT, 5);
        for (int e = 0; e < entries; e++) {
            in.skipString("storage entry name", MAX_NAME_BYTES);
            in.tag("storage modifier", 2);
            if (in.tag("storage entry type", 2) == 0) {
                in.compactU32("storage value type");
            } else {
                int hashers = in.count("storage hashers", MAX_COUNT, 1);
                for (int h = 0; h < hashers; h++) {
                    in.tag("storage hasher", HASHERS);
                }
                in.compactU32("storage key type");
                in.compactU32("storage value type");
            }
            in.skip(in.count("storage default", MAX_BLOB_BYTES, 1), "storage default");
            skipDocs(in);
            if (v16) {
                skipItemDeprecation(in);
            }
        }
    }

    /** {@code Option<PalletCallMetadata>} and its kin: the enum's type id, or -1. */
    private static int optionalEnumType(ScaleReader in, boolean v16, String what) {
        if (!in.option(what)) {
            return -1;
        }
        int type = typeId(in);
        if (v16) {
            int deprecated = in.count(what + " deprecations", 256, 2);
            for (int d = 0; d < deprecated; d++) {
                in.u8("deprecated variant index");
                // EnumDeprecationInfo's values have no variant 0 (NotDeprecated).
                int kind = in.tag("variant deprecation", 3);
                if (kind == 0) {
                    throw new MetadataException(MetadataError.MALFORMED, "unknown variant deprecation variant 0");
                }
                if (kind == 2) {
                    skipDeprecationNote(in);
                }
            }
        }
        return type;
    }

    private static List<Constant> readConstants(ScaleReader in, boolean v16) {
        int count = in.count("constants", MAX_COUNT, 4);
        List<Constant> constants = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            String name = in.string("constant name", MAX_NAME_BYTES);
            int type = typeId(in);
            byte[] value = in.bytes(in.count("constant value", MAX_BLOB_BYTES, 1), "constant value");
            skipDocs(in);
            if (v16) {
                skipItemDeprecation(in);
            }
            constants.add(new Constant(name, type, value));
        }
        return Collections.unmodifiableList(constants);
    }

    private static ExtrinsicInfo readExtrinsicV15(ScaleReader in) {
        int version = in.u8("extrinsic version");
        int address = typeId(in);
        int call = typeId(in);
        int signature = typeId(in);
        typeId(in); // extra: the tuple of the extensions' types, which they list one by one
        int count = in.count("signed extensions", MAX_COUNT, 3);
        List<SignedExtension> extensions = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            String identifier = in.string("signed extension identifier", MAX_NAME_BYTES);
            int type = typeId(in);
            extensions.add(new SignedExtension(identifier, type, typeId(in)));
        }
        return new ExtrinsicInfo(List.of(version), address, call, signature, List.copyOf(extensions));
    }

    private static ExtrinsicInfo readExtrinsicV16(ScaleReader in) {
        int versionCount = in.count("extrinsic versions", 256, 1);
        List<Integer> versions = new ArrayList<>(versionCount);
        for (int v = 0; v < versionCount; v++) {
            versions.add(in.u8("extrinsic version"));
        }
        int address = typeId(in);
        int call = typeId(in);
        int signature = typeId(in);
        int byVersionCount = in.count("extension versions", 256, 2);
        int[] versionZero = null;
        for (int v = 0; v < byVersionCount; v++) {
            int extensionVersion = in.u8("extension version");
            int indexCount = in.count("extension indices", MAX_COUNT, 1);
            int[] indices = new int[indexCount];
            for (int i = 0; i < indexCount; i++) {
                indices[i] = in.compactIndex("extension index", MAX_COUNT);
            }
            if (extensionVersion == 0) {
                versionZero = indices;
            }
        }
        int count = in.count("transaction extensions", MAX_COUNT, 3);
        List<SignedExtension> all = new ArrayList<>(count);
        for (int e = 0; e < count; e++) {
            String identifier = in.string("transaction extension identifier", MAX_NAME_BYTES);
            int type = typeId(in);
            all.add(new SignedExtension(identifier, type, typeId(in)));
        }
        if (versionZero == null) {
            throw new MetadataException(MetadataError.MISSING_ITEM, "no transaction extensions of version 0");
        }
        List<SignedExtension> extensions = new ArrayList<>(versionZero.length);
        for (int index : versionZero) {
            if (index >= all.size()) {
                throw new MetadataException(MetadataError.MALFORMED,
                        "extension index " + index + " beyond the " + all.size() + " transaction extensions");
            }
            extensions.add(all.get(index));
        }
        return new ExtrinsicInfo(List.copyOf(versions), address, call, signature, List.copyOf(extensions));
    }

    private static void skipApis(ScaleReader in, boolean v16) {
        int apis = in.count("runtime APIs", MAX_COUNT, 3);
        for (int a = 0; a < apis; a++) {
            in.skipString("runtime API name", MAX_NAME_BYTES);
            int methods = in.count("runtime API methods", MAX_COUNT, 4);
            for (int m = 0; m < methods; m++) {
                skipMethod(in, v16);
            }
            skipDocs(in);
            if (v16) {
                in.compactU32("runtime API version");
                skipItemDeprecation(in);
            }
        }
    }

    /** A runtime API method or view function: name, inputs, output, docs (and deprecation in V16). */
    private static void skipMethod(ScaleReader in, boolean withDeprecation) {
        in.skipString("method name", MAX_NAME_BYTES);
        int inputs = in.count("method inputs", MAX_COUNT, 2);
        for (int i = 0; i < inputs; i++) {
            in.skipString("method input name", MAX_NAME_BYTES);
            in.compactU32("method input type");
        }
        in.compactU32("method output type");
        skipDocs(in);
        if (withDeprecation) {
            skipItemDeprecation(in);
        }
    }

    private static void skipItemDeprecation(ScaleReader in) {
        if (in.tag("deprecation info", 3) == 2) {
            skipDeprecationNote(in);
        }
    }

    private static void skipDeprecationNote(ScaleReader in) {
        in.skipString("deprecation note", MAX_BLOB_BYTES);
        if (in.option("deprecation since")) {
            in.skipString("deprecation since", MAX_NAME_BYTES);
        }
    }

    private static void skipDocs(ScaleReader in) {
        int lines = in.count("documentation lines", MAX_COUNT, 1);
        for (int l = 0; l < lines; l++) {
            in.skipString("documentation", MAX_BLOB_BYTES);
        }
    }

    private static List<String> strings(ScaleReader in, String what) {
        int count = in.count(what, MAX_COUNT, 1);
        if (count == 0) {
            return List.of();
        }
        String[] out = new String[count];
        for (int i = 0; i < count; i++) {
            out[i] = in.string(what, MAX_NAME_BYTES);
        }
        return List.of(out);
    }

    private static int typeId(ScaleReader in) {
        return in.compactIndex("type id", MAX_COUNT);
    }
}
