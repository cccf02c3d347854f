package dev.hwbridge.simulator.keystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.simulator.error.SignerError;
import dev.hwbridge.simulator.error.SignerException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/**
 * Export→decrypt round trips, and files that are junk, mutated or cut short. Encrypted files use
 * the cheapest accepted scrypt parameters (N = 2^15) so the tries stay affordable.
 */
class JsonKeystoreProperties {

    private static final byte[] PASSWORD = "correct horse".getBytes(StandardCharsets.UTF_8);
    private static final String ENCRYPTED = TestFiles.export(
            KeyScheme.SR25519, TestFiles.sr25519Secret(), TestFiles.sr25519PublicKey(), PASSWORD);
    private static final String UNENCRYPTED = Vectors.json("/jsonExports/sr25519/toJsonUnencrypted");

    /** One key as the keys layer would hand it over; the keystore does not check curve points. */
    record Account(KeyScheme scheme, byte[] secret, byte[] publicKey) {
    }

    @Property(tries = 10)
    void exportThenDecryptRestoresTheAccountAndRefusesAnyOtherPassword(
            @ForAll("accounts") Account account,
            @ForAll @StringLength(min = 1, max = 40) String password,
            @ForAll @StringLength(max = 30) String name,
            @ForAll("prefixes") Ss58Prefix prefix,
            @ForAll("salts") byte[] salt,
            @ForAll("nonces") byte[] nonce) {
        byte[] key = JsonKeystore.passwordBytes(password);
        Assume.that(key.length > 0);

        String json = JsonKeystore.export(account.scheme(), account.secret(), account.publicKey(), key, name, prefix,
                new JsonKeystore.ExportParameters(salt, nonce, TestFiles.CHEAP, 1L));
        DecryptedAccount opened = JsonKeystore.decrypt(json, key);

        assertThat(opened.scheme()).isEqualTo(account.scheme());
        assertThat(opened.secret()).isEqualTo(account.secret());
        assertThat(opened.publicKey()).isEqualTo(account.publicKey());
        assertThat(opened.meta().get("name").asText()).isEqualTo(name);
        assertThat(opened.address()).isEqualTo(account.scheme() == KeyScheme.ECDSA
                ? Hex.toHex(account.publicKey()) : Ss58.encode(account.publicKey(), prefix));

        // Not "key plus a zero byte": scrypt's HMAC pads keys with zeros, so that one opens too.
        byte[] other = key.clone();
        other[other.length - 1] ^= 0x01;
        assertThatThrownBy(() -> JsonKeystore.decrypt(json, other))
                .isInstanceOfSatisfying(SignerException.class,
                        e -> assertThat(e.code()).isEqualTo(SignerError.WRONG_PASSWORD))
                .hasMessage("unable to decrypt: wrong password");
    }

    @Property(tries = 1000)
    void junkTextIsATypedError(@ForAll String json) {
        assertThatThrownBy(() -> JsonKeystore.decrypt(json, PASSWORD)).isInstanceOf(SignerException.class);
    }

    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void junkFieldsAreATypedErrorOrAFaithfulDecode(@ForAll("junkFiles") String json) {
        try {
            DecryptedAccount account = JsonKeystore.decrypt(json, PASSWORD);
            // Only a file whose every field is valid opens; its key must then be the one it holds.
            assertThat(account.publicKey()).isEqualTo(TestFiles.sr25519PublicKey());
            Statistics.collect("opened");
        } catch (SignerException expected) {
            assertThat(expected.code()).isNotNull();
            assertThat(expected.getMessage()).doesNotContain("correct horse");
            Statistics.collect(expected.code());
        }
    }

    @Property(tries = 30)
    void aMutatedEncryptedFileIsRefusedOrOpensToTheSameKey(
            @ForAll @IntRange(min = 0, max = 10_000) int position,
            @ForAll("mutations") Mutation mutation,
            @ForAll char replacement) {
        String mutated = mutation.apply(ENCRYPTED, position % ENCRYPTED.length(), replacement);
        try {
            DecryptedAccount account = JsonKeystore.decrypt(mutated, PASSWORD);
            assertThat(account.secret()).isEqualTo(TestFiles.sr25519Secret());
            assertThat(account.publicKey()).isEqualTo(TestFiles.sr25519PublicKey());
        } catch (SignerException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    @Property(tries = 100)
    void truncatedEncodedIsATypedError(@ForAll boolean encrypted, @ForAll @IntRange(min = 1, max = 10_000) int cut) {
        ObjectNode file = Vectors.object(encrypted ? ENCRYPTED : UNENCRYPTED);
        String encoded = file.get("encoded").asText();
        file.put("encoded", encoded.substring(0, 1 + cut % (encoded.length() - 1)));

        assertThatThrownBy(() -> JsonKeystore.decrypt(file.toString(), PASSWORD)).isInstanceOf(SignerException.class);
    }

    @Property(tries = 200)
    void passwordBytesNeverFail(@ForAll String password) {
        byte[] key = JsonKeystore.passwordBytes(password);

        assertThat(key.length).isLessThanOrEqualTo(password.length() * 3);
    }

    @Provide
    Arbitrary<Account> accounts() {
        return Arbitraries.of(KeyScheme.class).flatMap(scheme -> {
            int secretLength = scheme == KeyScheme.ECDSA ? 32 : 64;
            int publicLength = scheme == KeyScheme.ECDSA ? 33 : 32;
            return Combinators.combine(bytes(secretLength), bytes(publicLength))
                    .as((secret, publicKey) -> account(scheme, secret, publicKey));
        });
    }

    @Provide
    Arbitrary<Ss58Prefix> prefixes() {
        return Arbitraries.integers().between(0, Ss58Prefix.MAX_VALUE)
                .filter(p -> p != 46 && p != 47)
                .map(Ss58Prefix::of);
    }

    @Provide
    Arbitrary<byte[]> salts() {
        return bytes(32);
    }

    @Provide
    Arbitrary<byte[]> nonces() {
        return bytes(24);
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Arbitraries.of(Mutation.class);
    }

    /** Files built field by field, each field mostly valid, else nearly valid or wrong. */
    @Provide
    Arbitrary<String> junkFiles() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode unencrypted = Vectors.object(UNENCRYPTED);
        ObjectNode encrypted = Vectors.object(ENCRYPTED);
        Arbitrary<JsonNode> anyText = Arbitraries.strings().ofMaxLength(60).map(f::textNode);
        Arbitrary<JsonNode> encoded = mostly(
                Arbitraries.of(unencrypted.get("encoded"), encrypted.get("encoded")),
                Arbitraries.oneOf(
                        Arbitraries.of(f.textNode(""), f.textNode("0x"), f.nullNode(), f.numberNode(7), f.arrayNode()),
                        anyText,
                        bytes(0, 300).map(b -> f.textNode(Base64.getEncoder().encodeToString(b))),
                        bytes(0, 200).map(b -> f.textNode(Hex.toHex(b)))));
        Arbitrary<JsonNode> version = mostly(
                Arbitraries.of(f.textNode("3"), f.textNode("2"), f.textNode("0")),
                Arbitraries.of(f.textNode("4"), f.numberNode(3), f.nullNode(), f.textNode("")));
        Arbitrary<JsonNode> content = mostly(
                Arbitraries.of(array(f, "pkcs8", "sr25519")),
                Arbitraries.of(array(f, "pkcs8", "ed25519"), array(f, "pkcs8", "ecdsa"), array(f, "pkcs8", "ethereum"),
                        array(f, "pkcs8"), array(f), f.textNode("pkcs8"), array(f, "batch-pkcs8"), f.nullNode(),
                        f.objectNode()));
        Arbitrary<JsonNode> type = mostly(
                Arbitraries.of(array(f, "scrypt", "xsalsa20-poly1305"), array(f, "none"), f.textNode("none")),
                Arbitraries.of(f.textNode("xsalsa20-poly1305"), array(f, "scrypt"), array(f), f.numberNode(1),
                        f.nullNode()));
        Arbitrary<JsonNode> encoding = mostly(
                Combinators.combine(version, content, type).as((v, c, t) -> {
                    ObjectNode node = f.objectNode();
                    node.set("content", c);
                    node.set("type", t);
                    node.set("version", v);
                    return node;
                }),
                Arbitraries.of(f.nullNode(), f.textNode("none"), f.arrayNode()));
        Arbitrary<JsonNode> address = mostly(
                Arbitraries.of(unencrypted.get("address"), f.textNode(Hex.toHex(TestFiles.sr25519PublicKey())),
                        encrypted.get("address")),
                Arbitraries.oneOf(anyText, Arbitraries.of(
                        f.textNode(Hex.toHex(Vectors.hex("/jsonExports/ecdsa/publicKey"))),
                        f.textNode(Ss58.encode(new byte[32], Ss58Prefix.POLKADOT)), f.nullNode(), f.booleanNode(true))));
        Arbitrary<JsonNode> meta = mostly(
                Arbitraries.of(unencrypted.get("meta"), f.objectNode(), f.nullNode()),
                Arbitraries.of(f.textNode("m"), f.numberNode(1)));
        return Combinators.combine(encoded, encoding, address, meta).as((e, enc, a, m) -> {
            ObjectNode file = f.objectNode();
            file.set("encoded", e);
            file.set("encoding", enc);
            file.set("address", a);
            file.set("meta", m);
            return file.toString();
        });
    }

    private static <T> Arbitrary<T> mostly(Arbitrary<? extends T> valid, Arbitrary<? extends T> wrong) {
        return Arbitraries.frequencyOf(Tuple.of(4, valid), Tuple.of(1, wrong));
    }

    /** How one character of a file is damaged. */
    enum Mutation {
        REPLACE {
            @Override
            String apply(String text, int at, char c) {
                return text.substring(0, at) + c + text.substring(at + 1);
            }
        },
        DELETE {
            @Override
            String apply(String text, int at, char c) {
                return text.substring(0, at) + text.substring(at + 1);
            }
        },
        INSERT {
            @Override
            String apply(String text, int at, char c) {
                return text.substring(0, at) + c + text.substring(at);
            }
        };

        abstract String apply(String text, int at, char c);
    }

    private static Account account(KeyScheme scheme, byte[] secret, byte[] publicKey) {
        if (scheme == KeyScheme.ECDSA) {
            publicKey[0] = (byte) (0x02 | (publicKey[0] & 1));
        }
        if (scheme == KeyScheme.ED25519) {
            System.arraycopy(publicKey, 0, secret, 32, 32);
        }
        return new Account(scheme, secret, publicKey);
    }

    private static Arbitrary<byte[]> bytes(int length) {
        return bytes(length, length);
    }

    private static Arbitrary<byte[]> bytes(int min, int max) {
        return Arbitraries.bytes().array(byte[].class).ofMinSize(min).ofMaxSize(max);
    }

    private static ArrayNode array(JsonNodeFactory f, String... items) {
        ArrayNode node = f.arrayNode();
        Arrays.stream(items).forEach(node::add);
        return node;
    }
}
