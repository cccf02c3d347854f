package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Random text into every parser: a result or a FormatException, never another exception. */
class JunkInputProperties {

    @Property
    void ss58DecodeThrowsOnlyFormatExceptions(@ForAll String text) {
        try {
            Ss58.decode(text);
        } catch (FormatException e) {
            assertThat(e.code()).isNotNull();
        }
    }

    @Property
    void prefixParseThrowsOnlyInvalidPrefix(@ForAll String text) {
        try {
            Ss58Prefix.parse(text);
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_PREFIX);
        }
    }

    @Property
    void junctionParseThrowsOnlyInvalidPath(@ForAll String text, @ForAll boolean hard) {
        try {
            Junction junction = Junction.parse(text, hard);
            assertThat(junction.chainCode()).hasSize(Junction.CHAIN_CODE_LENGTH);
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH);
        }
    }

    @Property
    void pathParseThrowsOnlyInvalidPath(@ForAll String text) {
        try {
            DerivationPath.parse(text);
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH);
        }
    }

    @Property
    void hexAndBase58ThrowOnlyFormatExceptions(@ForAll String text) {
        try {
            Hex.fromHex(text);
        } catch (FormatException e) {
            assertThat(e.code()).isEqualTo(FormatError.INVALID_HEX);
        }
        try {
            Base58.decode(text);
        } catch (FormatException e) {
            assertThat(e.code()).isIn(FormatError.INVALID_ADDRESS, FormatError.INVALID_LENGTH);
        }
    }
}
