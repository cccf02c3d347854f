package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class AccountIdTest {

    private static final JsonNode ROOT_DERIVATION = Vectors.root().get("mnemonics").get(0).get("derivations").get(0);

    @Test
    void sr25519AndEd25519AccountIdsAreTheKeyItselfInAFreshArray() {
        for (KeyScheme scheme : new KeyScheme[] {KeyScheme.SR25519, KeyScheme.ED25519}) {
            byte[] key = Vectors.hex(ROOT_DERIVATION.get(scheme.id()).get("publicKey"));
            byte[] id = AccountId.of(scheme, key);
            assertThat(id).isEqualTo(key).isNotSameAs(key);
        }
    }

    @Test
    void ecdsaAccountIdIsBlake2b256OfTheCompressedKey() {
        JsonNode ecdsa = ROOT_DERIVATION.get("ecdsa");
        assertThat(AccountId.of(KeyScheme.ECDSA, Vectors.hex(ecdsa.get("publicKey"))))
                .isEqualTo(Vectors.hex(ecdsa.get("accountId")))
                .isEqualTo(Hex.fromHex("0xbc9539b36a87a586b1aa20fbe23a1db3ef3edcd65b44a2dc4444cc552687633f"));
    }

    @Test
    void keysOfTheWrongLengthAreInvalidLength() {
        assertInvalidLength(KeyScheme.SR25519, new byte[33]);
        assertInvalidLength(KeyScheme.ED25519, new byte[31]);
        assertInvalidLength(KeyScheme.ECDSA, new byte[32]);
        assertInvalidLength(KeyScheme.ECDSA, new byte[65]);
        assertInvalidLength(KeyScheme.SR25519, null);
    }

    private static void assertInvalidLength(KeyScheme scheme, byte[] key) {
        assertThatThrownBy(() -> AccountId.of(scheme, key))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_LENGTH));
    }
}
