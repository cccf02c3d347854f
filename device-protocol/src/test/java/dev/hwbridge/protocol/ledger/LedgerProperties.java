package dev.hwbridge.protocol.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class LedgerProperties {

    @Property(tries = 200)
    void anyMessageRoundTripsThroughTheReports(@ForAll @Size(max = 3000) byte[] message) throws LedgerException {
        List<byte[]> reports = LedgerFraming.write(message);
        assertThat(reports).hasSize(LedgerFraming.reportCount(message.length)).allSatisfy(r -> assertThat(r).hasSize(64));

        LedgerReassembler reassembler = new LedgerReassembler(LedgerFraming.MAX_MESSAGE_SIZE);
        Optional<byte[]> out = Optional.empty();
        for (byte[] report : reports) {
            assertThat(out).isEmpty();
            out = reassembler.accept(report);
        }
        assertThat(out).hasValueSatisfying(m -> assertThat(m).isEqualTo(message));
    }

    @Property(tries = 200)
    void aChangedChannelTagOrSequenceIsRefusedNeverReadAsAnotherMessage(@ForAll @Size(min = 1, max = 400) byte[] message,
            @ForAll @IntRange(max = 4) int headerByte, @ForAll byte flip, @ForAll @IntRange(max = 10) int whichReport) {
        List<byte[]> reports = LedgerFraming.write(message);
        reports.get(whichReport % reports.size())[headerByte] ^= flip;
        LedgerReassembler reassembler = new LedgerReassembler(LedgerFraming.MAX_MESSAGE_SIZE);
        try {
            Optional<byte[]> out = Optional.empty();
            for (byte[] report : reports) {
                out = reassembler.accept(report);
            }
            assertThat(flip).isZero();
            assertThat(out).hasValueSatisfying(m -> assertThat(m).isEqualTo(message));
        } catch (LedgerException refused) {
            assertThat(flip).isNotZero();
            assertThat(refused.error()).isEqualTo(LedgerError.FRAMING);
            assertThat(reassembler.isBusy()).isFalse();
        }
    }

    @Property(tries = 200)
    void signRequestsRoundTripThroughTheChunks(@ForAll @Size(max = 2000) byte[] payload, @ForAll @Size(max = 3000) byte[] proof,
            @ForAll @IntRange(max = 1000) int account, @ForAll boolean ecdsa) throws LedgerException {
        LedgerPath path = new LedgerPath(account, 0, account / 2);
        LedgerScheme scheme = ecdsa ? LedgerScheme.ECDSA : LedgerScheme.ED25519;
        List<Apdu> chunks = PolkadotGenericApp.sign(path, scheme, payload, proof);
        if (payload.length + proof.length == 0) {
            return; // nothing to send after the init chunk: no LAST chunk, as the JS client does
        }
        SignAssembler assembler = new SignAssembler(10_000);
        Optional<SignRequest> out = Optional.empty();
        for (Apdu chunk : chunks) {
            assertThat(out).isEmpty();
            out = assembler.accept(Apdu.decode(chunk.encode()));
        }
        assertThat(out).hasValueSatisfying(r -> {
            assertThat(r.path()).isEqualTo(path);
            assertThat(r.scheme()).isEqualTo(scheme);
            assertThat(r.payload()).isEqualTo(payload);
            assertThat(r.proof()).isEqualTo(proof);
        });
    }

    @Property(tries = 200)
    void speculosRepliesRoundTrip(@ForAll @Size(max = 300) byte[] data, @ForAll @IntRange(max = 0xFFFF) int sw)
            throws IOException, LedgerException {
        ApduResponse reply = new ApduResponse(data, sw);
        byte[] wire = SpeculosFraming.encodeReply(reply);
        assertThat(SpeculosFraming.readReply(new ByteArrayInputStream(wire), 300)).isEqualTo(reply);
        assertThat(ApduResponse.decode(reply.encode())).isEqualTo(reply);
    }
}
