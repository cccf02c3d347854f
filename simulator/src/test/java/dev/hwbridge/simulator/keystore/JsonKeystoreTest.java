package dev.hwbridge.simulator.keystore;

import static dev.hwbridge.simulator.keystore.JsonKeystoreVectorsTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.AccountId;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonKeystoreTest {

    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);
    private static final byte[] ECDSA_SECRET = Vectors.hex("/jsonExports/ecdsa/decryptedBreakdown/secretKey");
    private static final byte[] ECDSA_PUBLIC = Vectors.hex("/jsonExports/ecdsa/publicKey");

    @Test
    void randomExportUsesDefaultParamsAndFreshSaltAndNonce() {
        String first = JsonKeystore.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(),
                PASSWORD, "mine", Ss58Prefix.KUSAMA);
        String second = JsonKeystore.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(),
                PASSWORD, "mine", Ss58Prefix.KUSAMA);

        EncodedLayout a = layoutOf(first);
        EncodedLayout b = layoutOf(second);
        assertThat(a.params()).isEqualTo(ScryptParams.DEFAULT);
        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.sealed().nonce()).isNotEqualTo(b.sealed().nonce());
        assertThat(Vectors.object(first).get("meta").get("whenCreated").asLong())
                .isCloseTo(System.currentTimeMillis(), offset(600_000L));

        DecryptedAccount account = JsonKeystore.decrypt(first, PASSWORD);
        assertThat(account.secret()).isEqualTo(TestFiles.sr25519Secret());
        assertThat(account.address()).isEqualTo(Ss58.encode(TestFiles.sr25519PublicKey(), Ss58Prefix.KUSAMA));
    }

    @Test
    void exportLaysOutTheFileAsPolkadotJs() {
        String json = TestFiles.export(KeyScheme.ECDSA, ECDSA_SECRET, ECDSA_PUBLIC, PASSWORD);

        assertThat(json).startsWith("{\"encoded\":\"")
                .contains("\",\"encoding\":{\"content\":[\"pkcs8\",\"ecdsa\"],\"type\":[\"scrypt\",\"xsalsa20-poly1305\"],"
                        + "\"version\":\"3\"},\"address\":\"" + Hex.toHex(ECDSA_PUBLIC) + "\","
                        + "\"meta\":{\"name\":\"test\",\"whenCreated\":1700000000000}}");
        assertThat(Base64.getDecoder().decode(Vectors.object(json).get("encoded").asText())).hasSize(170);
    }

    @Test
    void exportEscapesTheNameAsJsonStringify() {
        String name = "a\"b\\c\n\t\u0001\u001f\u007f é \u2028 \uD83D\uDE00 \uD800";
        String json = JsonKeystore.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(),
                PASSWORD, name, Ss58Prefix.POLKADOT, new JsonKeystore.ExportParameters(
                        new byte[32], new byte[24], TestFiles.CHEAP, 5));

        assertThat(json).endsWith("\"meta\":{\"name\":\"a\\\"b\\\\c\\n\\t\\u0001\\u001f\u007f é \u2028 \uD83D\uDE00 \\ud800\","
                + "\"whenCreated\":5}}");
        assertThat(Vectors.object(json).get("meta").get("name").asText()).isEqualTo(name);
    }

    @Test
    void exportWithoutANameLeavesItOut() {
        String json = JsonKeystore.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(),
                PASSWORD, null, Ss58Prefix.POLKADOT, new JsonKeystore.ExportParameters(
                        new byte[32], new byte[24], TestFiles.CHEAP, 42));

        assertThat(json).endsWith(",\"meta\":{\"whenCreated\":42}}");
    }

    @Test
    void exportRefusesAMissingOrEmptyPassword() {
        for (byte[] password : new byte[][] {null, new byte[0]}) {
            assertThatThrownBy(() -> TestFiles.export(KeyScheme.SR25519, TestFiles.sr25519Secret(),
                    TestFiles.sr25519PublicKey(), password))
                    .isInstanceOfSatisfying(SignerException.class,
                            e -> assertThat(e.code()).isEqualTo(SignerError.PASSWORD_REQUIRED));
        }
    }

    @Test
    void exportRefusesKeysOfTheWrongShape() {
        byte[] sr = TestFiles.sr25519Secret();
        byte[] srPublic = TestFiles.sr25519PublicKey();
        byte[] uncompressed = ECDSA_PUBLIC.clone();
        uncompressed[0] = 0x04;
        byte[] edSecret = Vectors.hex("/jsonExports/ed25519/decryptedBreakdown/secretKey");

        assertInvalidKey(() -> TestFiles.export(KeyScheme.SR25519, Arrays.copyOf(sr, 32), srPublic, PASSWORD), "64 bytes");
        assertInvalidKey(() -> TestFiles.export(KeyScheme.SR25519, sr, Arrays.copyOf(srPublic, 33), PASSWORD), "32 bytes");
        assertInvalidKey(() -> TestFiles.export(KeyScheme.ECDSA, sr, ECDSA_PUBLIC, PASSWORD), "32 bytes");
        assertInvalidKey(() -> TestFiles.export(KeyScheme.ECDSA, ECDSA_SECRET, uncompressed, PASSWORD), "compressed");
        assertInvalidKey(() -> TestFiles.export(KeyScheme.ED25519, edSecret, srPublic, PASSWORD), "ends with its public key");
        assertInvalidKey(() -> TestFiles.export(KeyScheme.SR25519, null, srPublic, PASSWORD), "64 bytes");
    }

    @Test
    void exportLeavesTheCallersArraysAlone() {
        byte[] secret = TestFiles.sr25519Secret();
        byte[] password = PASSWORD.clone();

        TestFiles.export(KeyScheme.SR25519, secret, TestFiles.sr25519PublicKey(), password);

        assertThat(secret).isEqualTo(TestFiles.sr25519Secret());
        assertThat(password).isEqualTo(PASSWORD);
    }

    @Test
    void anEncryptedFileWithoutAPasswordNeedsOne() {
        assertError(Vectors.json("/jsonExports/sr25519/toJsonEncrypted"), null,
                SignerError.PASSWORD_REQUIRED, "a password is required");
    }

    @Test
    void anEmptyPasswordIsTriedLikeAnyOther() {
        // polkadot-js opens with an empty key material (the password "0x"), so it is not refused up front.
        String json = TestFiles.export(KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(), PASSWORD);

        assertError(json, new byte[0], SignerError.WRONG_PASSWORD, "unable to decrypt: wrong password");
    }

    @Test
    void anUnencryptedFileIgnoresAnyPassword() {
        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json("/jsonExports/ed25519/toJsonUnencrypted"), PASSWORD);

        assertThat(account.secret()).isEqualTo(Vectors.hex("/jsonExports/ed25519/decryptedBreakdown/secretKey"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "not json          | INVALID_JSON     | json is not valid JSON (line 1, column",
        "[]                | INVALID_JSON     | json is not an object",
        "{} {}             | INVALID_JSON     | json is not valid JSON",
        "{\"a\":1,\"a\":2} | INVALID_JSON     | json is not valid JSON",
        "{}                | INVALID_JSON     | encoding is missing",
        "{\"encoding\":[]} | INVALID_JSON     | encoding is not an object",
        "{\"encoding\":{}} | INVALID_JSON     | encoding.version is missing",
        "{\"encoding\":{\"version\":3}}     | INVALID_JSON     | encoding.version is not a string",
        "{\"encoding\":{\"version\":\"4\"}} | UNSUPPORTED_JSON | encoding.version is not 0, 1, 2 or 3",
        "{\"encoding\":{\"version\":\"3\"}} | INVALID_JSON     | encoding.content is missing",
    })
    void malformedFilesNameTheirFault(String json, SignerError code, String message) {
        assertError(json, null, code, message);
    }

    @Test
    void eachFieldIsCheckedByName() {
        String base = "/jsonExports/sr25519/toJsonUnencrypted";
        assertFieldError(base, f -> encoding(f).putArray("content").add("pkcs8"), SignerError.INVALID_JSON,
                "encoding.content[1] is missing");
        assertFieldError(base, f -> encoding(f).putArray("content").add("pkcs8").add("secp256r1"),
                SignerError.UNSUPPORTED_JSON, "encoding.content[1] is not sr25519, ed25519 or ecdsa");
        assertFieldError(base, f -> encoding(f).put("content", "pkcs8"), SignerError.UNSUPPORTED_JSON,
                "encoding.content does not start with pkcs8");
        assertFieldError(base, f -> encoding(f).remove("type"), SignerError.INVALID_JSON, "encoding.type is missing");
        assertFieldError(base, f -> encoding(f).put("type", 5), SignerError.INVALID_JSON,
                "encoding.type is not a string or an array of strings");
        assertFieldError(base, f -> encoding(f).putArray("type").add(1), SignerError.INVALID_JSON,
                "encoding.type is not a string or an array of strings");
        assertFieldError(base, f -> encoding(f).putArray("type").add("scrypt"), SignerError.UNSUPPORTED_JSON,
                "encoding.type is not");
        assertFieldError(base, f -> f.remove("encoded"), SignerError.INVALID_JSON, "encoded is missing");
        assertFieldError(base, f -> f.put("encoded", 5), SignerError.INVALID_JSON, "encoded is not a string");
        assertFieldError(base, f -> f.put("encoded", "abc"), SignerError.INVALID_JSON, "encoded is not base64");
        assertFieldError(base, f -> f.put("encoded", "ab$="), SignerError.INVALID_JSON, "encoded is not base64");
        assertFieldError(base, f -> f.put("encoded", "A".repeat(4100)), SignerError.INVALID_JSON,
                "encoded is longer than 4096 characters");
        assertFieldError(base, f -> f.put("encoded", "0x"), SignerError.INVALID_JSON, "no pkcs8 header");
        assertFieldError(base, f -> f.remove("address"), SignerError.INVALID_JSON, "address is missing");
        assertFieldError(base, f -> f.put("address", true), SignerError.INVALID_JSON, "address is not a string");
        assertFieldError(base, f -> f.put("address", "5NotAnAddress"), SignerError.INVALID_JSON,
                "address is not a valid SS58 address");
        assertFieldError(base, f -> f.put("address", "0x1234"), SignerError.INVALID_JSON,
                "address is hex but not a sr25519 public key");
        assertFieldError(base, f -> f.put("address", "x".repeat(129)), SignerError.INVALID_JSON,
                "address is longer than 128 characters");
        assertFieldError(base, f -> f.put("address", Ss58.encode(new byte[32], Ss58Prefix.SUBSTRATE)),
                SignerError.INVALID_JSON, "address does not match the public key in encoded");
        assertFieldError(base, f -> f.put("meta", "x"), SignerError.INVALID_JSON, "meta is not an object");
        assertFieldError("/jsonExports/sr25519/toJsonEncrypted", f -> f.put("encoded", ""), SignerError.INVALID_JSON,
                "encoded is empty but encoding.type says it is encrypted");
    }

    @Test
    void aMissingMetaReadsAsEmpty() {
        ObjectNode file = Vectors.at("/jsonExports/sr25519/toJsonUnencrypted").deepCopy();
        file.remove("meta");

        assertThat(JsonKeystore.decrypt(file.toString(), null).meta().isEmpty()).isTrue();
    }

    @Test
    void anEcdsaFileMayCarryTheSs58AddressOfItsAccountId() {
        ObjectNode file = Vectors.at("/jsonExports/ecdsa/toJsonUnencrypted").deepCopy();
        String ss58 = Ss58.encode(AccountId.of(KeyScheme.ECDSA, ECDSA_PUBLIC), Ss58Prefix.POLKADOT);
        file.put("address", ss58);

        DecryptedAccount account = JsonKeystore.decrypt(file.toString(), null);

        assertThat(account.publicKey()).isEqualTo(ECDSA_PUBLIC);
        assertThat(account.address()).isEqualTo(ss58);
        file.put("encoded", "");
        assertError(file.toString(), null, SignerError.INVALID_JSON, "needs the hex public key as its address");
    }

    @Test
    void anOversizedFileIsRefusedBeforeParsing() {
        String json = "{\"meta\":\"" + "x".repeat(KeystoreFile.MAX_JSON_CHARS) + "\"}";

        assertError(json, null, SignerError.INVALID_JSON, "json is longer than 65536 characters");
        assertError(null, null, SignerError.INVALID_JSON, "json is missing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0x1234     | 0x1234",
        "0x         | 0x",
        "0xABcd     | 0xabcd",
        "0x123      | 0x3078313233",
        "0X12       | 0x30583132",
        "1234       | 0x31323334",
        "0x12 34    | 0x30783132203334",
    })
    void passwordBytesFollowU8aToU8a(String password, String expected) {
        assertThat(JsonKeystore.passwordBytes(password)).isEqualTo(Hex.fromHex(expected));
    }

    @Test
    void passwordBytesKeepUnicodeUnnormalised() {
        assertThat(JsonKeystore.passwordBytes("\u00e9")).containsExactly(0xc3, 0xa9);
        assertThat(JsonKeystore.passwordBytes("e\u0301")).containsExactly(0x65, 0xcc, 0x81);
        assertThat(JsonKeystore.passwordBytes(null)).isEmpty();
    }

    @Test
    void decryptedAccountHidesAndZeroesItsSecret() {
        DecryptedAccount account = JsonKeystore.decrypt(Vectors.json("/jsonExports/sr25519/toJsonUnencrypted"), null);
        byte[] secret = account.secret();
        String secretHex = Hex.toHex(secret).substring(2);

        assertThat(account.toString()).doesNotContain(secretHex.substring(0, 16)).contains("secret=64 bytes");
        secret[0] ^= 1;
        assertThat(account.secret()).isEqualTo(TestFiles.sr25519Secret());
        assertThat(account).isEqualTo(JsonKeystore.decrypt(Vectors.json("/jsonExports/sr25519/toJsonUnencrypted"), null));
        account.close();
        assertThat(account.secret()).containsOnly(0);
    }

    private static void assertFieldError(String pointer, Consumer<ObjectNode> change, SignerError code, String message) {
        ObjectNode file = Vectors.at(pointer).deepCopy();
        change.accept(file);
        assertError(file.toString(), null, code, message);
    }

    private static ObjectNode encoding(ObjectNode file) {
        return (ObjectNode) file.get("encoding");
    }

    private static EncodedLayout layoutOf(String json) {
        byte[] encoded = Base64.getDecoder().decode(Vectors.object(json).get("encoded").asText());
        return EncodedLayout.parse(encoded, 0);
    }

    private static void assertInvalidKey(ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOfSatisfying(SignerException.class, e -> assertThat(e.code()).isEqualTo(SignerError.INVALID_KEY))
                .hasMessageContaining(message);
    }
}
