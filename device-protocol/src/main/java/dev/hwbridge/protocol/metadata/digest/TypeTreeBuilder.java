package dev.hwbridge.protocol.metadata.digest;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.frame.ExtrinsicInfo;
import dev.hwbridge.protocol.metadata.frame.FrameField;
import dev.hwbridge.protocol.metadata.frame.FrameType;
import dev.hwbridge.protocol.metadata.frame.FrameTypeDef;
import dev.hwbridge.protocol.metadata.frame.FrameVariant;
import dev.hwbridge.protocol.metadata.frame.RuntimeMetadata;
import dev.hwbridge.protocol.metadata.frame.SignedExtension;
import dev.hwbridge.protocol.metadata.frame.TypeRegistry;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.SignedExtensionMetadata;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the FRAME type registry into RFC-0078's type information, as
 * {@code @polkadot-api/merkleize-metadata} 1.3.0 does: keep the types reachable from the extrinsic
 * description (not through compacts or bit sequences; empty structs, tuples and enums are void),
 * number them in registry order, inline primitives and compacts, one leaf per enum variant sorted
 * by variant index.
 */
final class TypeTreeBuilder {

    /** Wrappers a compact or a bit-sequence store may go through before its primitive. */
    private static final int MAX_WRAPPERS = 64;
    private static final int NOT_KEPT = -1;

    private final TypeRegistry types;
    /** Registry id → RFC id, or NOT_KEPT. */
    private final int[] rfcIds;

    private TypeTreeBuilder(TypeRegistry types, int[] rfcIds) {
        this.types = types;
        this.rfcIds = rfcIds;
    }

    /** The leaves, in tree order, and the extrinsic metadata that refers to them. */
    record TypeTree(List<TypeLeaf> leaves, ExtrinsicMetadata extrinsic) {
    }

    static TypeTree build(RuntimeMetadata metadata) {
        ExtrinsicInfo extrinsic = metadata.extrinsic();
        if (!extrinsic.versions().contains(4)) {
            throw new MetadataException(MetadataError.UNSUPPORTED_VERSION,
                    "the runtime does not accept extrinsic v4, the only version RFC-0078 covers");
        }
        TypeRegistry types = metadata.types();
        TypeTreeBuilder builder = new TypeTreeBuilder(types, reachable(types, extrinsic));
        List<SignedExtensionMetadata> extensions = new ArrayList<>();
        for (SignedExtension extension : extrinsic.signedExtensions()) {
            extensions.add(new SignedExtensionMetadata(extension.identifier(),
                    builder.typeRef(extension.type()), builder.typeRef(extension.additionalSigned())));
        }
        ExtrinsicMetadata rfcExtrinsic = new ExtrinsicMetadata(4, builder.typeRef(extrinsic.addressType()),
                builder.typeRef(extrinsic.callType()), builder.typeRef(extrinsic.signatureType()), extensions);
        return new TypeTree(builder.leaves(), rfcExtrinsic);
    }

    /** Numbers the kept types 0, 1, 2 … in registry order. */
    private static int[] reachable(TypeRegistry types, ExtrinsicInfo extrinsic) {
        boolean[] kept = new boolean[types.size()];
        boolean[] seen = new boolean[types.size()];
        ArrayDeque<Integer> pending = new ArrayDeque<>();
        pending.push(extrinsic.callType());
        pending.push(extrinsic.addressType());
        pending.push(extrinsic.signatureType());
        for (SignedExtension extension : extrinsic.signedExtensions()) {
            pending.push(extension.type());
            pending.push(extension.additionalSigned());
        }
        while (!pending.isEmpty()) {
            int id = pending.pop();
            if (seen[id]) {
                continue;
            }
            seen[id] = true;
            FrameTypeDef def = types.def(id);
            if (def instanceof FrameTypeDef.Composite composite) {
                kept[id] = !composite.fields().isEmpty();
                composite.fields().forEach(f -> pending.push(f.type()));
            } else if (def instanceof FrameTypeDef.Variant variant) {
                kept[id] = !variant.variants().isEmpty();
                variant.variants().forEach(v -> v.fields().forEach(f -> pending.push(f.type())));
            } else if (def instanceof FrameTypeDef.Tuple tuple) {
                kept[id] = tuple.elements().length > 0;
                Arrays.stream(tuple.elements()).forEach(pending::push);
            } else if (def instanceof FrameTypeDef.Sequence sequence) {
                kept[id] = true;
                pending.push(sequence.element());
            } else if (def instanceof FrameTypeDef.Array array) {
                kept[id] = true;
                pending.push(array.element());
            } else if (def instanceof FrameTypeDef.BitSequence) {
                kept[id] = true;
            }
        }
        int[] rfcIds = new int[types.size()];
        int next = 0;
        for (int id = 0; id < rfcIds.length; id++) {
            rfcIds[id] = kept[id] ? next++ : NOT_KEPT;
        }
        return rfcIds;
    }

    private List<TypeLeaf> leaves() {
        List<TypeLeaf> leaves = new ArrayList<>();
        for (FrameType type : types.types()) {
            int rfcId = rfcIds[type.id()];
            if (rfcId == NOT_KEPT) {
                continue;
            }
            FrameTypeDef def = type.def();
            if (def instanceof FrameTypeDef.Variant variant) {
                List<FrameVariant> sorted = new ArrayList<>(variant.variants());
                sorted.sort(Comparator.comparingInt(FrameVariant::index));
                for (FrameVariant v : sorted) {
                    leaves.add(new TypeLeaf(type.path(),
                            new TypeDef.Enumeration(v.name(), fields(v.fields()), v.index()), rfcId));
                }
            } else {
                leaves.add(new TypeLeaf(type.path(), typeDef(def), rfcId));
            }
        }
        return leaves;
    }

    private TypeDef typeDef(FrameTypeDef def) {
        if (def instanceof FrameTypeDef.Composite composite) {
            return new TypeDef.Composite(fields(composite.fields()));
        }
        if (def instanceof FrameTypeDef.Sequence sequence) {
            return new TypeDef.Sequence(typeRef(sequence.element()));
        }
        if (def instanceof FrameTypeDef.Array array) {
            return new TypeDef.Array(array.length(), typeRef(array.element()));
        }
        if (def instanceof FrameTypeDef.Tuple tuple) {
            List<TypeRef> elements = new ArrayList<>(tuple.elements().length);
            for (int element : tuple.elements()) {
                elements.add(typeRef(element));
            }
            return new TypeDef.Tuple(List.copyOf(elements));
        }
        FrameTypeDef.BitSequence bits = (FrameTypeDef.BitSequence) def;
        return new TypeDef.BitSequence(bitStoreBytes(bits.storeType()), lsbFirst(bits.orderType()));
    }

    private List<Field> fields(List<FrameField> fields) {
        if (fields.isEmpty()) {
            return List.of();
        }
        Field[] out = new Field[fields.size()];
        for (int i = 0; i < out.length; i++) {
            FrameField field = fields.get(i);
            out[i] = new Field(field.name(), typeRef(field.type()), field.typeName());
        }
        return List.of(out);
    }

    /** A primitive inline, a compact by its integer, a kept type by its RFC id, anything else void. */
    private TypeRef typeRef(int id) {
        FrameTypeDef def = types.def(id);
        if (def instanceof FrameTypeDef.PrimitiveType primitive) {
            return TypeRef.of(primitive.primitive());
        }
        if (def instanceof FrameTypeDef.Compact compact) {
            Primitive inner = primitiveBehind(compact.inner(), "a compact");
            if (inner == null) {
                return TypeRef.voidRef();
            }
            if (!inner.isUnsignedInteger()) {
                throw new MetadataException(MetadataError.MALFORMED,
                        "type " + id + " is a compact " + inner.rustName() + ", not of an unsigned integer");
            }
            return TypeRef.of(TypeRef.Kind.ofIndex(TypeRef.Kind.COMPACT_U8.ordinal()
                    + inner.ordinal() - Primitive.U8.ordinal()));
        }
        return rfcIds[id] == NOT_KEPT ? TypeRef.voidRef() : TypeRef.perId(rfcIds[id]);
    }

    /**
     * The primitive behind structs and tuples of one field or element; null behind an empty one.
     * Anything else behind a compact or a bit sequence is refused, as the JS library refuses it.
     */
    private Primitive primitiveBehind(int id, String what) {
        int current = id;
        for (int hops = 0; hops < MAX_WRAPPERS; hops++) {
            FrameTypeDef def = types.def(current);
            if (def instanceof FrameTypeDef.PrimitiveType primitive) {
                return primitive.primitive();
            }
            if (def instanceof FrameTypeDef.Composite composite && composite.fields().size() <= 1) {
                if (composite.fields().isEmpty()) {
                    return null;
                }
                current = composite.fields().get(0).type();
            } else if (def instanceof FrameTypeDef.Tuple tuple && tuple.elements().length <= 1) {
                if (tuple.elements().length == 0) {
                    return null;
                }
                current = tuple.elements()[0];
            } else {
                throw new MetadataException(MetadataError.MALFORMED,
                        "type " + id + " inside " + what + " is not a primitive");
            }
        }
        throw new MetadataException(MetadataError.LIMIT_EXCEEDED,
                "type " + id + " inside " + what + " is wrapped more than " + MAX_WRAPPERS + " times");
    }

    private int bitStoreBytes(int storeType) {
        Primitive store = primitiveBehind(storeType, "a bit sequence");
        if (store == Primitive.U8 || store == Primitive.U16 || store == Primitive.U32 || store == Primitive.U64) {
            return store.size();
        }
        throw new MetadataException(MetadataError.MALFORMED, "a bit sequence's store is not u8, u16, u32 or u64");
    }

    private boolean lsbFirst(int orderType) {
        List<String> path = types.get(orderType).path();
        if (path.contains("Lsb0")) {
            return true;
        }
        if (path.contains("Msb0")) {
            return false;
        }
        throw new MetadataException(MetadataError.MALFORMED, "a bit sequence's order is neither Lsb0 nor Msb0");
    }
}
