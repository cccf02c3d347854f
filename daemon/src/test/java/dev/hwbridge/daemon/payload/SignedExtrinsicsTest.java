package dev.hwbridge.daemon.payload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.protocol.metadata.decode.TypeSource;
import dev.hwbridge.protocol.metadata.types.ExtrinsicMetadata;
import dev.hwbridge.protocol.metadata.types.Field;
import dev.hwbridge.protocol.metadata.types.TypeDef;
import dev.hwbridge.protocol.metadata.types.TypeLeaf;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer's part of a signed extrinsic follows the chain's address and signature types: the
 * types below are those of Polkadot ({@code MultiAddress}, {@code MultiSignature}) and of an
 * Ethereum-style chain such as Moonbeam ({@code AccountId20}, {@code EthereumSignature}), as
 * RFC-0078 type information holds them.
 */
class SignedExtrinsicsTest {

    private static final int ACCOUNT_ID_20 = 0;
    private static final int ETHEREUM_SIGNATURE = 2;
    private static final int MULTI_ADDRESS = 4;
    private static final int MULTI_SIGNATURE = 7;

    private static final TypeSource TYPES = types();
    private static final MetadataPayloads.Parts PARTS = new MetadataPayloads.Parts(new byte[] {5, 3}, new byte[] {0, 1},
            new byte[0]);

    private static final byte[] ACCOUNT_20 = filled(20, 0x20);
    private static final byte[] ACCOUNT_32 = filled(32, 0x32);
    private static final byte[] SIGNATURE_65 = filled(65, 0x65);
    private static final byte[] MULTI_65 = filled(66, 0x66);

    @Test
    void anEthereumStyleChainTakesTheTwentyBytesAndTheBareSixtyFiveByteSignature() throws Exception {
        byte[] extrinsic = SignedExtrinsics.v4(chain(ACCOUNT_ID_20, ETHEREUM_SIGNATURE), TYPES,
                new SignedExtrinsics.Signer(ACCOUNT_20, SIGNATURE_65, null), PARTS);

        assertThat(extrinsic).isEqualTo(withLength(concat(new byte[] {(byte) 0x84}, ACCOUNT_20, SIGNATURE_65,
                PARTS.extra(), PARTS.call())));
    }

    @Test
    void aPolkadotStyleChainTakesMultiAddressIdAndTheMultiSignature() throws Exception {
        byte[] extrinsic = SignedExtrinsics.v4(chain(MULTI_ADDRESS, MULTI_SIGNATURE), TYPES,
                new SignedExtrinsics.Signer(ACCOUNT_32, Arrays.copyOfRange(MULTI_65, 1, 66), MULTI_65), PARTS);

        assertThat(extrinsic).isEqualTo(withLength(concat(new byte[] {(byte) 0x84, 0x00}, ACCOUNT_32, MULTI_65,
                PARTS.extra(), PARTS.call())));
    }

    @Test
    void anEthereumAccountOnAPolkadotStyleChainIsRefusedAtTheAddress() {
        assertThatThrownBy(() -> SignedExtrinsics.v4(chain(MULTI_ADDRESS, MULTI_SIGNATURE), TYPES,
                new SignedExtrinsics.Signer(ACCOUNT_20, SIGNATURE_65, null), PARTS))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void aSubstrateAccountOnAnEthereumStyleChainIsRefusedAtTheAddress() {
        assertThatThrownBy(() -> SignedExtrinsics.v4(chain(ACCOUNT_ID_20, ETHEREUM_SIGNATURE), TYPES,
                new SignedExtrinsics.Signer(ACCOUNT_32, Arrays.copyOfRange(MULTI_65, 1, 66), MULTI_65), PARTS))
                .isInstanceOfSatisfying(InvalidPayloadException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void aSignatureWithoutAMultiSignatureFormIsRefusedByAMultiSignatureChain() {
        assertThatThrownBy(() -> SignedExtrinsics.v4(chain(ACCOUNT_ID_20, MULTI_SIGNATURE), TYPES,
                new SignedExtrinsics.Signer(ACCOUNT_20, SIGNATURE_65, null), PARTS))
                .isInstanceOf(InvalidPayloadException.class)
                .hasMessageContaining("not a 65-byte Ethereum-style signature");
    }

    @Test
    void fixedSizesAddUpThroughCompositesAndArraysAndNotThroughEnumsOrSequences() {
        assertThat(SignedExtrinsics.fixedSize(TypeRef.perId(ACCOUNT_ID_20), TYPES, 0)).isEqualTo(20);
        assertThat(SignedExtrinsics.fixedSize(TypeRef.perId(ETHEREUM_SIGNATURE), TYPES, 0)).isEqualTo(65);
        assertThat(SignedExtrinsics.fixedSize(TypeRef.perId(MULTI_ADDRESS), TYPES, 0)).isEqualTo(-1);
        assertThat(SignedExtrinsics.fixedSize(TypeRef.of(TypeRef.Kind.COMPACT_U32), TYPES, 0)).isEqualTo(-1);
        assertThat(SignedExtrinsics.fixedSize(TypeRef.perId(99), TYPES, 0)).isEqualTo(-1);
    }

    private static ExtrinsicMetadata chain(int addressType, int signatureType) {
        return new ExtrinsicMetadata(4, TypeRef.perId(addressType), TypeRef.of(TypeRef.Kind.VOID),
                TypeRef.perId(signatureType), List.of());
    }

    private static TypeSource types() {
        Map<Integer, TypeSource.LeafGroup> groups = new HashMap<>();
        TypeRef u8 = TypeRef.of(TypeRef.Kind.U8);
        single(groups, 0, List.of("account", "AccountId20"), new TypeDef.Composite(List.of(field(TypeRef.perId(1)))));
        single(groups, 1, List.of(), new TypeDef.Array(20, u8));
        single(groups, 2, List.of("account", "EthereumSignature"), new TypeDef.Composite(List.of(field(TypeRef.perId(3)))));
        single(groups, 3, List.of(), new TypeDef.Array(65, u8));
        single(groups, 5, List.of("sp_core", "crypto", "AccountId32"), new TypeDef.Composite(List.of(field(TypeRef.perId(6)))));
        single(groups, 6, List.of(), new TypeDef.Array(32, u8));
        single(groups, 8, List.of(), new TypeDef.Array(64, u8));
        variants(groups, MULTI_ADDRESS, List.of("sp_runtime", "multiaddress", "MultiAddress"),
                new TypeDef.Enumeration("Id", List.of(field(TypeRef.perId(5))), 0),
                new TypeDef.Enumeration("Index", List.of(field(TypeRef.of(TypeRef.Kind.COMPACT_U32))), 1),
                new TypeDef.Enumeration("Address20", List.of(field(TypeRef.perId(1))), 4));
        variants(groups, MULTI_SIGNATURE, List.of("sp_runtime", "MultiSignature"),
                new TypeDef.Enumeration("Ed25519", List.of(field(TypeRef.perId(8))), 0),
                new TypeDef.Enumeration("Sr25519", List.of(field(TypeRef.perId(8))), 1),
                new TypeDef.Enumeration("Ecdsa", List.of(field(TypeRef.perId(3))), 2));
        return groups::get;
    }

    private static void single(Map<Integer, TypeSource.LeafGroup> groups, int id, List<String> path, TypeDef def) {
        groups.put(id, new TypeSource.LeafGroup(new int[] {id}, new TypeLeaf[] {new TypeLeaf(path, def, id)}));
    }

    private static void variants(Map<Integer, TypeSource.LeafGroup> groups, int id, List<String> path,
            TypeDef.Enumeration... variants) {
        TypeLeaf[] leaves = new TypeLeaf[variants.length];
        int[] numbers = new int[variants.length];
        for (int i = 0; i < variants.length; i++) {
            leaves[i] = new TypeLeaf(path, variants[i], id);
            numbers[i] = id * 10 + i;
        }
        groups.put(id, new TypeSource.LeafGroup(numbers, leaves));
    }

    private static Field field(TypeRef type) {
        return new Field(null, type, null);
    }

    private static byte[] filled(int length, int value) {
        byte[] out = new byte[length];
        Arrays.fill(out, (byte) value);
        return out;
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    private static byte[] withLength(byte[] body) {
        return concat(Scale.compact(body.length), body);
    }
}
