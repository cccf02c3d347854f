package dev.hwbridge.simulator.ledger;

import dev.hwbridge.simulator.automation.AutomationServer;
import dev.hwbridge.simulator.bip39.Bip39Seed;
import dev.hwbridge.simulator.screen.DeviceScreen;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Objects;

/**
 * A running Ledger personality: the Polkadot Generic app ({@link LedgerApp}) on Speculos's APDU
 * port ({@link ApduServer}), its screen, and the automation API that answers it. The phrase is
 * held as its BIP39 seed in memory only.
 *
 * <pre>{@code
 * try (LedgerSimulator ledger = LedgerSimulator.start(phrase, 0, 0)) {
 *     int apduPort = ledger.apduPort();       // @ledgerhq/hw-transport-node-speculos connects here
 *     DeviceScreen screen = ledger.screen();   // or drive it over ledger.automationUri()
 * }
 * }</pre>
 */
public final class LedgerSimulator implements AutoCloseable {

    private final DeviceScreen screen;
    private final LedgerApp app;
    private final AutomationServer automation;
    private final ApduServer apdu;

    private LedgerSimulator(DeviceScreen screen, LedgerApp app, AutomationServer automation, ApduServer apdu) {
        this.screen = screen;
        this.app = app;
        this.automation = automation;
        this.apdu = apdu;
    }

    /**
     * Starts with the BIP39 {@code phrase} on the two ports (0: any free port).
     *
     * @throws dev.hwbridge.simulator.error.SignerException when the phrase is no BIP39 mnemonic
     * @throws IOException when a port cannot be bound
     */
    public static LedgerSimulator start(String phrase, int apduPort, int automationPort) throws IOException {
        Objects.requireNonNull(phrase, "phrase");
        byte[] seed = Bip39Seed.of(phrase, "");
        DeviceScreen screen = new DeviceScreen();
        LedgerApp app = new LedgerApp(seed, screen);
        Arrays.fill(seed, (byte) 0);
        AutomationServer automation = null;
        try {
            automation = AutomationServer.start(screen, automationPort);
            ApduServer apdu = ApduServer.start(apduPort, app::handle);
            return new LedgerSimulator(screen, app, automation, apdu);
        } catch (IOException | RuntimeException e) {
            app.close();
            if (automation != null) {
                automation.close();
            }
            throw e;
        }
    }

    public int apduPort() {
        return apdu.port();
    }

    public InetSocketAddress apduAddress() {
        return apdu.address();
    }

    public URI automationUri() {
        return automation.uri();
    }

    public DeviceScreen screen() {
        return screen;
    }

    /** Stops both ports (a prompt waiting is cancelled) and wipes the seed. */
    @Override
    public void close() throws IOException {
        try {
            apdu.close();
        } finally {
            screen.cancel();
            automation.close();
            app.close();
        }
    }
}
