package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class Ss58Test {

    private static final JsonNode SS58 = Vectors.root().get("ss58");
    private static final byte[] ALICE = Vectors.hex(SS58.get("publicKey"));

    @Test
    void encodesAliceForEveryPrefixInTheVectorsIncludingTwoByteOnes() {
        int checked = 0;
        for (JsonNode example : SS58.get("examples")) {
            Ss58Prefix prefix = Ss58Prefix.of(example.get("prefix").asInt());
            assertThat(Ss58.encode(ALICE, prefix)).as("prefix %s", prefix).isEqualTo(example.get("address").asText());
            checked++;
        }
        assertThat(checked).isEqualTo(11);
    }

    @Test
    void prefixBytesAndChecksumMatchTheVectorBreakdown() {
        for (JsonNode example : SS58.get("examples")) {
            byte[] prefixBytes = Vectors.hex(example.get("prefixBytes"));
            assertThat(Ss58.prefixBytes(example.get("prefix").asInt())).isEqualTo(prefixBytes);
            byte[] raw = Base58.decode(example.get("address").asText());
            assertThat(Arrays.copyOfRange(raw, 0, prefixBytes.length)).isEqualTo(prefixBytes);
            assertThat(Arrays.copyOfRange(raw, raw.length - 2, raw.length))
                    .isEqualTo(Vectors.hex(example.get("checksum")));
        }
    }

    @Test
    void decodesAliceForEveryPrefixInTheVectors() {
        for (JsonNode example : SS58.get("examples")) {
            Ss58Address decoded = Ss58.decode(example.get("address").asText());
            assertThat(decoded.prefix().value()).isEqualTo(example.get("prefix").asInt());
            assertThat(decoded.accountId()).isEqualTo(ALICE);
        }
    }

    @Test
    void everyDerivedAddressIsEncodedFromItsPublicKeyAndDecodesBack() {
        int checked = 0;
        for (JsonNode derivation : Vectors.derivations()) {
            for (KeyScheme scheme : KeyScheme.values()) {
                JsonNode pair = derivation.get(scheme.id());
                if (!pair.has("publicKey")) {
                    continue; // ed25519/ecdsa refuse soft paths; the vector records the error instead
                }
                byte[] accountId = AccountId.of(scheme, Vectors.hex(pair.get("publicKey")));
                Iterator<Map.Entry<String, JsonNode>> addresses = pair.get("addresses").fields();
                while (addresses.hasNext()) {
                    Map.Entry<String, JsonNode> entry = addresses.next();
                    Ss58Prefix prefix = Ss58Prefix.parse(entry.getKey());
                    String address = entry.getValue().asText();
                    assertThat(Ss58.encode(accountId, prefix)).isEqualTo(address);
                    assertThat(Ss58.decode(address)).isEqualTo(new Ss58Address(prefix, accountId));
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void suriFormAddressesMatchToo() {
        for (JsonNode form : Vectors.root().get("suriForms")) {
            for (KeyScheme scheme : KeyScheme.values()) {
                JsonNode pair = form.get(scheme.id());
                if (pair.has("publicKey")) {
                    byte[] accountId = AccountId.of(scheme, Vectors.hex(pair.get("publicKey")));
                    assertThat(Ss58.encode(accountId, Ss58Prefix.SUBSTRATE)).isEqualTo(pair.get("address42").asText());
                }
            }
        }
    }

    @Test
    void everyAllowedPrefixRoundTripsAndTakesTheRightForm() {
        int checked = 0;
        for (int value = 0; value <= Ss58Prefix.MAX_VALUE; value++) {
            if (value == 46 || value == 47) {
                continue;
            }
            Ss58Prefix prefix = Ss58Prefix.of(value);
            String address = Ss58.encode(ALICE, prefix);
            assertThat(Base58.decode(address)).hasSize(value < 64 ? 35 : 36);
            assertThat(Ss58.decode(address)).isEqualTo(new Ss58Address(prefix, ALICE));
            checked++;
        }
        assertThat(checked).isEqualTo(16382);
    }

    @Test
    void shortAccountIndexPayloadsUseOneChecksumByteAndRoundTrip() {
        for (int length : new int[] {1, 2, 4, 8}) {
            byte[] payload = new byte[length];
            Arrays.fill(payload, (byte) 7);
            String address = Ss58.encode(payload, Ss58Prefix.KUSAMA);
            byte[] raw = Base58.decode(address);
            assertThat(raw).hasSize(1 + length + 1);
            byte[] hash = Blake2b.hash512("SS58PRE".getBytes(StandardCharsets.US_ASCII), new byte[] {2}, payload);
            assertThat(raw[raw.length - 1]).isEqualTo(hash[0]);
            assertThat(Ss58.decode(address)).isEqualTo(new Ss58Address(Ss58Prefix.KUSAMA, payload));
        }
    }

    @Test
    void payloadsOfOtherLengthsCannotBeEncoded() {
        for (int length : new int[] {0, 3, 16, 31, 34, 64}) {
            assertThatThrownBy(() -> Ss58.encode(new byte[length], Ss58Prefix.SUBSTRATE))
                    .isInstanceOfSatisfying(FormatException.class,
                            e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_LENGTH));
        }
    }

    @Test
    void aChangedChecksumIsBadChecksum() {
        byte[] raw = Base58.decode(Ss58.encode(ALICE, Ss58Prefix.POLKADOT));
        raw[raw.length - 1] ^= 1;
        assertCode(Base58.encode(raw), FormatError.BAD_CHECKSUM);
    }

    @Test
    void aChangedPayloadIsBadChecksum() {
        byte[] raw = Base58.decode(Ss58.encode(ALICE, Ss58Prefix.POLKADOT));
        raw[10] ^= 0x40;
        assertCode(Base58.encode(raw), FormatError.BAD_CHECKSUM);
    }

    @Test
    void theReservedHighBitOfTheFirstByteIsInvalidAddress() {
        assertCode(Base58.encode(withChecksum(new byte[] {(byte) 0x80, 0}, ALICE, 2)), FormatError.INVALID_ADDRESS);
    }

    @Test
    void reservedPrefixes46And47AreRefusedInTheOneByteForm() {
        assertCode(Base58.encode(withChecksum(new byte[] {46}, ALICE, 2)), FormatError.INVALID_PREFIX);
        assertCode(Base58.encode(withChecksum(new byte[] {47}, ALICE, 2)), FormatError.INVALID_PREFIX);
    }

    @Test
    void reservedPrefixes46And47AreRefusedInTheTwoByteFormWherePolkadotJsLetsThemThrough() {
        // 46 = ((0x4b & 0x3f) << 2) | (0x80 >> 6); 47 likewise with the next low bit.
        assertCode(Base58.encode(withChecksum(new byte[] {0x4b, (byte) 0x80}, ALICE, 2)), FormatError.INVALID_PREFIX);
        assertCode(Base58.encode(withChecksum(new byte[] {0x4b, (byte) 0xc0}, ALICE, 2)), FormatError.INVALID_PREFIX);
    }

    @Test
    void aNonCanonicalTwoByteFormOfASmallPrefixIsAcceptedAsPolkadotJsDoes() {
        String address = Base58.encode(withChecksum(new byte[] {0x40, 0x00}, ALICE, 2));
        Ss58Address decoded = Ss58.decode(address);
        assertThat(decoded).isEqualTo(new Ss58Address(Ss58Prefix.POLKADOT, ALICE));
        assertThat(decoded.encode()).isEqualTo(Ss58.encode(ALICE, Ss58Prefix.POLKADOT)).isNotEqualTo(address);
    }

    @Test
    void lengthsPolkadotJsLetsThroughWithNonsensePayloadsAreInvalidLength() {
        // One-byte prefix, 35-byte payload, 1 checksum byte: raw length 37 is in polkadot-js's list.
        assertCode(Base58.encode(withChecksum(new byte[] {0}, new byte[35], 1)), FormatError.INVALID_LENGTH);
        // Two-byte prefix, empty payload: raw length 3.
        assertCode(Base58.encode(withChecksum(new byte[] {0x50, 0x00}, new byte[0], 1)), FormatError.INVALID_LENGTH);
        // Two-byte prefix, 32-byte payload with a 1-byte checksum: raw length 35.
        assertCode(Base58.encode(withChecksum(new byte[] {0x50, 0x00}, ALICE, 1)), FormatError.INVALID_LENGTH);
    }

    @Test
    void aTwoBytePrefixWithATwoBytePayloadEncodesButDoesNotDecodeAsInPolkadotJs() {
        String address = Ss58.encode(new byte[] {1, 2}, Ss58Prefix.of(64));
        assertThat(Base58.decode(address)).hasSize(5);
        assertCode(address, FormatError.INVALID_LENGTH);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 5, 7, 11, 34, 39, 48})
    void decodedLengthsOutsidePolkadotJsListAreInvalidLength(int length) {
        byte[] raw = new byte[length];
        raw[0] = 42;
        assertCode(Base58.encode(raw), FormatError.INVALID_LENGTH);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"0xd43593c715fdd31c61141abd04a99fd6",
        "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQ0", " 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"})
    void emptyHexOrNonBase58TextIsInvalidAddress(String address) {
        assertCode(address, FormatError.INVALID_ADDRESS);
    }

    @Test
    void overlongTextIsInvalidLengthWithoutDecoding() {
        assertCode("2".repeat(Ss58.MAX_ADDRESS_LENGTH + 1), FormatError.INVALID_LENGTH);
    }

    @Test
    void addressesAreValuesWithDefensiveCopies() {
        byte[] id = ALICE.clone();
        Ss58Address address = new Ss58Address(Ss58Prefix.SUBSTRATE, id);
        id[0] ^= 1;
        address.accountId()[1] ^= 1;
        assertThat(address.accountId()).isEqualTo(ALICE);
        assertThat(address).isEqualTo(new Ss58Address(Ss58Prefix.SUBSTRATE, ALICE.clone()))
                .hasSameHashCodeAs(new Ss58Address(Ss58Prefix.SUBSTRATE, ALICE.clone()))
                .isNotEqualTo(new Ss58Address(Ss58Prefix.POLKADOT, ALICE));
        assertThat(address.toString()).contains("42").contains(Hex.toHex(ALICE));
        assertThat(address.encode()).isEqualTo("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY");
    }

    /** {@code prefixBytes ‖ payload ‖ checksum} with a correct checksum of the given length. */
    private static byte[] withChecksum(byte[] prefixBytes, byte[] payload, int checksumLength) {
        byte[] hash = Blake2b.hash512("SS58PRE".getBytes(StandardCharsets.US_ASCII), prefixBytes, payload);
        byte[] raw = new byte[prefixBytes.length + payload.length + checksumLength];
        System.arraycopy(prefixBytes, 0, raw, 0, prefixBytes.length);
        System.arraycopy(payload, 0, raw, prefixBytes.length, payload.length);
        System.arraycopy(hash, 0, raw, prefixBytes.length + payload.length, checksumLength);
        return raw;
    }

    private static void assertCode(String address, FormatError code) {
        assertThatThrownBy(() -> Ss58.decode(address))
                .isInstanceOfSatisfying(FormatException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
