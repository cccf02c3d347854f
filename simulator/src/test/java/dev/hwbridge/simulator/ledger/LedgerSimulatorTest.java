package dev.hwbridge.simulator.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerError;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import dev.hwbridge.protocol.ledger.SpeculosFraming;
import dev.hwbridge.simulator.keys.LedgerKeys;
import dev.hwbridge.simulator.keys.Signatures;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.ScreenDriver;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Ledger personality over its Speculos APDU port, with the screen answered in-process. */
class LedgerSimulatorTest {

    private static final JsonNode LEDGER = json("/ledger.json");
    private static final JsonNode FIRST = LEDGER.get("vectors").get(0);
    private static final String PHRASE = FIRST.get("phrase").asText();
    private static final LedgerPath PATH = LedgerPath.parse(FIRST.get("path").asText());

    private LedgerSimulator ledger;
    private ScreenDriver screen;
    private Socket socket;

    @BeforeEach
    void start() throws IOException {
        ledger = LedgerSimulator.start(PHRASE, 0, 0);
        screen = new ScreenDriver(ledger.screen());
        socket = new Socket(ledger.apduAddress().getAddress(), ledger.apduPort());
    }

    @AfterEach
    void stop() throws IOException {
        socket.close();
        ledger.close();
    }

    @Test
    void versionIsTheGenericAppsNumbering() throws Exception {
        byte[] data = exchange(PolkadotGenericApp.getVersion()).requireOk();
        assertThat(PolkadotGenericApp.readVersion(data)).hasToString("100.0.0");
    }

    @Test
    void addressesAreHdLedgersAndHdEthereums() throws Exception {
        var ed = PolkadotGenericApp.readAddress(LedgerScheme.ED25519,
                exchange(PolkadotGenericApp.getAddress(PATH, LedgerScheme.ED25519, false, 0)).requireOk());
        assertThat(Hex.toHex(ed.publicKey())).isEqualTo(FIRST.at("/ed25519/publicKey").asText());
        assertThat(ed.address()).isEqualTo(FIRST.at("/ed25519/address0").asText());

        var ec = PolkadotGenericApp.readAddress(LedgerScheme.ECDSA,
                exchange(PolkadotGenericApp.getAddress(PATH, LedgerScheme.ECDSA, false, 0)).requireOk());
        assertThat(Hex.toHex(ec.publicKey())).isEqualTo(FIRST.at("/ecdsa/publicKey").asText());
        assertThat(ec.address()).isEqualTo(FIRST.at("/ecdsa/ethereumAddress").asText());
    }

    @Test
    void aShownAddressWaitsForTheUserAndARejectionIs6986() throws Exception {
        CompletableFuture<ApduResponse> shown = inBackground(PolkadotGenericApp.getAddress(PATH, LedgerScheme.ED25519, true, 0));
        Screen page = screen.confirm("Verify address");
        assertThat(page.lines()).contains(FIRST.at("/ed25519/address0").asText());
        assertThat(shown.get(20, TimeUnit.SECONDS).isOk()).isTrue();

        CompletableFuture<ApduResponse> rejected = inBackground(PolkadotGenericApp.getAddress(PATH, LedgerScheme.ECDSA, true, 0));
        screen.reject("Verify address");
        assertThat(rejected.get(20, TimeUnit.SECONDS).statusWord()).isEqualTo(0x6986);
    }

    @Test
    void aClearSignedTransactionIsShownPageByPageThenSigned() throws Exception {
        JsonNode vector = proof("polkadot-transfer-keep-alive");
        byte[] payload = Hex.fromHex(vector.get("payloadHex").asText());
        CompletableFuture<ApduResponse> signed = inBackground(PolkadotGenericApp.sign(PATH, LedgerScheme.ED25519, payload,
                Hex.fromHex(vector.get("proofHex").asText())));
        List<String> titles = confirmAllUntil("Sign transaction");
        byte[] signature = PolkadotGenericApp.readSignature(LedgerScheme.ED25519, signed.get(20, TimeUnit.SECONDS).requireOk());

        assertThat(titles).startsWith("Chain", "Account");
        assertThat(Signatures.verify(KeyScheme.ED25519, Hex.fromHex(FIRST.at("/ed25519/publicKey").asText()), payload,
                Arrays.copyOfRange(signature, 1, 65))).isTrue();
    }

    @Test
    void aLongPayloadIsSignedAsItsBlake2bWithKeccakForEcdsa() throws Exception {
        JsonNode vector = proof("polkadot-system-remark-300");
        byte[] payload = Hex.fromHex(vector.get("payloadHex").asText());
        CompletableFuture<ApduResponse> signed = inBackground(PolkadotGenericApp.sign(PATH, LedgerScheme.ECDSA, payload,
                Hex.fromHex(vector.get("proofHex").asText())));
        confirmAllUntil("Sign transaction");
        byte[] signature = PolkadotGenericApp.readSignature(LedgerScheme.ECDSA, signed.get(20, TimeUnit.SECONDS).requireOk());

        assertThat(LedgerKeys.verify(LedgerScheme.ECDSA, Hex.fromHex(FIRST.at("/ecdsa/publicKey").asText()), payload, signature))
                .isTrue();
        assertThat(payload).hasSizeGreaterThan(256);
    }

    @Test
    void aTamperedProofIsDataInvalidWithTheReason() throws Exception {
        JsonNode vector = proof("polkadot-transfer-keep-alive");
        byte[] proof = Hex.fromHex(vector.get("proofHex").asText());
        proof[proof.length - 40] ^= 1;
        List<Apdu> chunks = PolkadotGenericApp.sign(PATH, LedgerScheme.ED25519, Hex.fromHex(vector.get("payloadHex").asText()), proof);
        ApduResponse last = null;
        for (Apdu chunk : chunks) {
            last = exchange(chunk);
        }
        assertThat(last.statusWord()).isEqualTo(0x6984);
        assertThat(new String(last.data(), StandardCharsets.US_ASCII)).startsWith("metadata proof: ");
    }

    @Test
    void aRejectedTransactionIs6986() throws Exception {
        JsonNode vector = proof("polkadot-transfer-keep-alive");
        CompletableFuture<ApduResponse> signed = inBackground(PolkadotGenericApp.sign(PATH, LedgerScheme.ED25519,
                Hex.fromHex(vector.get("payloadHex").asText()), Hex.fromHex(vector.get("proofHex").asText())));
        screen.reject("Chain");
        ApduResponse reply = signed.get(20, TimeUnit.SECONDS);
        assertThat(LedgerError.ofStatusWord(reply.statusWord())).contains(LedgerError.USER_REJECTED);
    }

    @Test
    void signRawShowsTheMessageAndSignsTheWrappedBytes() throws Exception {
        byte[] message = "hello ledger".getBytes(StandardCharsets.US_ASCII);
        CompletableFuture<ApduResponse> signed = inBackground(PolkadotGenericApp.signRaw(PATH, LedgerScheme.ED25519, message));
        Screen page = screen.confirm("Sign message");
        byte[] signature = signed.get(20, TimeUnit.SECONDS).requireOk();

        assertThat(page.lines()).contains("hello ledger");
        assertThat(Signatures.verify(KeyScheme.ED25519, Hex.fromHex(FIRST.at("/ed25519/publicKey").asText()),
                PolkadotGenericApp.wrapBytes(message), Arrays.copyOfRange(signature, 1, 65))).isTrue();
    }

    @Test
    void anUnwrappedRawMessageIsDataInvalid() throws Exception {
        byte[] init = Arrays.copyOf(PATH.encode(), 22);
        init[20] = 3;
        exchange(new Apdu(0xF9, 3, 0, 0, init));
        assertThat(exchange(new Apdu(0xF9, 3, 2, 0, new byte[] {1, 2, 3})).statusWord()).isEqualTo(0x6984);
    }

    @Test
    void anotherAppsClaOrAnUnknownInsAreAnsweredAsTheDashboardWould() throws Exception {
        assertThat(exchange(new Apdu(0xE0, 0, 0, 0, new byte[0])).statusWord()).isEqualTo(0x6E00);
        assertThat(exchange(new Apdu(0xF9, 0x09, 0, 0, new byte[0])).statusWord()).isEqualTo(0x6D00);
        assertThat(exchange(new Apdu(0xF9, 1, 0, 1, PATH.encode())).statusWord()).isEqualTo(0x6B00);
    }

    private List<String> confirmAllUntil(String lastTitle) {
        List<String> titles = new ArrayList<>();
        while (true) {
            Screen page = screen.await(s -> s.input() == dev.hwbridge.simulator.screen.InputKind.CONFIRM, "a page");
            titles.add(page.title());
            ledger.screen().press(dev.hwbridge.simulator.screen.Button.CONFIRM);
            if (page.title().equals(lastTitle)) {
                return titles;
            }
            screen.await(s -> s != page, "the next page");
        }
    }

    private CompletableFuture<ApduResponse> inBackground(Apdu apdu) {
        return inBackground(List.of(apdu));
    }

    private CompletableFuture<ApduResponse> inBackground(List<Apdu> apdus) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                ApduResponse last = null;
                for (Apdu apdu : apdus) {
                    last = exchange(apdu);
                    if (!last.isOk()) {
                        return last;
                    }
                }
                return last;
            } catch (IOException | LedgerException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private ApduResponse exchange(Apdu apdu) throws IOException, LedgerException {
        socket.getOutputStream().write(SpeculosFraming.encodeRequest(apdu.encode()));
        return SpeculosFraming.readReply(socket.getInputStream(), 1024);
    }

    private static JsonNode proof(String name) {
        for (JsonNode vector : json("/metadata/proofs.json")) {
            if (vector.get("name").asText().equals(name)) {
                return vector;
            }
        }
        throw new IllegalStateException("no proof vector " + name);
    }

    private static JsonNode json(String name) {
        try (InputStream in = LedgerSimulatorTest.class.getResourceAsStream(name)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
