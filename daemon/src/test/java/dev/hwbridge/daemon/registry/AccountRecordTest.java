package dev.hwbridge.daemon.registry;

import static dev.hwbridge.daemon.testing.TestAccounts.CREATED;
import static dev.hwbridge.daemon.testing.TestAccounts.POLKADOT_GENESIS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hwbridge.daemon.testing.TestAccounts;
import dev.hwbridge.protocol.account.EthereumAddress;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AccountRecordTest {

    private static final byte[] KEY = TestAccounts.publicKey(KeyScheme.SR25519, 1);
    private static final String ADDRESS = TestAccounts.address(KeyScheme.SR25519, KEY, 0);

    private static AccountRecord sr(String address, String publicKey, String path, int ss58Format, String genesis) {
        return new AccountRecord("n", address, publicKey, "sr25519", path, false, ss58Format, genesis, null, null,
                CREATED);
    }

    @Test
    void validRecordIsCanonicalised() {
        AccountRecord record = new AccountRecord("n", ADDRESS, Hex.toHex(KEY).toUpperCase(Locale.ROOT).replace("0X", "0x"),
                "SR25519", "//polkadot/0", true, 0, POLKADOT_GENESIS.toUpperCase(Locale.ROOT).replace("0X", "0x"),
                "main", null, CREATED);

        assertThat(record.publicKey()).isEqualTo(Hex.toHex(KEY));
        assertThat(record.scheme()).isEqualTo("sr25519");
        assertThat(record.genesisHash()).isEqualTo(POLKADOT_GENESIS);
        assertThat(record.accountId()).isEqualTo(KEY);
        assertThat(record.keyScheme()).isEqualTo(KeyScheme.SR25519);
    }

    @Test
    void addressOfAnotherKeyIsRefused() {
        String other = TestAccounts.address(KeyScheme.SR25519, TestAccounts.publicKey(KeyScheme.SR25519, 2), 0);

        assertThatThrownBy(() -> sr(other, Hex.toHex(KEY), "", 0, null))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void addressInAnotherFormatThanSs58FormatIsRefused() {
        assertThatThrownBy(() -> sr(ADDRESS, Hex.toHex(KEY), "", 42, null))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void aLedgerPathIsKeptForEd25519AndRefusedForOtherSchemes() {
        byte[] key = TestAccounts.publicKey(KeyScheme.ED25519, 4);
        String address = TestAccounts.address(KeyScheme.ED25519, key, 0);

        AccountRecord record = new AccountRecord("l", address, Hex.toHex(key), "ed25519", "m/44'/354'/0'/0'/7'", false, 0,
                null, null, null, CREATED);

        assertThat(record.path()).isEqualTo("m/44'/354'/0'/0'/7'");
        assertThatThrownBy(() -> new AccountRecord("l", address, Hex.toHex(key), "ed25519", "m/44'/60'/0'/0'/7'", false, 0,
                null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("path"));
        byte[] sr = TestAccounts.publicKey(KeyScheme.SR25519, 4);
        assertThatThrownBy(() -> new AccountRecord("l", TestAccounts.address(KeyScheme.SR25519, sr, 0), Hex.toHex(sr),
                "sr25519", "m/44'/354'/0'/0'/7'", false, 0, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("path"));
    }

    @Test
    void ecdsaAddressIsTheBlake2OfTheCompressedKey() {
        byte[] key = TestAccounts.publicKey(KeyScheme.ECDSA, 3);
        String address = TestAccounts.address(KeyScheme.ECDSA, key, 2);

        AccountRecord record = new AccountRecord("e", address, Hex.toHex(key), "ecdsa", "//1", false, 2, null, null,
                null, CREATED);

        assertThat(record.accountId()).hasSize(32).isNotEqualTo(key);
        assertThatThrownBy(() -> new AccountRecord("e", TestAccounts.address(KeyScheme.SR25519, KEY, 2),
                Hex.toHex(key), "ecdsa", "", false, 2, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void unknownSchemeIsRefused() {
        assertThatThrownBy(() -> new AccountRecord("n", ADDRESS, Hex.toHex(KEY), "secp256r1", "", false, 0, null,
                null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("scheme"));
    }

    @Test
    void publicKeyOfWrongLengthIsRefused() {
        assertThatThrownBy(() -> sr(ADDRESS, "0x" + "11".repeat(33), "", 0, null))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("publicKey"));
        assertThatThrownBy(() -> sr(ADDRESS, "11".repeat(32), "", 0, null))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("publicKey"));
    }

    @Test
    void pathWithPasswordOrBadSyntaxIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> sr(ADDRESS, Hex.toHex(KEY), "//polkadot///hunter2", 0, null))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> {
                    assertThat(e.field()).isEqualTo("path");
                    assertThat(e.getMessage()).doesNotContain("hunter2");
                });
        assertThatThrownBy(() -> sr(ADDRESS, Hex.toHex(KEY), "polkadot", 0, null))
                .isInstanceOf(InvalidRecordException.class);
        assertThatThrownBy(() -> sr(ADDRESS, Hex.toHex(KEY), null, 0, null))
                .isInstanceOf(InvalidRecordException.class);
    }

    @Test
    void softJunctionIsOnlyForSr25519() {
        byte[] key = TestAccounts.publicKey(KeyScheme.ED25519, 4);
        String address = TestAccounts.address(KeyScheme.ED25519, key, 0);

        assertThatThrownBy(() -> new AccountRecord("n", address, Hex.toHex(key), "ed25519", "//a/b", false, 0, null,
                null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("path"));
        assertThat(sr(ADDRESS, Hex.toHex(KEY), "//a/b", 0, null).path()).isEqualTo("//a/b");
    }

    @Test
    void genesisHashIsThirtyTwoBytesOrNull() {
        assertThat(sr(ADDRESS, Hex.toHex(KEY), "", 0, null).genesisHash()).isNull();
        assertThatThrownBy(() -> sr(ADDRESS, Hex.toHex(KEY), "", 0, "0x1234"))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("genesisHash"));
    }

    @Test
    void boundedTextFieldsAreChecked() {
        assertThatThrownBy(() -> new AccountRecord("n".repeat(257), ADDRESS, Hex.toHex(KEY), "sr25519", "", false,
                0, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("name"));
        assertThatThrownBy(() -> new AccountRecord("n", ADDRESS, Hex.toHex(KEY), "sr25519", "", false, 0, null, "",
                null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("identity"));
        assertThatThrownBy(() -> new AccountRecord("n", ADDRESS, Hex.toHex(KEY), "sr25519", "", false, 46, null,
                null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("ss58Format"));
        assertThatThrownBy(() -> new AccountRecord("n", ADDRESS, Hex.toHex(KEY), "sr25519", "", false, 0, null, null,
                null, null))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("createdAt"));
    }

    @Test
    void sameAccountMeansSameKeyAndScheme() {
        AccountRecord a = sr(ADDRESS, Hex.toHex(KEY), "//a", 0, null);
        AccountRecord renamed = new AccountRecord("other", TestAccounts.address(KeyScheme.SR25519, KEY, 42),
                Hex.toHex(KEY), "sr25519", "//b", true, 42, null, null, null, CREATED);
        AccountRecord ed = new AccountRecord("n", TestAccounts.address(KeyScheme.ED25519, KEY, 0), Hex.toHex(KEY),
                "ed25519", "", false, 0, null, null, null, CREATED);

        assertThat(a.sameAccount(renamed)).isTrue();
        assertThat(a.sameAccount(ed)).isFalse();
    }

    // ---- scheme ethereum (a Ledger's secp256k1 keys) ----

    @Test
    void anEthereumRecordKeepsItsAddressInEip55CaseWhateverCaseItWasGiven() {
        AccountRecord lower = TestAccounts.ethereumRecord("Moonbeam");
        AccountRecord upper = new AccountRecord("Moonbeam", "0x" + TestAccounts.ETHEREUM_ADDRESS_LOWER.substring(2)
                .toUpperCase(Locale.ROOT), TestAccounts.ETHEREUM_KEY, "ethereum", TestAccounts.ETHEREUM_PATH, false, 42,
                null, null, null, CREATED);

        assertThat(lower.address()).isEqualTo(EthereumAddress.encode(Hex.fromHex(TestAccounts.ETHEREUM_ADDRESS_LOWER)))
                .isNotEqualTo(TestAccounts.ETHEREUM_ADDRESS_LOWER);
        assertThat(upper).isEqualTo(lower);
        assertThat(lower.isEthereum()).isTrue();
        assertThat(lower.accountId()).isEqualTo(Hex.fromHex(TestAccounts.ETHEREUM_ADDRESS_LOWER));
    }

    @Test
    void anEthereumAddressOfAnotherKeyIsRefused() {
        assertThatThrownBy(() -> new AccountRecord("n", "0x" + "11".repeat(20), TestAccounts.ETHEREUM_KEY, "ethereum",
                TestAccounts.ETHEREUM_PATH, false, 42, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void anEthereumRecordWithAnSs58AddressIsRefused() {
        assertThatThrownBy(() -> new AccountRecord("n", ADDRESS, TestAccounts.ETHEREUM_KEY, "ethereum",
                TestAccounts.ETHEREUM_PATH, false, 0, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("address"));
    }

    @Test
    void anEthereumRecordTakesOnlyALedgerPathAndNoPassword() {
        assertThatThrownBy(() -> new AccountRecord("n", TestAccounts.ETHEREUM_ADDRESS_LOWER, TestAccounts.ETHEREUM_KEY,
                "ethereum", "//moonbeam", false, 42, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("path"));
        assertThatThrownBy(() -> new AccountRecord("n", TestAccounts.ETHEREUM_ADDRESS_LOWER, TestAccounts.ETHEREUM_KEY,
                "ethereum", TestAccounts.ETHEREUM_PATH, true, 42, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class,
                        e -> assertThat(e.field()).isEqualTo("passwordProtected"));
    }

    @Test
    void anEthereumKeyOffTheCurveOrUncompressedIsRefused() {
        assertThatThrownBy(() -> new AccountRecord("n", TestAccounts.ETHEREUM_ADDRESS_LOWER, "0x02" + "00".repeat(32),
                "ethereum", TestAccounts.ETHEREUM_PATH, false, 42, null, null, null, CREATED))
                .isInstanceOfSatisfying(InvalidRecordException.class, e -> assertThat(e.field()).isEqualTo("publicKey"));
    }

    @Test
    void anEthereumRecordHasNoSubstrateKeyScheme() {
        assertThatThrownBy(() -> TestAccounts.ethereumRecord("n").keyScheme()).isInstanceOf(IllegalStateException.class);
    }
}
