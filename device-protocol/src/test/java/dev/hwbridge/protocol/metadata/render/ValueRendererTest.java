package dev.hwbridge.protocol.metadata.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Blake2b;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.metadata.decode.NamedValue;
import dev.hwbridge.protocol.metadata.decode.Value;
import dev.hwbridge.protocol.metadata.types.ExtraInfo;
import dev.hwbridge.protocol.metadata.types.TypeRef;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value rules of PROTOCOL.md §10.3 one at a time, on hand-made values. */
class ValueRendererTest {

    private static final ValueRenderer KUSAMA = new ValueRenderer(new ExtraInfo(1, "kusama", 2, 12, "KSM"),
            TypeRef.perId(0));
    private static final ValueRenderer.CallContext NATIVE = ValueRenderer.CallContext.NATIVE;

    private static String line(Value value, String typeName) {
        Node node = KUSAMA.value(value, typeName, NATIVE);
        assertThat(node.children()).isEmpty();
        return node.text();
    }

    private static Value.Int u128(long value) {
        return new Value.Int(BigInteger.valueOf(value), TypeRef.Kind.U128);
    }

    @Test
    void byteStringsUpTo32BytesAreHexLongerOnesTheirBlake2b() {
        byte[] thirtyTwo = new byte[32];
        Arrays.fill(thirtyTwo, (byte) 0xab);
        byte[] thirtyThree = Arrays.copyOf(thirtyTwo, 33);
        assertThat(line(new Value.Bytes(thirtyTwo), null)).isEqualTo(Hex.toHex(thirtyTwo));
        assertThat(line(new Value.Bytes(thirtyThree), null))
                .isEqualTo("33 bytes, blake2b-256 " + Hex.toHex(Blake2b.hash256(thirtyThree)));
    }

    @Test
    void bitsAreShownInTheirOrder() {
        // A u16 store 0x0201: Lsb0 bit 0 is the low bit; Msb0 bit 0 the high bit of the u16.
        assertThat(line(new Value.Bits(9, new byte[] {1, 2}, 2, true), null)).isEqualTo("9 bits 0b100000000");
        assertThat(line(new Value.Bits(9, new byte[] {1, 2}, 2, false), null)).isEqualTo("9 bits 0b000000100");
    }

    @Test
    void accountsUseTheChainsPrefix() {
        // polkadot-js: encodeAddress(new Uint8Array(32), 2).
        Value account = new Value.Composite(1, List.of("sp_core", "crypto", "AccountId32"),
                List.of(new NamedValue(null, "[u8; 32]", new Value.Bytes(new byte[32]))));
        assertThat(line(account, null)).isEqualTo("CaKWz5omakTK7ovp4m3koXrHyHb7NG3Nt7GENHbviByZpKp");
    }

    @Test
    void balancesAreInUnitsOtherIntegersPlain() {
        assertThat(line(u128(1_500_000_000_000L), "BalanceOf<T>")).isEqualTo("1.5 KSM");
        assertThat(line(u128(1_500_000_000_000L), "u128")).isEqualTo("1500000000000");
        Value amounts = new Value.Sequence(3, List.of(), TypeRef.of(TypeRef.Kind.U128), List.of(u128(10), u128(20)));
        Node node = KUSAMA.value(amounts, "Vec<BalanceOf<T>>", NATIVE);
        assertThat(node.text()).isEqualTo("2 items");
        assertThat(node.children()).extracting(Node::text).containsExactly("1: 0.00000000001 KSM", "2: 0.00000000002 KSM");
    }

    @Test
    void optionsEmptySequencesAndTuples() {
        assertThat(line(new Value.Variant(4, List.of("Option"), "None", 0, List.of()), null)).isEqualTo("None");
        assertThat(line(new Value.Variant(4, List.of("Option"), "Some", 1,
                List.of(new NamedValue(null, null, u128(7)))), null)).isEqualTo("7");
        assertThat(line(new Value.Sequence(3, List.of(), TypeRef.perId(9), List.of()), null)).isEqualTo("none");
        Node tuple = KUSAMA.value(new Value.Tuple(5, List.of(u128(1), new Value.Bool(true))), null, NATIVE);
        assertThat(tuple.children()).extracting(Node::text).containsExactly("1: 1", "2: true");
    }

    @Test
    void anAssetCallsAmountsArePlainIntegersWithTheAsset() {
        Value.Variant transfer = new Value.Variant(7, List.of("pallet_assets", "Call"), "transfer", 8, List.of(
                new NamedValue("id", "T::AssetIdParameter", new Value.Int(BigInteger.valueOf(1984), TypeRef.Kind.COMPACT_U32)),
                new NamedValue("amount", "T::Balance", u128(5))));
        Value call = new Value.Variant(0, List.of("RuntimeCall"), "Assets", 50,
                List.of(new NamedValue(null, null, transfer)));
        Node node = KUSAMA.call(call);
        assertThat(node.text()).isEqualTo("Assets.transfer");
        assertThat(node.children()).extracting(Node::text).containsExactly("id: 1984", "amount: 5 (asset 1984)");
    }
}
