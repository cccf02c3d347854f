package dev.hwbridge.protocol.metadata.types;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.scale.ScaleReader;
import dev.hwbridge.protocol.metadata.scale.ScaleWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class RfcCodecTest {

    private static byte[] typeRef(TypeRef ref) {
        ScaleWriter out = new ScaleWriter();
        RfcCodec.writeTypeRef(out, ref);
        return out.toByteArray();
    }

    @Test
    void typeRefsUseTheReferenceImplementationsIndices() {
        assertThat(typeRef(TypeRef.of(Primitive.BOOL))).containsExactly(0);
        assertThat(typeRef(TypeRef.of(Primitive.I256))).containsExactly(14);
        assertThat(typeRef(TypeRef.of(TypeRef.Kind.COMPACT_U8))).containsExactly(15);
        assertThat(typeRef(TypeRef.of(TypeRef.Kind.COMPACT_U256))).containsExactly(20);
        assertThat(typeRef(TypeRef.voidRef())).containsExactly(21);
        assertThat(typeRef(TypeRef.perId(300))).containsExactly(22, 0xb1, 0x04);
    }

    @Test
    void aLeafEncodesPathDefinitionAndId() {
        TypeLeaf leaf = new TypeLeaf(List.of("sp_core", "crypto", "AccountId32"),
                new TypeDef.Composite(List.of(new Field(null, TypeRef.perId(1), "[u8; 32]"))), 0);
        // As the first leaf of Polkadot's type tree in the reference vectors.
        assertThat(Hex.toHex(RfcCodec.encode(leaf)))
                .isEqualTo("0x0c1c73705f636f72651863727970746f2c4163636f756e7449643332000400160401205b75383b2033325d00");
    }

    @Test
    void everyKindOfLeafReadsBackAsWritten() {
        List<TypeLeaf> leaves = List.of(
                new TypeLeaf(List.of(), new TypeDef.Enumeration("Id", List.of(new Field("x", TypeRef.perId(3), null)), 9), 5),
                new TypeLeaf(List.of("a"), new TypeDef.Sequence(TypeRef.of(Primitive.U8)), 6),
                new TypeLeaf(List.of(), new TypeDef.Array(0xffffffffL, TypeRef.of(TypeRef.Kind.COMPACT_U64)), 7),
                new TypeLeaf(List.of(), new TypeDef.Tuple(List.of(TypeRef.voidRef(), TypeRef.of(Primitive.STR))), 8),
                new TypeLeaf(List.of("b", "c"), new TypeDef.BitSequence(8, false), 70_000));
        for (TypeLeaf leaf : leaves) {
            ScaleReader in = new ScaleReader(RfcCodec.encode(leaf));
            assertThat(RfcCodec.readLeaf(in)).isEqualTo(leaf);
            assertThat(in.atEnd()).isTrue();
        }
    }

    @Test
    void anUnknownTypeRefKindIsMalformed() {
        assertThat(Refusals.codeOf(() -> RfcCodec.readTypeRef(new ScaleReader(new byte[] {23}))))
                .isEqualTo(MetadataError.MALFORMED);
    }

    @Test
    void extrinsicMetadataAndExtraInfoReadBackAsWritten() {
        ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, TypeRef.perId(1), TypeRef.perId(2), TypeRef.voidRef(),
                List.of(new SignedExtensionMetadata("CheckMetadataHash", TypeRef.perId(3), TypeRef.perId(4))));
        ExtraInfo info = new ExtraInfo(2_000_000, "polkadot", 0, 10, "DOT");
        ScaleWriter out = new ScaleWriter();
        RfcCodec.writeExtrinsic(out, extrinsic);
        RfcCodec.writeExtraInfo(out, info);
        ScaleReader in = new ScaleReader(out.toByteArray());
        assertThat(RfcCodec.readExtrinsic(in)).isEqualTo(extrinsic);
        assertThat(RfcCodec.readExtraInfo(in)).isEqualTo(info);
        assertThat(in.atEnd()).isTrue();
    }
}
