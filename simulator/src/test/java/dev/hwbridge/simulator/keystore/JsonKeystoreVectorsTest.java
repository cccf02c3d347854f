package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every JSON case of the polkadot-js 14 reference vectors, reproduced or refused as polkadot-js does. */
class JsonKeystoreVectorsTest {

    private static final byte[] PASSWORD = JsonKeystore.passwordBytes(Vectors.text("/constants/jsonPassword"));

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void deterministicExportIsByteForByteThePolkadotJsFile(KeyScheme scheme) {
        String base = "/jsonExports/" + scheme.id();
        JsonKeystore.ExportParameters fixed = new JsonKeystore.ExportParameters(
                Vectors.hex(base + "/deterministic/salt"), Vectors.hex(base + "/deterministic/nonce"),
                ScryptParams.DEFAULT, Vectors.at(base + "/deterministic/json/meta/whenCreated").asLong());

        String json = JsonKeystore.export(scheme,
                Vectors.hex(base + "/decryptedBreakdown/secretKey"), Vectors.hex(base + "/publicKey"), PASSWORD,
                Vectors.text(base + "/deterministic/json/meta/name"), Ss58Prefix.SUBSTRATE, fixed);

        assertThat(json).isEqualTo(Vectors.json(base + "/deterministic/json"));
        byte[] encoded = Base64.getDecoder().decode(Vectors.text(base + "/deterministic/json/encoded"));
        assertThat(encoded).isEqualTo(Vectors.hex(base + "/deterministic/encodedHex"));
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void polkadotJsEncryptedExportsOpenWithTheirPassword(KeyScheme scheme) {
        String base = "/jsonExports/" + scheme.id();

        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json(base + "/toJsonEncrypted"), PASSWORD);

        assertThat(account.scheme()).isEqualTo(scheme);
        assertThat(account.secret()).isEqualTo(Vectors.hex(base + "/decryptedBreakdown/secretKey"));
        assertThat(account.publicKey()).isEqualTo(Vectors.hex(base + "/decryptedBreakdown/publicKey"))
                .isEqualTo(Vectors.hex(base + "/publicKey"));
        assertThat(account.address()).isEqualTo(Vectors.text(base + "/toJsonEncrypted/address"));
        assertThat(account.meta()).isEqualTo(Vectors.at(base + "/toJsonEncrypted/meta"));
        assertThat(new Pkcs8Body(account.secret(), account.publicKey()).encode())
                .isEqualTo(Vectors.hex(base + "/decryptedPkcs8"));
    }

    @ParameterizedTest
    @EnumSource(KeyScheme.class)
    void polkadotJsUnencryptedExportsOpenWithoutAPassword(KeyScheme scheme) {
        String base = "/jsonExports/" + scheme.id();

        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json(base + "/toJsonUnencrypted"), null);

        assertThat(account.scheme()).isEqualTo(scheme);
        assertThat(account.secret()).isEqualTo(Vectors.hex(base + "/decryptedBreakdown/secretKey"));
        assertThat(account.publicKey()).isEqualTo(Vectors.hex(base + "/publicKey"));
        assertThat(Base64.getDecoder().decode(Vectors.text(base + "/toJsonUnencrypted/encoded")))
                .isEqualTo(Vectors.hex(base + "/unencryptedEncodedHex"));
    }

    @Test
    void ethereumFilesAreUnsupported() {
        assertError(Vectors.json("/jsonExports/ethereum/toJsonEncrypted"), PASSWORD,
                SignerError.UNSUPPORTED_JSON, "ethereum accounts are not supported");
        assertError(Vectors.json("/jsonExports/ethereum/toJsonUnencrypted"), null,
                SignerError.UNSUPPORTED_JSON, "ethereum accounts are not supported");
    }

    @Test
    void v2FileWithoutScryptOpensWithThePaddedPassword() {
        String json = Vectors.json("/legacyAndEdgeDecode/v2NoScrypt/json");

        // The generator imported it into an ed25519 keyring: content[1] wins.
        DecryptedAccount account = JsonKeystore.decrypt(json, PASSWORD, KeyScheme.ED25519);

        assertThat(account.scheme().id()).isEqualTo(Vectors.text("/legacyAndEdgeDecode/v2NoScrypt/type"));
        assertThat(account.address()).isEqualTo(Vectors.text("/legacyAndEdgeDecode/v2NoScrypt/address"));
        assertThat(account.secret()).isEqualTo(Vectors.hex("/jsonExports/sr25519/decryptedBreakdown/secretKey"));
        assertError(json, "correct horsf".getBytes(StandardCharsets.UTF_8),
                SignerError.WRONG_PASSWORD, "unable to decrypt: wrong password");
    }

    @Test
    void v3FileWithHexEncodedOpens() {
        ObjectNode file = cheapSr25519File();
        file.put("encoded", Hex.toHex(Base64.getDecoder().decode(file.get("encoded").asText())));

        DecryptedAccount account = JsonKeystore.decrypt(file.toString(), PASSWORD);

        assertThat(Vectors.at("/legacyAndEdgeDecode/v3HexEncoded/decodes").asBoolean()).isTrue();
        assertThat(account.secret()).isEqualTo(TestFiles.sr25519Secret());
    }

    @Test
    void versionZeroIgnoresContentAndUsesTheCallersScheme() {
        ObjectNode file = cheapSr25519File();
        ObjectNode encoding = (ObjectNode) file.get("encoding");
        encoding.put("content", "whatever");
        encoding.put("version", "0");

        DecryptedAccount account = JsonKeystore.decrypt(file.toString(), PASSWORD);

        assertThat(account.scheme().id()).isEqualTo(Vectors.text("/legacyAndEdgeDecode/v0ContentIgnored/type"));
        assertThat(account.secret()).isEqualTo(TestFiles.sr25519Secret());

        ObjectNode plain = copy("/jsonExports/sr25519/toJsonUnencrypted");
        ((ObjectNode) plain.get("encoding")).put("version", "0");
        assertThat(JsonKeystore.decrypt(plain.toString(), null, KeyScheme.ED25519).scheme()).isEqualTo(KeyScheme.ED25519);
    }

    @Test
    void v3WithNonPkcs8ContentIsUnsupported() {
        ObjectNode file = copy("/jsonExports/sr25519/toJsonEncrypted");
        ((ObjectNode) file.get("encoding")).putArray("content").add("batch-pkcs8");

        assertThat(Vectors.at("/legacyAndEdgeDecode/v3NonPkcs8/accepted").asBoolean()).isFalse();
        assertError(file.toString(), PASSWORD, SignerError.UNSUPPORTED_JSON, "encoding.content does not start with pkcs8");
        assertError(Vectors.json("/uiKeyring/backupAccounts/json"), PASSWORD,
                SignerError.UNSUPPORTED_JSON, "encoding.content does not start with pkcs8");
    }

    @Test
    void aWrongPasswordIsOneTypedError() {
        assertThat(Vectors.at("/legacyAndEdgeDecode/wrongPassword/ok").asBoolean()).isFalse();
        assertError(cheapSr25519File().toString(), "wrong".getBytes(StandardCharsets.UTF_8),
                SignerError.WRONG_PASSWORD, "unable to decrypt: wrong password");
    }

    @Test
    void disallowedScryptParametersAreUnsupported() {
        ObjectNode file = copy("/jsonExports/sr25519/toJsonEncrypted");
        byte[] encoded = Base64.getDecoder().decode(file.get("encoded").asText());
        encoded[32] = 0;
        encoded[33] = 0;
        encoded[34] = 1;
        encoded[35] = 0;
        file.put("encoded", Base64.getEncoder().encodeToString(encoded));

        assertThat(Vectors.at("/legacyAndEdgeDecode/disallowedScryptParams/accepted").asBoolean()).isFalse();
        assertError(file.toString(), PASSWORD, SignerError.UNSUPPORTED_JSON, "are not accepted");
    }

    @Test
    void generationOneAndTwoSeedBodyOpens() {
        byte[] publicKey = Vectors.hex("/legacyAndEdgeDecode/seedLayoutGen12/decodedPublicKey");
        String json = unencryptedFile("ed25519", Vectors.hex("/legacyAndEdgeDecode/seedLayoutGen12/plaintext"),
                Ss58.encode(publicKey, Ss58Prefix.SUBSTRATE));

        DecryptedAccount account = JsonKeystore.decrypt(json, null);

        assertThat(account.secret()).isEqualTo(Vectors.hex("/constants/DEV_SEED"));
        assertThat(account.publicKey()).isEqualTo(publicKey);
    }

    @Test
    void ecdsaBodyOpensWithItsWholeCompressedKey() {
        byte[] publicKey = Vectors.hex("/jsonExports/ecdsa/publicKey");
        String json = unencryptedFile("ecdsa", Vectors.hex("/legacyAndEdgeDecode/ecdsaDecode/plaintext"), Hex.toHex(publicKey));

        DecryptedAccount account = JsonKeystore.decrypt(json, null);

        assertThat(account.secret()).hasSize(Vectors.at("/legacyAndEdgeDecode/ecdsaDecode/decodedSecretLength").asInt());
        assertThat(account.publicKey()).isEqualTo(publicKey);
    }

    @Test
    void externalAccountFileDecodesToItsPublicKeyAlone() {
        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json("/external/toJson"), null);

        assertThat(account.scheme()).isEqualTo(KeyScheme.ED25519);
        assertThat(account.isPublicOnly()).isTrue();
        assertThat(account.secret()).isEmpty();
        assertThat(account.publicKey()).isEqualTo(hardwarePublicKey());
        assertThat(account.address()).isEqualTo(Vectors.text("/external/toJson/address"));
        assertThat(account.meta()).isEqualTo(Vectors.at("/external/addFromAddressMeta"));
    }

    @Test
    void encryptedExternalAccountFileDecodesToItsPublicKeyAlone() {
        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json("/external/toJsonWithPasswordFreshPair"), PASSWORD);

        assertThat(account.secret()).isEmpty();
        assertThat(account.publicKey()).isEqualTo(hardwarePublicKey());
    }

    @Test
    void externalAccountWithEmptyEncodedTakesItsKeyFromTheAddress() {
        ObjectNode file = copy("/external/toJson");
        file.put("encoded", "");

        assertThat(Vectors.at("/external/reimportEmptyEncoded/accepted").asBoolean()).isTrue();
        DecryptedAccount account = JsonKeystore.decrypt(file.toString(), null);
        assertThat(account.secret()).isEmpty();
        assertThat(account.publicKey()).isEqualTo(hardwarePublicKey());
    }

    @Test
    void aFileWithoutEncodingIsMalformed() {
        ObjectNode file = copy("/external/toJson");
        file.remove("encoding");

        assertThat(Vectors.at("/external/reimportNoEncoding/accepted").asBoolean()).isFalse();
        assertError(file.toString(), null, SignerError.INVALID_JSON, "encoding is missing");
    }

    @Test
    void uiKeyringHardwareAccountDecodesToItsPublicKey() {
        JsonNode returned = Vectors.at("/uiKeyring/addHardware/returnedJson");

        DecryptedAccount account = JsonKeystore.decrypt(returned.toString(), null);

        assertThat(account.scheme().id()).isEqualTo(Vectors.text("/uiKeyring/addHardware/pairType"));
        assertThat(account.secret()).isEmpty();
        assertThat("account:" + Hex.toHex(account.publicKey())).isEqualTo(Vectors.text("/uiKeyring/addHardware/storeKey"));
        assertThat(account.meta().get("isHardware").asBoolean()).isTrue();
        assertThat(account.meta().get("accountIndex").asInt()).isZero();
    }

    @Test
    void uiKeyringSingleAccountBackupOpens() {
        JsonNode backup = Vectors.at("/uiKeyring/backupAccount");

        DecryptedAccount account = JsonKeystore.decrypt(backup.toString(), PASSWORD);

        assertThat(account.scheme()).isEqualTo(KeyScheme.SR25519);
        assertThat(account.secret()).hasSize(64);
        assertThat(Ss58.encode(account.publicKey(), Ss58Prefix.SUBSTRATE)).isEqualTo(backup.get("address").asText());
        assertThat(account.meta().get("name").asText()).isEqualTo("batch-member");
    }

    private static byte[] hardwarePublicKey() {
        // ui-keyring stores the account under "account:0x<public key>".
        return Hex.fromHex(Vectors.text("/uiKeyring/addHardware/storeKey").substring("account:".length()));
    }

    private static ObjectNode cheapSr25519File() {
        return Vectors.object(
                TestFiles.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(), PASSWORD));
    }

    private static ObjectNode copy(String pointer) {
        return Vectors.at(pointer).deepCopy();
    }

    private static String unencryptedFile(String type, byte[] body, String address) {
        ObjectNode file = Vectors.MAPPER.createObjectNode();
        file.put("encoded", Base64.getEncoder().encodeToString(body));
        ObjectNode encoding = file.putObject("encoding");
        encoding.putArray("content").add("pkcs8").add(type);
        encoding.putArray("type").add("none");
        encoding.put("version", "3");
        file.put("address", address);
        file.putObject("meta");
        return file.toString();
    }

    static void assertError(String json, byte[] password, SignerError code, String message) {
        assertThatThrownBy(() -> JsonKeystore.decrypt(json, password))
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageContaining(message);
    }
}
