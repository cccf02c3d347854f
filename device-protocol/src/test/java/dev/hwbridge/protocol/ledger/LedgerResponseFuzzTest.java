package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * What a host reads from a device: Speculos replies, reply APDUs and the app's address, signature
 * and version replies. Only typed errors may come out, and what is read re-encodes to its input.
 */
class LedgerResponseFuzzTest {

    @FuzzTest
    void anyReplyIsReadOrRefusedWithATypedError(byte[] input) throws IOException {
        try {
            ApduResponse reply = SpeculosFraming.readReply(new ByteArrayInputStream(input), 1024);
            assertThat(SpeculosFraming.encodeReply(reply)).isEqualTo(java.util.Arrays.copyOf(input, 4 + reply.data().length + 2));
        } catch (LedgerException refused) {
            assertThat(refused.error()).isEqualTo(LedgerError.FRAMING);
        }
        try {
            ApduResponse reply = ApduResponse.decode(input);
            assertThat(reply.encode()).isEqualTo(input);
            byte[] data = reply.requireOk();
            for (LedgerScheme scheme : LedgerScheme.values()) {
                readQuietly(() -> PolkadotGenericApp.readAddress(scheme, data));
                readQuietly(() -> PolkadotGenericApp.readSignature(scheme, data));
            }
            readQuietly(() -> PolkadotGenericApp.readVersion(data));
        } catch (LedgerException refused) {
            assertThat(refused.error()).isNotNull();
        }
    }

    /** The device-side parsers of what a host sends: APDUs and sign chunks. */
    @FuzzTest
    void anyRequestIsReadOrRefusedWithATypedError(byte[] input) throws IOException {
        ByteArrayInputStream in = new ByteArrayInputStream(input);
        SignAssembler assembler = new SignAssembler(2048);
        try {
            while (true) {
                var request = SpeculosFraming.readRequest(in, 300);
                if (request.isEmpty()) {
                    return;
                }
                try {
                    Apdu apdu = Apdu.decode(request.get());
                    assertThat(apdu.encode()).hasSizeLessThanOrEqualTo(request.get().length + 1);
                    assembler.accept(apdu).ifPresent(r -> assertThat(r.payload().length + r.proof().length).isLessThanOrEqualTo(2048));
                } catch (LedgerException refused) {
                    assertThat(refused.error()).isNotNull();
                }
            }
        } catch (LedgerException refused) {
            assertThat(refused.error()).isEqualTo(LedgerError.FRAMING);
        }
    }

    private interface Read {
        Object read() throws LedgerException;
    }

    private static void readQuietly(Read read) {
        try {
            assertThat(read.read()).isNotNull();
        } catch (LedgerException refused) {
            // a reply of the wrong shape for this reader: the typed refusal is the expected outcome
            assertThat(refused.error()).isEqualTo(LedgerError.FRAMING);
        }
    }
}
