package dev.hwbridge.protocol.metadata.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.SyntheticMetadata;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.Ext;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.F;
import dev.hwbridge.protocol.metadata.SyntheticMetadata.V;
import dev.hwbridge.protocol.metadata.frame.MetadataReader;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RFC's type tree rules, one at a time, on hand-made metadata. */
class TypeTreeBuilderTest {

    private static Merkleizer merkleize(SyntheticMetadata m, int call, List<Ext> extensions) {
        int unit = m.tuple();
        return Merkleizer.of(MetadataReader.read(m.build(15, true, "node", 1, 42, unit, call, unit, extensions)),
                12, "UNIT");
    }

    private static List<Field> fieldsOf(TypeLeaf leaf) {
        if (leaf.def() instanceof TypeDef.Composite composite) {
            return composite.fields();
        }
        return ((TypeDef.Enumeration) leaf.def()).fields();
    }

    @Test
    void primitivesAndCompactsAreInlinedAndEmptyTypesAreVoid() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u128 = m.primitive(Primitive.U128);
        int u32 = m.primitive(Primitive.U32);
        int perbill = m.composite(List.of("Perbill"), new F(null, u32, "u32"));
        int compactBalance = m.compact(u128);
        int compactPerbill = m.compact(perbill);
        int empty = m.composite(List.of("Empty"));
        int compactUnit = m.compact(m.tuple());
        int noVariants = m.variant(List.of("Never"));
        int call = m.composite(List.of("Call"), new F("a", compactBalance, "Compact<Balance>"),
                new F("b", compactPerbill, null), new F("c", empty, null), new F("d", compactUnit, null),
                new F("e", noVariants, null), new F("f", u32, "u32"));

        Merkleizer merkleizer = merkleize(m, call, List.of());

        // Only the call struct is a type of its own: Perbill is reached only through a compact.
        assertThat(merkleizer.leaves()).hasSize(1);
        assertThat(fieldsOf(merkleizer.leaves().get(0))).extracting(Field::type).containsExactly(
                TypeRef.of(TypeRef.Kind.COMPACT_U128), TypeRef.of(TypeRef.Kind.COMPACT_U32), TypeRef.voidRef(),
                TypeRef.voidRef(), TypeRef.voidRef(), TypeRef.of(Primitive.U32));
        assertThat(merkleizer.extrinsicMetadata().addressType()).isEqualTo(TypeRef.voidRef());
        assertThat(merkleizer.extrinsicMetadata().callType()).isEqualTo(TypeRef.perId(0));
    }

    @Test
    void keptTypesAreNumberedInRegistryOrderAndVariantsSortedByIndex() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u8 = m.primitive(Primitive.U8);
        int bytes = m.sequence(u8);
        int pair = m.tuple(u8, bytes);
        int call = m.variant(List.of("RuntimeCall"),
                new V("Second", 7, List.of(new F(null, pair, null))),
                new V("First", 2, List.of(new F(null, bytes, "Vec<u8>"))));
        int nonce = m.array(4, u8);

        Merkleizer merkleizer = merkleize(m, call, List.of(new Ext("CheckNonce", nonce, m.tuple())));

        List<TypeLeaf> leaves = merkleizer.leaves();
        assertThat(leaves).extracting(TypeLeaf::typeId).containsExactly(0, 1, 2, 2, 3);
        assertThat(leaves.get(0).def()).isEqualTo(new TypeDef.Sequence(TypeRef.of(Primitive.U8)));
        assertThat(leaves.get(1).def()).isEqualTo(
                new TypeDef.Tuple(List.of(TypeRef.of(Primitive.U8), TypeRef.perId(0))));
        assertThat(leaves.get(2).variantIndex()).isEqualTo(2);
        assertThat(leaves.get(3).variantIndex()).isEqualTo(7);
        assertThat(leaves.get(4).def()).isEqualTo(new TypeDef.Array(4, TypeRef.of(Primitive.U8)));
        assertThat(merkleizer.extrinsicMetadata().signedExtensions().get(0).includedInExtrinsic())
                .isEqualTo(TypeRef.perId(3));
    }

    @Test
    void bitSequencesKeepTheirStoreSizeAndOrder() {
        SyntheticMetadata m = new SyntheticMetadata();
        int u16 = m.primitive(Primitive.U16);
        int lsb = m.composite(List.of("bitvec", "order", "Lsb0"));
        int bits = m.bitSequence(u16, lsb);
        int call = m.composite(List.of("Call"), new F("bits", bits, null));

        Merkleizer merkleizer = merkleize(m, call, List.of());

        assertThat(merkleizer.leaves().get(0).def()).isEqualTo(new TypeDef.BitSequence(2, true));
    }

    @Test
    void aCompactOfASignedIntegerIsRefused() {
        SyntheticMetadata m = new SyntheticMetadata();
        int call = m.composite(List.of("Call"), new F("x", m.compact(m.primitive(Primitive.I32)), null));
        assertThatThrownBy(() -> merkleize(m, call, List.of()))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.MALFORMED));
    }

    @Test
    void aRuntimeWithoutExtrinsicV4IsRefused() {
        SyntheticMetadata m = new SyntheticMetadata().extrinsicVersion(5);
        int unit = m.tuple();
        byte[] bytes = m.build(16, false, "node", 1, 42, unit, unit, unit, List.of());
        assertThatThrownBy(() -> Merkleizer.of(bytes, 12, "UNIT"))
                .isInstanceOfSatisfying(MetadataException.class,
                        e -> assertThat(e.code()).isEqualTo(MetadataError.UNSUPPORTED_VERSION));
    }
}
