package dev.hwbridge.protocol.metadata.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.metadata.MetadataVectors;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The screen lines of the reference transactions, by the rules of PROTOCOL.md ("Clear signing"). */
class TransactionRendererTest {

    private static RenderedTransaction render(String name) {
        MetadataVectors.ProofCase vector = MetadataVectors.proof(name);
        return TransactionRenderer.render(PayloadVerifier.verify(vector.proof(), vector.payload(), vector.metadataHash()));
    }

    static List<MetadataVectors.ProofCase> proofs() {
        return MetadataVectors.proofs();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("proofs")
    void theTitleIsTheCallAsTheMetadataSpellsIt(MetadataVectors.ProofCase vector) {
        assertThat(render(vector.name()).call()).isEqualTo(vector.json().get("call").asText());
    }

    @Test
    void aTransferShowsTheFullAddressTheAmountInDotAndTheExtensions() {
        assertThat(render("polkadot-transfer-keep-alive-tip").lines()).containsExactly(
                "dest: 128vLZaJq5DUArT9TDsQ61pu6PapQUrSQdSzaMx1C6W89jZt",
                "value: 16.8229343461 DOT",
                "mortality: mortal, period 32, phase 31",
                "nonce: 1924",
                "tip: 0.0001234567 DOT");
    }

    @Test
    void anImmortalTransactionSaysSo() {
        assertThat(render("polkadot-transfer-keep-alive-tip-immortal").lines()).contains("mortality: immortal");
    }

    @Test
    void aBatchShowsEachCallAsANestedSection() {
        assertThat(render("kusama-batch-all-transfers").lines()).containsExactly(
                "calls: 3 calls",
                "  call 1: Balances.transfer_keep_alive",
                "    dest: JMEsRsiKKDaHKaE8AiA7NBLjZxoQ75JfztevCn74avPzEDu",
                "    value: 0.08039349526 KSM",
                "  call 2: Balances.transfer_allow_death",
                "    dest: CprQrMGhnwxtwEXHfvJ7BGm7GEbYb5pachibAujbJ3KNNX6",
                "    value: 5.845157969284 KSM",
                "  call 3: Balances.transfer_keep_alive",
                "    dest: ERtkiNmKRubRDgfBHeWA4BvmWDqKaR3TNFWP5fQwmbhqjow",
                "    value: 2.59188572532 KSM",
                "mortality: mortal, period 64, phase 49",
                "nonce: 1045",
                "tip: 0.001 KSM");
    }

    @Test
    void aProxyCallShowsTheCallItWraps() {
        assertThat(render("polkadot-proxy-transfer").lines()).startsWith(
                "real: 1RkTTbhkNFdsV5b23SZ4sxqdgEDGFbTwnMwFgYq53gyrjVA",
                "force_proxy_type: Any",
                "call: Balances.transfer_keep_alive",
                "  dest: 13iGawzjv4Hk9pPRNUxxEjAW1WTUdrwfUkkkypngS6JEfYYS",
                "  value: 21.8200778111 DOT");
    }

    @Test
    void anAssetAmountIsAPlainIntegerWithItsAssetIdNeverTheNativeSymbol() {
        assertThat(render("asset-hub-polkadot-assets-transfer-keep-alive-fee-in-usdt").lines()).containsExactly(
                "id: 1984",
                "target: 14zPitJ1diu7tj8fcLzLSsXx5BUurMEa2zf7pnhEH5TM19uf",
                "amount: 3321327079 (asset 1984)",
                "mortality: mortal, period 256, phase 109",
                "nonce: 1552",
                "tip: 0 DOT",
                "fee asset: Location",
                "  parents: 0",
                "  interior: X2",
                "    1: PalletInstance(50)",
                "    2: GeneralIndex(1984)");
    }

    @Test
    void aForeignAssetsAmountPointsAtItsLocationArgument() {
        assertThat(render("asset-hub-kusama-foreign-assets-transfer-dot").lines()).containsExactly(
                "id: Location",
                "  parents: 2",
                "  interior: X1",
                "    1: GlobalConsensus(Polkadot)",
                "target: E1bobtSBCqxvz3AuPR9MegGFvPpzuEStqKGNVgNUHL49NgA",
                "amount: 326161842272 (asset in id)",
                "mortality: mortal, period 256, phase 0",
                "nonce: 638",
                "tip: 0 KSM",
                "fee asset: native");
    }

    @Test
    void aLongByteStringIsShownByItsBlake2b() {
        assertThat(render("polkadot-system-remark-300").lines()).first().isEqualTo(
                "remark: 300 bytes, blake2b-256 0xf4673e1a0c1f5871e1cbeeafcc84e516da63a03ef613fc69c117aa255f7d25e5");
    }

    @Test
    void enumsShowTheirVariantNamesAndXcmItsStructure() {
        assertThat(render("polkadot-xcm-transfer-assets-v4").lines()).startsWith(
                "dest: V4",
                "  parents: 0",
                "  interior: X1",
                "    1: Parachain(1000)",
                "beneficiary: V4",
                "  parents: 0",
                "  interior: X1",
                "    1: AccountId32",
                "      network: None",
                "      id: 0xa30916af77de1fc0ae79ac59b9ae7f8f2dcfdc8f82f56a7b37a01b0368987e5d",
                "assets: V4",
                "  1: Asset",
                "    id: Location",
                "      parents: 0",
                "      interior: Here",
                "    fun: Fungible(714970195864)",
                "fee_asset_item: 0",
                "weight_limit: Unlimited");
    }

    @Test
    void aStakingPayeeAccountIsAnAddress() {
        assertThat(render("polkadot-staking-bond-to-account").lines()).startsWith(
                "value: 4744.1169881659 DOT",
                "payee: Account(16FzjYrzKGWBLX9uaUvzAjmttPQa8QaXC6iPDBmFZmjzyFGQ)");
    }
}
