package dev.hwbridge.simulator.device;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hwbridge.protocol.account.Hex;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadSummaryTest {

    private static final String GENESIS = "91b171bb158e2d3848fa23a9f1c25182fb8e20313b2c1eb49219da7a70ce90c3";
    private static final String BLOCK = "b0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe";
    private static final String SPEC_TX = "f84d0f00" + "1a000000";

    @Test
    void theWorkedExampleGivesEverythingButAnEraThatCannotBeToldApart() {
        byte[] payload = Hex.fromHex("0x050300d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d0700e40b5402"
                + "000000" + SPEC_TX + GENESIS + GENESIS);
        assertThat(PayloadSummary.lines(payload)).containsExactly(
                "era: could not decode, nonce 0, tip 0",
                "spec 1003000, tx version 26",
                "genesis 0x" + GENESIS);
    }

    @Test
    void aMortalEraNonceAndTipBeforeAMetadataHashModeZeroAreRead() {
        byte[] payload = bytes("000105" + "0c010203", "8502", "14", "02093d00", "00", SPEC_TX, GENESIS, BLOCK, "00");
        assertThat(PayloadSummary.lines(payload)).containsExactly(
                "era mortal (period 64, phase 40), nonce 5, tip 1000000",
                "spec 1003000, tx version 26",
                "genesis 0x" + GENESIS);
    }

    @Test
    void aPayloadCarryingAMetadataHashIsRead() {
        byte[] payload = bytes("0503f0", "00", "a10f", "00", "01", SPEC_TX, GENESIS, BLOCK, "01", BLOCK);
        assertThat(PayloadSummary.lines(payload)).containsExactly(
                "era immortal, nonce 1000, tip 0",
                "spec 1003000, tx version 26",
                "genesis 0x" + GENESIS);
    }

    @Test
    void aBigTipInTheLongCompactFormIsRead() {
        // tip 2^32 + 1: compact mode 3 with 5 bytes.
        byte[] payload = bytes("0503f0", "00", "00", "070100000001", SPEC_TX, GENESIS, BLOCK);
        assertThat(PayloadSummary.lines(payload).get(0)).isEqualTo("era immortal, nonce 0, tip 4294967297");
    }

    @Test
    void aTailThatReadsTwoWaysIsNotGuessed() {
        // Tip 0 and a block hash ending in 00: read without a metadata hash, or as mode 0 with None.
        String block = BLOCK.substring(0, 62) + "00";
        byte[] payload = bytes("0503f0f0f0f0", "00", "00", "00", "1a000000" + "1a000000", GENESIS, block);
        List<String> lines = PayloadSummary.lines(payload);
        assertThat(lines.get(1)).isEqualTo("spec and tx version: could not decode");
        assertThat(lines.get(2)).isEqualTo("genesis: could not decode");
        assertThat(lines.get(0)).isEqualTo("era: could not decode, nonce: could not decode, tip: could not decode");
    }

    @Test
    void aShortOrOddPayloadDecodesNothing() {
        assertThat(PayloadSummary.lines(new byte[] {1, 2, 3})).containsExactly(
                "era: could not decode, nonce: could not decode, tip: could not decode",
                "spec and tx version: could not decode",
                "genesis: could not decode");
        // A transaction version over 16 bits is no transaction version.
        byte[] payload = bytes("0503f0", "00", "00", "00", "f84d0f00" + "00000100", GENESIS, BLOCK);
        assertThat(PayloadSummary.lines(payload).get(1)).isEqualTo("spec and tx version: could not decode");
    }

    @Test
    void compactsMustBeCanonical() {
        assertThat(PayloadSummary.compactEndingAt(Hex.fromHex("0x0100"), 0, 2)).isEmpty();
        assertThat(PayloadSummary.compactEndingAt(Hex.fromHex("0x0101"), 0, 2)).hasValue(java.math.BigInteger.valueOf(64));
        assertThat(PayloadSummary.compactEndingAt(Hex.fromHex("0x02000100"), 0, 4)).hasValue(java.math.BigInteger.valueOf(1 << 14));
        assertThat(PayloadSummary.compactEndingAt(Hex.fromHex("0x03ffffff3f"), 0, 5)).isEmpty();
        assertThat(PayloadSummary.compactEndingAt(Hex.fromHex("0x0300000040"), 0, 5)).hasValue(java.math.BigInteger.valueOf(1L << 30));
    }

    @Test
    void erasAreReadAsSubstrateReadsThem() {
        assertThat(PayloadSummary.mortal((byte) 0x85, (byte) 0x02)).hasValue("mortal (period 64, phase 40)");
        assertThat(PayloadSummary.mortal((byte) 0x00, (byte) 0x02)).isEmpty();
        assertThat(PayloadSummary.mortal((byte) 0xF0, (byte) 0x00)).isEmpty();
        assertThat(PayloadSummary.mortal((byte) 0x14, (byte) 0x02)).isEmpty();
    }

    private static byte[] bytes(String... hexParts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String part : hexParts) {
            out.writeBytes(Hex.fromHex("0x" + part));
        }
        return out.toByteArray();
    }
}
