package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PolkadotGenericAppTest {

    // 44' 354' 0' 0' 0', each u32 little-endian with bit 31 set
    private static final String PATH_0 = "2c000080" + "62010080" + "00000080" + "00000080" + "00000080";

    @Test
    void getVersionIsF9ZeroWithNoData() {
        assertThat(HexBytes.text(PolkadotGenericApp.getVersion().encode())).isEqualTo("f900000000");
    }

    @Test
    void getAddressEd25519CarriesPathThenTheSs58PrefixLittleEndian() {
        Apdu apdu = PolkadotGenericApp.getAddress(new LedgerPath(0, 0, 0), LedgerScheme.ED25519, false, 0);
        assertThat(HexBytes.text(apdu.encode())).isEqualTo("f9010000" + "16" + PATH_0 + "0000");

        Apdu kusama = PolkadotGenericApp.getAddress(new LedgerPath(1, 0, 2), LedgerScheme.ED25519, true, 2);
        assertThat(HexBytes.text(kusama.encode())).isEqualTo("f9010100" + "16"
                + "2c000080" + "62010080" + "01000080" + "00000080" + "02000080" + "0200");
    }

    @Test
    void getAddressEcdsaHasP2TwoAndNoPrefix() {
        Apdu apdu = PolkadotGenericApp.getAddress(new LedgerPath(0, 0, 0), LedgerScheme.ECDSA, true, 0);
        assertThat(HexBytes.text(apdu.encode())).isEqualTo("f9010102" + "14" + PATH_0);
    }

    @Test
    void signSendsPathAndPayloadLengthThen250ByteChunksOfPayloadAndProof() {
        byte[] payload = new byte[300];
        byte[] proof = new byte[210];
        proof[209] = 0x77;
        List<Apdu> chunks = PolkadotGenericApp.sign(new LedgerPath(0, 0, 0), LedgerScheme.ED25519, payload, proof);

        assertThat(chunks).hasSize(4);
        // init: path ‖ 300 as u16 LE (2c01); the proof is not counted
        assertThat(HexBytes.text(chunks.get(0).encode())).isEqualTo("f9020000" + "16" + PATH_0 + "2c01");
        assertThat(chunks.get(1).p1()).isEqualTo(PolkadotGenericApp.P1_ADD);
        assertThat(chunks.get(1).data()).hasSize(250);
        assertThat(chunks.get(2).p1()).isEqualTo(PolkadotGenericApp.P1_ADD);
        assertThat(chunks.get(3).p1()).isEqualTo(PolkadotGenericApp.P1_LAST);
        assertThat(chunks.get(3).data()).hasSize(10).endsWith(0x77);
        assertThat(chunks).allSatisfy(c -> assertThat(c.p2()).isZero());
    }

    @Test
    void signRawWrapsTheMessageInBytesTagsOnce() {
        byte[] message = "hello".getBytes(StandardCharsets.US_ASCII);
        List<Apdu> chunks = PolkadotGenericApp.signRaw(new LedgerPath(0, 0, 0), LedgerScheme.ECDSA, message);

        assertThat(HexBytes.text(chunks.get(0).encode())).isEqualTo("f9030002" + "16" + PATH_0 + "1400");
        assertThat(new String(chunks.get(1).data(), StandardCharsets.US_ASCII)).isEqualTo("<Bytes>hello</Bytes>");
        assertThat(PolkadotGenericApp.wrapBytes(PolkadotGenericApp.wrapBytes(message)))
                .isEqualTo("<Bytes>hello</Bytes>".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void theAssemblerRebuildsWhatTheBuilderChunked() throws LedgerException {
        byte[] payload = new byte[600];
        payload[0] = 9;
        byte[] proof = new byte[1234];
        proof[1233] = 1;
        SignAssembler assembler = new SignAssembler(10_000);
        SignRequest request = null;
        for (Apdu chunk : PolkadotGenericApp.sign(new LedgerPath(3, 1, 7), LedgerScheme.ECDSA, payload, proof)) {
            assertThat(request).isNull();
            request = assembler.accept(chunk).orElse(null);
        }
        assertThat(request).isNotNull();
        assertThat(request.path()).isEqualTo(new LedgerPath(3, 1, 7));
        assertThat(request.scheme()).isEqualTo(LedgerScheme.ECDSA);
        assertThat(request.payload()).isEqualTo(payload);
        assertThat(request.proof()).isEqualTo(proof);
    }

    @Test
    void aChunkWithoutInitIsDataInvalid() {
        Apdu add = new Apdu(0xF9, 2, PolkadotGenericApp.P1_LAST, 0, new byte[3]);
        assertThatThrownBy(() -> new SignAssembler(100).accept(add))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.DATA_INVALID));
    }

    @Test
    void anUnknownSchemeIsInvalidP1P2() {
        Apdu init = new Apdu(0xF9, 2, 0, 1, HexBytes.of(PATH_0 + "0100"));
        assertThatThrownBy(() -> new SignAssembler(100).accept(init))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.INVALID_P1_P2));
    }

    @Test
    void aPathOutsidePolkadotsCoinTypeIsDataInvalid() {
        byte[] ethereum = HexBytes.of("2c000080" + "3c000080" + "00000080" + "00000080" + "00000080");
        assertThatThrownBy(() -> LedgerPath.decode(ethereum, 0))
                .isInstanceOfSatisfying(LedgerException.class, e -> assertThat(e.error()).isEqualTo(LedgerError.DATA_INVALID));
    }

    @Test
    void pathsParseAndPrintInTheLedgerForm() {
        assertThat(LedgerPath.parse("m/44'/354'/2'/0'/5'")).isEqualTo(new LedgerPath(2, 0, 5));
        assertThat(new LedgerPath(2, 0, 5)).hasToString("m/44'/354'/2'/0'/5'");
        assertThatThrownBy(() -> LedgerPath.parse("m/44'/354'/0'/0/0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> LedgerPath.parse("m/44'/354'/2147483648'/0'/0'")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void repliesAreReadByScheme() throws LedgerException {
        byte[] key = new byte[32];
        byte[] ed = concat(key, "15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5".getBytes(StandardCharsets.US_ASCII));
        assertThat(PolkadotGenericApp.readAddress(LedgerScheme.ED25519, ed).address())
                .isEqualTo("15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");

        byte[] ecdsa = concat(new byte[33], HexBytes.of("00112233445566778899aabbccddeeff00112233"));
        assertThat(PolkadotGenericApp.readAddress(LedgerScheme.ECDSA, ecdsa).address())
                .isEqualTo("0x00112233445566778899aabbccddeeff00112233");

        PolkadotGenericApp.AppVersion version = PolkadotGenericApp.readVersion(HexBytes.of("00" + "64" + "02" + "01" + "00" + "33000004"));
        assertThat(version).hasToString("100.2.1");
        assertThat(version.targetId()).isEqualTo(0x33000004L);
        assertThat(PolkadotGenericApp.writeVersion(version)).isEqualTo(HexBytes.of("006402010033000004"));
    }

    @Test
    void statusWordsMapToTypedErrors() {
        assertThat(LedgerError.ofStatusWord(0x9000)).isEmpty();
        assertThat(LedgerError.ofStatusWord(0x6986)).contains(LedgerError.USER_REJECTED);
        for (int sw : new int[] {0x6E00, 0x6E01, 0x6511, 0x6D00}) {
            assertThat(LedgerError.ofStatusWord(sw)).as("0x%04X", sw).contains(LedgerError.APP_NOT_OPEN);
        }
        assertThat(LedgerError.ofStatusWord(0x5515)).contains(LedgerError.DEVICE_LOCKED);
        assertThat(LedgerError.ofStatusWord(0x6984)).contains(LedgerError.DATA_INVALID);
        assertThat(LedgerError.ofStatusWord(0x1234)).contains(LedgerError.UNKNOWN_STATUS);
        assertThatThrownBy(() -> ApduResponse.decode(HexBytes.of("6986")).requireOk())
                .isInstanceOfSatisfying(LedgerException.class, e -> {
                    assertThat(e.error()).isEqualTo(LedgerError.USER_REJECTED);
                    assertThat(e.statusWord()).hasValue(0x6986);
                })
                .hasMessage("the Ledger answered 0x6986 (USER_REJECTED)");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
