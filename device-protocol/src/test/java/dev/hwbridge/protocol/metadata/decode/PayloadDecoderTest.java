package dev.hwbridge.protocol.metadata.decode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.MetadataError;
import dev.hwbridge.protocol.metadata.Refusals;
import dev.hwbridge.protocol.metadata.proof.ProofTypes;
import dev.hwbridge.protocol.metadata.scale.Primitive;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.SignedExtensionMetadata;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding with hand-made type information: strictness and bounds. */
class PayloadDecoderTest {

    /** A payload that is just a call of type #0 (no signed extensions). */
    private static DecodedPayload decode(String payloadHex, TypeLeaf... leaves) {
        ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, TypeRef.voidRef(), TypeRef.perId(0), TypeRef.voidRef(),
                List.of());
        return PayloadDecoder.decode(extrinsic, ProofTypes.of(List.of(leaves)), Hex.fromHex(payloadHex));
    }

    private static MetadataError refusal(String payloadHex, TypeLeaf... leaves) {
        return Refusals.codeOf(() -> decode(payloadHex, leaves));
    }

    private static TypeLeaf struct(int id, Field... fields) {
        return new TypeLeaf(List.of("Call"), new TypeDef.Composite(List.of(fields)), id);
    }

    private static Field field(String name, TypeRef type, String typeName) {
        return new Field(name, type, typeName);
    }

    @Test
    void fieldsKeepTheirNamesTypeNamesAndValues() {
        DecodedPayload payload = decode("0x2a00" + "01" + "0c444f54" + "a10f",
                struct(0, field("n", TypeRef.of(Primitive.U16), "u16"), field("b", TypeRef.of(Primitive.BOOL), null),
                        field("s", TypeRef.of(Primitive.STR), "Vec<u8>"),
                        field("c", TypeRef.of(TypeRef.Kind.COMPACT_U128), "Compact<Balance>")));

        Value.Composite call = (Value.Composite) payload.call();
        assertThat(call.path()).containsExactly("Call");
        assertThat(call.fields()).containsExactly(
                new NamedValue("n", "u16", new Value.Int(BigInteger.valueOf(42), TypeRef.Kind.U16)),
                new NamedValue("b", null, new Value.Bool(true)),
                new NamedValue("s", "Vec<u8>", new Value.Text("DOT")),
                new NamedValue("c", "Compact<Balance>", new Value.Int(BigInteger.valueOf(1000), TypeRef.Kind.COMPACT_U128)));
    }

    @Test
    void anEnumDecodesTheVariantTheDataNames() {
        TypeLeaf none = new TypeLeaf(List.of("Option"), new TypeDef.Enumeration("None", List.of(), 0), 0);
        TypeLeaf some = new TypeLeaf(List.of("Option"),
                new TypeDef.Enumeration("Some", List.of(field(null, TypeRef.of(Primitive.U8), null)), 1), 0);
        assertThat(decode("0x0107", none, some).call()).isEqualTo(new Value.Variant(0, List.of("Option"), "Some", 1,
                List.of(new NamedValue(null, null, new Value.Int(BigInteger.valueOf(7), TypeRef.Kind.U8)))));
        assertThat(refusal("0x0107", none)).isEqualTo(MetadataError.UNKNOWN_TYPE);
    }

    @Test
    void byteSequencesAreOneValue() {
        TypeLeaf bytes = new TypeLeaf(List.of(), new TypeDef.Sequence(TypeRef.of(Primitive.U8)), 0);
        assertThat(decode("0x0c010203", bytes).call()).isEqualTo(new Value.Bytes(new byte[] {1, 2, 3}));
        assertThat(refusal("0x0c0102", bytes)).isEqualTo(MetadataError.TRUNCATED);
    }

    @Test
    void valuesAreStrictAsTheRuntimesDecoder() {
        assertThat(refusal("0x02", struct(0, field("b", TypeRef.of(Primitive.BOOL), null))))
                .isEqualTo(MetadataError.MALFORMED);
        assertThat(refusal("0x0500", struct(0, field("c", TypeRef.of(TypeRef.Kind.COMPACT_U32), null))))
                .isEqualTo(MetadataError.MALFORMED);
        assertThat(refusal("0x0104", struct(0, field("c", TypeRef.of(TypeRef.Kind.COMPACT_U8), null))))
                .isEqualTo(MetadataError.MALFORMED);
        assertThat(refusal("0x00d80000", struct(0, field("c", TypeRef.of(Primitive.CHAR), null))))
                .isEqualTo(MetadataError.MALFORMED);
        assertThat(refusal("0x04ff", struct(0, field("s", TypeRef.of(Primitive.STR), null))))
                .isEqualTo(MetadataError.MALFORMED);
    }

    @Test
    void bytesLeftAfterTheLastExtensionAreRefused() {
        assertThat(refusal("0x0700", struct(0, field("n", TypeRef.of(Primitive.U8), null))))
                .isEqualTo(MetadataError.TRAILING_BYTES);
    }

    @Test
    void aReferenceToATypeTheProofLacksIsUnknown() {
        assertThat(refusal("0x00", struct(0, field("x", TypeRef.perId(5), null)))).isEqualTo(MetadataError.UNKNOWN_TYPE);
    }

    @Test
    void aTypeThatContainsItselfStopsAtTheDepthBound() {
        // struct #0 { next: Option<#0> } with every Option Some: only the bound ends it.
        TypeLeaf node = struct(0, field("next", TypeRef.perId(1), null));
        TypeLeaf some = new TypeLeaf(List.of("Option"),
                new TypeDef.Enumeration("Some", List.of(field(null, TypeRef.perId(0), null)), 1), 1);
        assertThat(refusal("0x" + "01".repeat(1000), node, some)).isEqualTo(MetadataError.LIMIT_EXCEEDED);
    }

    @Test
    void manyValuesOfNoBytesStopAtTheValueBound() {
        // A Vec<()> of 2^30 elements decodes from five bytes; the value budget refuses it at once.
        TypeLeaf voids = new TypeLeaf(List.of(), new TypeDef.Sequence(TypeRef.voidRef()), 0);
        assertThat(refusal("0x0300000040", voids)).isEqualTo(MetadataError.LIMIT_EXCEEDED);
        TypeLeaf array = new TypeLeaf(List.of(), new TypeDef.Array(0xffffffffL, TypeRef.voidRef()), 0);
        assertThat(refusal("0x", array)).isEqualTo(MetadataError.LIMIT_EXCEEDED);
    }

    @Test
    void bitSequencesTakeWholeStoreUnits() {
        TypeLeaf bits = new TypeLeaf(List.of(), new TypeDef.BitSequence(2, true), 0);
        assertThat(decode("0x240102", bits).call()).isEqualTo(new Value.Bits(9, new byte[] {1, 2}, 2, true));
        assertThat(refusal("0x2401", bits)).isEqualTo(MetadataError.TRUNCATED);
    }

    @Test
    void extensionsAreReadInTheExtrinsicThenInTheSignedData() {
        ExtrinsicMetadata extrinsic = new ExtrinsicMetadata(4, TypeRef.voidRef(), TypeRef.of(Primitive.U8),
                TypeRef.voidRef(), List.of(
                        new SignedExtensionMetadata("A", TypeRef.of(Primitive.U8), TypeRef.of(Primitive.U16)),
                        new SignedExtensionMetadata("B", TypeRef.of(Primitive.U8), TypeRef.voidRef())));
        DecodedPayload payload = PayloadDecoder.decode(extrinsic, ProofTypes.of(List.of()),
                Hex.fromHex("0x01" + "02" + "03" + "0405"));

        assertThat(payload.extensions()).extracting(DecodedExtension::identifier).containsExactly("A", "B");
        assertThat(payload.extension("A").orElseThrow().inExtrinsicBytes()).containsExactly(2);
        assertThat(payload.extension("A").orElseThrow().inSignedDataBytes()).containsExactly(4, 5);
        assertThat(payload.extension("B").orElseThrow().inExtrinsicBytes()).containsExactly(3);
        assertThat(payload.extension("B").orElseThrow().inSignedData()).isEqualTo(new Value.Void());
    }
}
