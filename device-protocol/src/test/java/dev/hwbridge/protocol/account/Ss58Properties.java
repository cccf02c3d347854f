package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class Ss58Properties {

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    @Property
    void randomAccountIdsRoundTripForEveryPrefix(@ForAll @Size(32) byte[] accountId,
                                                 @ForAll("prefixes") Ss58Prefix prefix) {
        String address = Ss58.encode(accountId, prefix);
        assertThat(Ss58.decode(address)).isEqualTo(new Ss58Address(prefix, accountId));
    }

    @Property
    void everyPayloadLengthRoundTripsWithOneBytePrefixes(@ForAll("payloads") byte[] payload,
                                                         @ForAll @IntRange(max = 63) int value) {
        Assume.that(value != 46 && value != 47);
        Ss58Prefix prefix = Ss58Prefix.of(value);
        assertThat(Ss58.decode(Ss58.encode(payload, prefix))).isEqualTo(new Ss58Address(prefix, payload));
    }

    @Property
    void aSingleChangedCharacterIsNeverAWrongSuccess(@ForAll @Size(32) byte[] accountId,
                                                     @ForAll("prefixes") Ss58Prefix prefix,
                                                     @ForAll @IntRange(max = 1000) int position,
                                                     @ForAll @IntRange(max = 57) int replacement) {
        String address = Ss58.encode(accountId, prefix);
        int at = position % address.length();
        char changed = ALPHABET.charAt(replacement);
        Assume.that(address.charAt(at) != changed);
        String mutated = address.substring(0, at) + changed + address.substring(at + 1);
        try {
            assertThat(Ss58.decode(mutated)).isNotEqualTo(new Ss58Address(prefix, accountId));
        } catch (FormatException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    @Property
    void aSingleFlippedBitIsNeverAWrongSuccess(@ForAll @Size(32) byte[] accountId,
                                               @ForAll("prefixes") Ss58Prefix prefix,
                                               @ForAll @IntRange(max = 37 * 8 - 1) int bit) {
        byte[] raw = Base58.decode(Ss58.encode(accountId, prefix));
        int index = (bit / 8) % raw.length;
        raw[index] ^= (byte) (1 << (bit % 8));
        try {
            assertThat(Ss58.decode(Base58.encode(raw))).isNotEqualTo(new Ss58Address(prefix, accountId));
        } catch (FormatException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    @Property
    void randomBase58TextIsRefusedWithAFormatExceptionOrDecodes(@ForAll("base58Text") String text) {
        try {
            Ss58Address decoded = Ss58.decode(text);
            // Whatever decodes must be an address some encoder could make.
            assertThat(Ss58.decode(decoded.encode())).isEqualTo(decoded);
        } catch (FormatException expected) {
            assertThat(expected.code()).isNotNull();
        }
    }

    @Provide
    Arbitrary<Ss58Prefix> prefixes() {
        return Arbitraries.integers().between(0, Ss58Prefix.MAX_VALUE)
                .filter(v -> v != 46 && v != 47)
                .edgeCases(edges -> edges.add(63, 64, 16383))
                .map(Ss58Prefix::of);
    }

    @Provide
    Arbitrary<byte[]> payloads() {
        return Arbitraries.of(1, 2, 4, 8, 32, 33)
                .flatMap(length -> Arbitraries.bytes().array(byte[].class).ofSize(length));
    }

    @Provide
    Arbitrary<String> base58Text() {
        return Arbitraries.strings().withChars(ALPHABET.toCharArray()).ofMinLength(1).ofMaxLength(60);
    }
}
