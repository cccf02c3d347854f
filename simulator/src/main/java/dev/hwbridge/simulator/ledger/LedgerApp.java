package dev.hwbridge.simulator.ledger;

import dev.hwbridge.protocol.account.FormatException;
import dev.hwbridge.protocol.account.Hex;
import dev.hwbridge.protocol.account.Ss58;
import dev.hwbridge.protocol.account.Ss58Prefix;
import dev.hwbridge.protocol.ledger.Apdu;
import dev.hwbridge.protocol.ledger.ApduResponse;
import dev.hwbridge.protocol.ledger.LedgerError;
import dev.hwbridge.protocol.ledger.LedgerException;
import dev.hwbridge.protocol.ledger.LedgerPath;
import dev.hwbridge.protocol.ledger.LedgerScheme;
import dev.hwbridge.protocol.ledger.PolkadotGenericApp;
import dev.hwbridge.protocol.ledger.SignAssembler;
import dev.hwbridge.protocol.ledger.SignRequest;
import dev.hwbridge.protocol.metadata.MetadataException;
import dev.hwbridge.protocol.metadata.proof.PayloadVerifier;
import dev.hwbridge.protocol.metadata.proof.VerifiedPayload;
import dev.hwbridge.simulator.device.TransactionPages;
import dev.hwbridge.simulator.keys.LedgerKeys;
import dev.hwbridge.simulator.screen.CancelledException;
import dev.hwbridge.simulator.screen.DeviceScreen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Zondax's Polkadot Generic app as the simulator plays it: one APDU in, one reply out, with the
 * status words the real app uses (PROTOCOL.md §12). Shown addresses, transactions and raw
 * messages wait on the screen for the user; a rejection is 0x6986. A transaction is signed only
 * when its metadata proof verifies against the hash its payload carries; otherwise 0x6984 with
 * the reason as ASCII data, as the app sends it. Not thread-safe: one exchange at a time
 * ({@link ApduServer} serialises them).
 */
public final class LedgerApp implements AutoCloseable {

    /** The version the simulated app reports (the generic app's numbering starts at 100). */
    public static final PolkadotGenericApp.AppVersion VERSION =
            new PolkadotGenericApp.AppVersion(false, 100, 0, 0, false, 0x33100004L);

    /** The most payload ‖ proof bytes a sign request may carry (an XCM transfer's proof is ~7 KB). */
    public static final int MAX_SIGN_BLOB = 64 * 1024;

    /** Messages longer than this (hex-encoded) are shown in part. */
    private static final int SHOWN_RAW_CHARS = 200;

    /** What the app answers an INS it does not have. */
    private static final int INS_NOT_SUPPORTED = 0x6D00;
    /** What the app answers another CLA. */
    private static final int CLA_NOT_SUPPORTED = 0x6E00;

    private final byte[] bip39Seed;
    private final DeviceScreen screen;
    private final SignAssembler assembler = new SignAssembler(MAX_SIGN_BLOB);

    /** @param bip39Seed the 64-byte BIP39 seed (copied; wiped by {@link #close()}) */
    public LedgerApp(byte[] bip39Seed, DeviceScreen screen) {
        if (bip39Seed.length != 64) {
            throw new IllegalArgumentException("a BIP39 seed has 64 bytes");
        }
        this.bip39Seed = bip39Seed.clone();
        this.screen = screen;
        screen.show("Polkadot", List.of("Ledger app (hwbridge simulator)", "version " + VERSION, "ready"));
    }

    /** Answers one APDU; never throws for anything the host sends. */
    public ApduResponse handle(byte[] apduBytes) {
        try {
            Apdu apdu = Apdu.decode(apduBytes);
            if (apdu.cla() != PolkadotGenericApp.CLA) {
                return new ApduResponse(new byte[0], CLA_NOT_SUPPORTED);
            }
            return switch (apdu.ins()) {
                case PolkadotGenericApp.INS_GET_VERSION -> ApduResponse.ok(PolkadotGenericApp.writeVersion(VERSION));
                case PolkadotGenericApp.INS_GET_ADDRESS -> address(apdu);
                case PolkadotGenericApp.INS_SIGN, PolkadotGenericApp.INS_SIGN_RAW -> sign(apdu);
                default -> new ApduResponse(new byte[0], INS_NOT_SUPPORTED);
            };
        } catch (LedgerException e) {
            return refusal(e);
        } catch (CancelledException e) {
            return ApduResponse.error(LedgerError.USER_REJECTED);
        }
    }

    private ApduResponse address(Apdu apdu) throws LedgerException, CancelledException {
        LedgerScheme scheme = LedgerScheme.ofP2(apdu.p2())
                .orElseThrow(() -> new LedgerException(LedgerError.INVALID_P1_P2, "no scheme has P2 " + apdu.p2()));
        if (apdu.p1() != PolkadotGenericApp.P1_RETURN && apdu.p1() != PolkadotGenericApp.P1_SHOW) {
            throw new LedgerException(LedgerError.INVALID_P1_P2, "P1 is 0 or 1");
        }
        byte[] data = apdu.data();
        int expected = LedgerPath.ENCODED_SIZE + (scheme == LedgerScheme.ED25519 ? 2 : 0);
        if (data.length != expected) {
            throw new LedgerException(LedgerError.DATA_INVALID, "get address takes " + expected + " bytes");
        }
        LedgerPath path = LedgerPath.decode(data, 0);
        try (LedgerKeys keys = LedgerKeys.derive(bip39Seed, scheme, path)) {
            byte[] publicKey = keys.publicKey();
            byte[] address;
            String shown;
            if (scheme == LedgerScheme.ED25519) {
                int prefix = (data[20] & 0xFF) | (data[21] & 0xFF) << 8;
                shown = Ss58.encode(publicKey, ss58Prefix(prefix));
                address = shown.getBytes(StandardCharsets.US_ASCII);
            } else {
                address = keys.ethereumAddress();
                shown = Hex.toHex(address);
            }
            if (apdu.p1() == PolkadotGenericApp.P1_SHOW
                    && !screen.confirm("Verify address", List.of(shown, scheme.name().toLowerCase() + " " + path))) {
                return ApduResponse.error(LedgerError.USER_REJECTED);
            }
            byte[] reply = Arrays.copyOf(publicKey, publicKey.length + address.length);
            System.arraycopy(address, 0, reply, publicKey.length, address.length);
            return ApduResponse.ok(reply);
        } finally {
            idle();
        }
    }

    private ApduResponse sign(Apdu chunk) throws LedgerException, CancelledException {
        Optional<SignRequest> whole = assembler.accept(chunk);
        if (whole.isEmpty()) {
            return ApduResponse.ok(new byte[0]);
        }
        SignRequest request = whole.get();
        try (LedgerKeys keys = LedgerKeys.derive(bip39Seed, request.scheme(), request.path())) {
            List<TransactionPages.Page> pages = request.ins() == PolkadotGenericApp.INS_SIGN
                    ? transactionPages(request, keys) : rawPages(request);
            for (TransactionPages.Page page : pages) {
                if (!screen.confirm(page.title(), page.lines())) {
                    return ApduResponse.error(LedgerError.USER_REJECTED);
                }
            }
            return ApduResponse.ok(keys.sign(request.payload()));
        } finally {
            idle();
        }
    }

    private static List<TransactionPages.Page> transactionPages(SignRequest request, LedgerKeys keys) throws LedgerException {
        byte[] payload = request.payload();
        try {
            VerifiedPayload verified = PayloadVerifier.verify(request.proof(), payload, null);
            byte[] publicKey = keys.publicKey();
            TransactionPages.AddressFormat format = request.scheme() == LedgerScheme.ED25519
                    ? prefix -> Ss58.encode(publicKey, prefix)
                    : prefix -> Hex.toHex(keys.ethereumAddress());
            return TransactionPages.pages(verified, format, request.scheme().name().toLowerCase() + " " + request.path(),
                    payload.length);
        } catch (MetadataException e) {
            throw new LedgerException(LedgerError.DATA_INVALID, "metadata proof: " + e.code());
        }
    }

    private static List<TransactionPages.Page> rawPages(SignRequest request) throws LedgerException {
        byte[] message = request.payload();
        if (!PolkadotGenericApp.isWrapped(message)) {
            throw new LedgerException(LedgerError.DATA_INVALID, "raw messages are wrapped in <Bytes>...</Bytes>");
        }
        byte[] inner = Arrays.copyOfRange(message, "<Bytes>".length(), message.length - "</Bytes>".length());
        String text = printable(inner) ? new String(inner, StandardCharsets.US_ASCII) : Hex.toHex(inner);
        List<String> lines = new ArrayList<>();
        lines.add(text.length() > SHOWN_RAW_CHARS ? text.substring(0, SHOWN_RAW_CHARS) + "…" : text);
        lines.add(inner.length + " bytes, " + request.scheme().name().toLowerCase() + " " + request.path());
        if (message.length > LedgerKeys.MAX_DIRECT_PAYLOAD) {
            lines.add("their blake2b-256 is signed");
        }
        return List.of(new TransactionPages.Page("Sign message", lines));
    }

    /**
     * The reply to a refusal: the status word, and for 0x6984 the reason in ASCII (the app sends
     * its parser's message there; {@code @zondax/ledger-js} shows it).
     */
    private static ApduResponse refusal(LedgerException e) {
        int sw = e.statusWord().orElse(e.error() == LedgerError.FRAMING ? 0x6700 : e.error().statusWord());
        byte[] data = e.error() == LedgerError.DATA_INVALID && e.getMessage() != null
                ? e.getMessage().getBytes(StandardCharsets.US_ASCII) : new byte[0];
        return new ApduResponse(data, sw);
    }

    private static Ss58Prefix ss58Prefix(int prefix) throws LedgerException {
        try {
            return Ss58Prefix.of(prefix);
        } catch (FormatException e) {
            throw new LedgerException(LedgerError.DATA_INVALID, "SS58 prefix " + prefix + " is not one an address can have");
        }
    }

    private static boolean printable(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0x20 || b > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void idle() {
        screen.show("Polkadot", List.of("Ledger app (hwbridge simulator)", "version " + VERSION, "ready"));
    }

    @Override
    public void close() {
        Arrays.fill(bip39Seed, (byte) 0);
    }
}
