package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Locale;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EthereumAddressProperties {

    @Property
    void everyAddressRoundTripsThroughItsChecksummedLowerAndUpperForms(@ForAll @Size(20) byte[] address) {
        String checksummed = EthereumAddress.encode(address);

        assertThat(EthereumAddress.parse(checksummed)).isEqualTo(address);
        assertThat(EthereumAddress.parse(checksummed.toLowerCase(Locale.ROOT))).isEqualTo(address);
        assertThat(EthereumAddress.parse("0x" + checksummed.substring(2).toUpperCase(Locale.ROOT))).isEqualTo(address);
        assertThat(EthereumAddress.encode(EthereumAddress.parse(checksummed.toLowerCase(Locale.ROOT))))
                .isEqualTo(checksummed);
    }

    @Property
    void flippingTheCaseOfOneLetterOfAMixedCaseAddressIsRefused(@ForAll @Size(20) byte[] address,
                                                                @ForAll @IntRange(max = 39) int position) {
        String checksummed = EthereumAddress.encode(address);
        char c = checksummed.charAt(2 + position);
        Assume.that(Character.isLetter(c));
        char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
        String changed = checksummed.substring(0, 2 + position) + flipped + checksummed.substring(3 + position);
        String digits = changed.substring(2);
        // Flipping may make it all one case, which carries no checksum and is read as it is.
        Assume.that(!digits.equals(digits.toLowerCase(Locale.ROOT)) && !digits.equals(digits.toUpperCase(Locale.ROOT)));

        Throwable refused = catchThrowable(() -> EthereumAddress.parse(changed));

        assertThat(refused).isInstanceOf(FormatException.class);
        assertThat(((FormatException) refused).code()).isEqualTo(FormatError.BAD_CHECKSUM);
    }

    @Property
    void anyTextParsesToTwentyBytesOrIsAFormatError(@ForAll String text) {
        try {
            assertThat(EthereumAddress.parse(text)).hasSize(EthereumAddress.LENGTH);
        } catch (FormatException refused) {
            assertThat(refused.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.BAD_CHECKSUM);
        }
    }

    @Property
    void textThatLooksLikeAnAddressParsesOrIsAFormatError(@ForAll @Size(40) char[] digits) {
        String text = "0x" + new String(digits);
        try {
            assertThat(EthereumAddress.encode(EthereumAddress.parse(text))).isEqualToIgnoringCase(text);
        } catch (FormatException refused) {
            assertThat(refused.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.BAD_CHECKSUM);
        }
    }

    @Property
    void anyKeyBytesGiveTwentyBytesOrAFormatError(@ForAll @Size(min = 0, max = 70) byte[] key) {
        try {
            assertThat(EthereumAddress.ofPublicKey(key)).hasSize(EthereumAddress.LENGTH);
        } catch (FormatException refused) {
            assertThat(refused.code()).isIn(FormatError.INVALID_LENGTH, FormatError.INVALID_ADDRESS);
        }
    }

    @Property
    void anyThirtyThreeByteKeyGivesTwentyBytesOrAFormatError(@ForAll @Size(33) byte[] key,
                                                            @ForAll @IntRange(min = 2, max = 3) int prefix) {
        key[0] = (byte) prefix;
        try {
            assertThat(EthereumAddress.ofPublicKey(key)).hasSize(EthereumAddress.LENGTH);
        } catch (FormatException refused) {
            assertThat(refused.code()).isEqualTo(FormatError.INVALID_ADDRESS);
        }
    }
}
