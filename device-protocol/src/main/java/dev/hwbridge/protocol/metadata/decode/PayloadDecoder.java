package dev.hwbridge.protocol.metadata.decode;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.SignedExtensionMetadata;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Decodes an extrinsic signing payload ({@code call ‖ extra ‖ additional signed}, as
 * {@code ExtrinsicPayload.toU8a({method: true})} gives it) with RFC-0078 type information only:
 * the call, each signed extension's data in the extrinsic, then each one's signed-only data.
 * Strict as the runtime's decoder: canonical compacts that fit their type, bools 0/1, UTF-8, no
 * bytes left over. Bounded: types nested at most {@link #MAX_DEPTH} deep, at most
 * {@link #MAX_VALUES} values in all. One decoder per payload; not thread-safe.
 */
public final class PayloadDecoder {

    /**
     * Type levels from the payload's root to its deepest value. An XCM transfer needs 9, inside a
     * proxy call inside a batch about 25; this leaves room without letting a hostile proof recurse
     * without end.
     */
    public static final int MAX_DEPTH = 96;
    /** Values decoded in all (a byte string counts once); bounds zero-sized elements too. */
    public static final int MAX_VALUES = 100_000;

    private static final int MAX_TEXT_BYTES = 1 << 20;

    private final TypeSource types;
    private final IntConsumer usedLeaves;
    private int valuesLeft = MAX_VALUES;

    private PayloadDecoder(TypeSource types, IntConsumer usedLeaves) {
        this.types = types;
        this.usedLeaves = usedLeaves;
    }

    /**
     * @throws MetadataException TRUNCATED, MALFORMED, TRAILING_BYTES, UNKNOWN_TYPE (a type id or
     *         variant the source does not have), LIMIT_EXCEEDED
     */
    public static DecodedPayload decode(ExtrinsicMetadata extrinsic, TypeSource types, byte[] payload) {
        return decode(extrinsic, types, payload, leaf -> { });
    }

    /** As {@link #decode(ExtrinsicMetadata, TypeSource, byte[])}, reporting every leaf the data used. */
    public static DecodedPayload decode(ExtrinsicMetadata extrinsic, TypeSource types, byte[] payload,
            IntConsumer usedLeaves) {
        PayloadDecoder decoder = new PayloadDecoder(types, usedLeaves);
        ScaleReader in = new ScaleReader(payload);
        Value call = decoder.value(extrinsic.callType(), in, 0);
        List<SignedExtensionMetadata> extensions = extrinsic.signedExtensions();
        Value[] inExtrinsic = new Value[extensions.size()];
        byte[][] inExtrinsicBytes = new byte[extensions.size()][];
        for (int i = 0; i < extensions.size(); i++) {
            int start = in.position();
            inExtrinsic[i] = decoder.value(extensions.get(i).includedInExtrinsic(), in, 0);
            inExtrinsicBytes[i] = in.slice(start);
        }
        List<DecodedExtension> decoded = new ArrayList<>(extensions.size());
        for (int i = 0; i < extensions.size(); i++) {
            int start = in.position();
            Value signed = decoder.value(extensions.get(i).includedInSignedData(), in, 0);
            decoded.add(new DecodedExtension(extensions.get(i).identifier(), inExtrinsic[i], inExtrinsicBytes[i],
                    signed, in.slice(start)));
        }
        in.expectEnd("the signing payload");
        return new DecodedPayload(call, decoded);
    }

    private Value value(TypeRef ref, ScaleReader in, int depth) {
        if (--valuesLeft < 0) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "more than " + MAX_VALUES + " values");
        }
        TypeRef.Kind kind = ref.kind();
        if (kind == TypeRef.Kind.PER_ID) {
            if (depth >= MAX_DEPTH) {
                throw new MetadataException(MetadataError.LIMIT_EXCEEDED, "types nested deeper than " + MAX_DEPTH);
            }
            return typed(ref.id(), in, depth + 1);
        }
        if (kind == TypeRef.Kind.VOID) {
            return new Value.Void();
        }
        if (kind.isCompact()) {
            return new Value.Int(in.compact(kind.compactBytes(), "compact integer"), kind);
        }
        Primitive primitive = kind.primitive();
        switch (primitive) {
            case BOOL:
                return new Value.Bool(in.bool("bool"));
            case CHAR: {
                long codePoint = in.u32("char");
                if (codePoint > Character.MAX_CODE_POINT || (codePoint >= 0xd800 && codePoint <= 0xdfff)) {
                    throw new MetadataException(MetadataError.MALFORMED, "char is not a Unicode scalar value");
                }
                return new Value.Char((int) codePoint);
            }
            case STR:
                return new Value.Text(in.string("str", MAX_TEXT_BYTES));
            default:
                return new Value.Int(primitive.isSigned()
                        ? in.signed(primitive.size(), primitive.rustName())
                        : in.unsigned(primitive.size(), primitive.rustName()), kind);
        }
    }

    private Value typed(int typeId, ScaleReader in, int depth) {
        TypeSource.LeafGroup group = types.group(typeId);
        if (group == null) {
            throw new MetadataException(MetadataError.UNKNOWN_TYPE, "no type information for type #" + typeId);
        }
        if (group.isEnumeration()) {
            int index = in.u8("variant index of type #" + typeId);
            int position = group.positionOfVariant(index);
            if (position < 0) {
                throw new MetadataException(MetadataError.UNKNOWN_TYPE,
                        "no type information for variant " + index + " of type #" + typeId);
            }
            TypeLeaf leaf = group.leaf(position);
            usedLeaves.accept(group.number(position));
            TypeDef.Enumeration variant = (TypeDef.Enumeration) leaf.def();
            return new Value.Variant(typeId, leaf.path(), variant.name(), index, fields(variant.fields(), in, depth));
        }
        TypeLeaf leaf = group.leaf(0);
        usedLeaves.accept(group.number(0));
        TypeDef def = leaf.def();
        if (def instanceof TypeDef.Composite composite) {
            return new Value.Composite(typeId, leaf.path(), fields(composite.fields(), in, depth));
        }
        if (def instanceof TypeDef.Sequence sequence) {
            long count = in.compactU32("sequence length");
            return elements(typeId, leaf, sequence.element(), count, in, depth);
        }
        if (def instanceof TypeDef.Array array) {
            return elements(typeId, leaf, array.element(), array.length(), in, depth);
        }
        if (def instanceof TypeDef.Tuple tuple) {
            List<Value> elements = new ArrayList<>(tuple.elements().size());
            for (TypeRef element : tuple.elements()) {
                elements.add(value(element, in, depth));
            }
            return new Value.Tuple(typeId, List.copyOf(elements));
        }
        TypeDef.BitSequence bits = (TypeDef.BitSequence) def;
        return bits(bits, in);
    }

    private List<NamedValue> fields(List<Field> fields, ScaleReader in, int depth) {
        if (fields.isEmpty()) {
            return List.of();
        }
        NamedValue[] values = new NamedValue[fields.size()];
        for (int i = 0; i < values.length; i++) {
            Field field = fields.get(i);
            values[i] = new NamedValue(field.name(), field.typeName(), value(field.type(), in, depth));
        }
        return List.of(values);
    }

    private Value elements(int typeId, TypeLeaf leaf, TypeRef element, long count, ScaleReader in, int depth) {
        if (element.kind() == TypeRef.Kind.U8) {
            if (count > in.remaining()) {
                throw new MetadataException(MetadataError.TRUNCATED, "input ends inside a byte string");
            }
            return new Value.Bytes(in.bytes((int) count, "byte string"));
        }
        if (count > valuesLeft) {
            throw new MetadataException(MetadataError.LIMIT_EXCEEDED,
                    "a sequence of " + count + " values: more than " + MAX_VALUES + " in all");
        }
        List<Value> values = new ArrayList<>((int) Math.min(count, 1024));
        for (long i = 0; i < count; i++) {
            values.add(value(element, in, depth));
        }
        return new Value.Sequence(typeId, leaf.path(), element, List.copyOf(values));
    }

    private Value bits(TypeDef.BitSequence bits, ScaleReader in) {
        int storeBytes = bits.numBytes();
        if (storeBytes != 1 && storeBytes != 2 && storeBytes != 4 && storeBytes != 8) {
            throw new MetadataException(MetadataError.MALFORMED, "a bit sequence stored in " + storeBytes + " bytes");
        }
        long bitCount = in.compactU32("bit count");
        long storeBits = storeBytes * 8L;
        long bytes = (bitCount + storeBits - 1) / storeBits * storeBytes;
        if (bytes > in.remaining()) {
            throw new MetadataException(MetadataError.TRUNCATED, "input ends inside a bit sequence");
        }
        return new Value.Bits(bitCount, in.bytes((int) bytes, "bit sequence"), storeBytes,
                bits.leastSignificantBitFirst());
    }
}
