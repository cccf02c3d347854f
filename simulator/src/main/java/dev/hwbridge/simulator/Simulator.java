package dev.hwbridge.simulator;

import dev.hwbridge.simulator.automation.AutomationServer;
import dev.hwbridge.simulator.device.DeviceInfo;
import dev.hwbridge.simulator.device.DeviceInfoStore;
import dev.hwbridge.simulator.device.DeviceLogic;
import dev.hwbridge.simulator.device.Sleeper;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.state.EncryptedFileStateStore;
import dev.hwbridge.simulator.state.InMemoryStateStore;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.simulator.state.StateStore;
import dev.hwbridge.simulator.transport.UdpDeviceServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Objects;

/**
 * A running simulated device: the firmware ({@link DeviceLogic}), its protocol endpoint over UDP
 * ({@link UdpDeviceServer}), its screen and the automation API ({@link AutomationServer}), and its
 * state at rest. Tests start one in-process; the {@code run} command starts one as a process.
 *
 * <pre>{@code
 * try (Simulator device = Simulator.builder().udpPort(0).automationPort(0)
 *         .kdf(new KdfParams(8, 1, 1)).mnemonic(phrase).start()) {
 *     int port = device.udpPort();          // talk the device protocol here
 *     DeviceScreen screen = device.screen(); // or drive it over device.automationUri()
 * }
 * }</pre>
 *
 * <p>Behaviours tests and the demo rely on: preloaded with a mnemonic and no PIN the device has no
 * PIN and starts unlocked; with a state directory a preloaded device writes its encrypted state at
 * start (replacing what the directory held); without a preload the device starts from what is
 * stored: empty, unlocked without PIN, or locked.
 */
public final class Simulator implements AutoCloseable {

    private final DeviceScreen screen;
    private final StateStore store;
    private final DeviceLogic device;
    private final AutomationServer automation;
    private final UdpDeviceServer udp;

    private Simulator(DeviceScreen screen, StateStore store, DeviceLogic device, AutomationServer automation,
            UdpDeviceServer udp) {
        this.screen = screen;
        this.store = store;
        this.device = device;
        this.automation = automation;
        this.udp = udp;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The UDP port of the device protocol. */
    public int udpPort() {
        return udp.port();
    }

    /** Reports the device took in and sent out so far (to compare a call with its report-count floor). */
    public long reportsReceived() {
        return udp.reportsReceived();
    }

    public long reportsSent() {
        return udp.reportsSent();
    }

    /** {@code 127.0.0.1:<udpPort>}. */
    public InetSocketAddress udpAddress() {
        return udp.address();
    }

    /** The HTTP port of the automation API. */
    public int automationPort() {
        return automation.port();
    }

    /** {@code http://127.0.0.1:<automationPort>/}. */
    public URI automationUri() {
        return automation.uri();
    }

    /** The device's screen, to read and answer in-process. */
    public DeviceScreen screen() {
        return screen;
    }

    /** Stops the endpoints (a pending request is abandoned), forgets the secrets held in memory, releases the state. */
    @Override
    public void close() {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        parts.push(store);
        parts.push(device);
        parts.push(automation);
        parts.push(udp);
        closeAll(parts, null);
    }

    private static void closeAll(Deque<AutoCloseable> parts, Exception failure) {
        RuntimeException first = failure instanceof RuntimeException runtime ? runtime : null;
        while (!parts.isEmpty()) {
            try {
                parts.pop().close();
            } catch (Exception e) {
                if (failure != null) {
                    failure.addSuppressed(e);
                } else if (first == null) {
                    first = e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            }
        }
        if (failure == null && first != null) {
            throw first;
        }
    }

    /** Options of a simulated device; every one has a default. Not thread-safe. */
    public static final class Builder {

        private int udpPort = UdpDeviceServer.DEFAULT_PORT;
        private int automationPort = AutomationServer.DEFAULT_PORT;
        private Path stateDir;
        private String label;
        private String mnemonic;
        private char[] pin = new char[0];
        private KdfParams kdf = KdfParams.DEFAULT;
        private Sleeper sleeper = Sleeper.SYSTEM;
        private SecureRandom random;
        private Duration keepalive = UdpDeviceServer.DEFAULT_KEEPALIVE;
        private boolean hidTiming;
        private Duration promptTimeout;

        private Builder() {
        }

        /** UDP port of the device protocol (default 21336; 0 for any free port). */
        public Builder udpPort(int port) {
            this.udpPort = port;
            return this;
        }

        /** HTTP port of the automation API (default 21337; 0 for any free port). */
        public Builder automationPort(int port) {
            this.automationPort = port;
            return this;
        }

        /** Keep the state encrypted in {@code dir} (created if missing), surviving restarts. */
        public Builder stateDir(Path dir) {
            this.stateDir = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /** Keep the state in memory only (the default). */
        public Builder ephemeral() {
            this.stateDir = null;
            return this;
        }

        /** The device label (default: the stored one, or "hwbridge simulator"). */
        public Builder label(String label) {
            this.label = Objects.requireNonNull(label, "label");
            return this;
        }

        /** Start set up with this BIP39 phrase as the default identity (for tests and demos). */
        public Builder mnemonic(String phrase) {
            this.mnemonic = Objects.requireNonNull(phrase, "phrase");
            return this;
        }

        /** The preloaded device's PIN (copied); without one a preloaded device has no PIN. */
        public Builder pin(char[] pin) {
            Arrays.fill(this.pin, '\0');
            this.pin = pin.clone();
            return this;
        }

        /** Argon2 cost of the state key (default {@link KdfParams#DEFAULT}; tests use a cheap one). */
        public Builder kdf(KdfParams kdf) {
            this.kdf = Objects.requireNonNull(kdf, "kdf");
            return this;
        }

        /** How the PIN delay waits (default {@link Sleeper#SYSTEM}; tests record instead). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The source of new seeds, channel ids and salts (default a new {@link SecureRandom}). */
        public Builder random(SecureRandom random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** KEEPALIVE interval while a request is pending (default 100 ms). */
        public Builder keepalive(Duration interval) {
            this.keepalive = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /**
         * Paces the UDP endpoint like a full-speed USB HID endpoint: one report per 1 ms interval
         * each way (default: as fast as loopback goes).
         */
        public Builder hidTiming(boolean paced) {
            this.hidTiming = paced;
            return this;
        }

        /** How long a prompt waits before the request ends with TIMEOUT (default: no limit). */
        public Builder promptTimeout(Duration timeout) {
            this.promptTimeout = timeout;
            return this;
        }

        /**
         * Opens the state, loads or preloads the device, and starts both endpoints.
         *
         * @throws IOException if a port cannot be bound
         * @throws dev.hwbridge.simulator.state.StateException if the state cannot be opened or used
         * @throws dev.hwbridge.simulator.error.SignerException if the preloaded phrase is not a valid mnemonic
         * @throws IllegalArgumentException if the preloaded PIN breaks the PIN rules
         */
        public Simulator start() throws IOException {
            SecureRandom source = random != null ? random : new SecureRandom();
            Deque<AutoCloseable> opened = new ArrayDeque<>();
            try {
                StateStore store = stateDir != null ? new EncryptedFileStateStore(stateDir, kdf, source)
                        : new InMemoryStateStore(kdf, source);
                opened.push(store);
                DeviceInfoStore infoStore = stateDir != null ? DeviceInfoStore.inDirectory(stateDir) : DeviceInfoStore.inMemory();
                DeviceInfo info = infoStore.loadOrCreate(label == null ? "" : label, source);
                if (label != null && !label.isEmpty() && !label.equals(info.label())) {
                    info = info.withLabel(label);
                    infoStore.save(info);
                }
                DeviceScreen screen = new DeviceScreen();
                DeviceLogic device = new DeviceLogic(screen, store, info, infoStore, source, sleeper, promptTimeout);
                opened.push(device);
                if (mnemonic != null) {
                    device.preload(mnemonic, pin);
                } else {
                    device.boot();
                }
                AutomationServer automation = AutomationServer.start(screen, automationPort);
                opened.push(automation);
                UdpDeviceServer udp = UdpDeviceServer.start(device, screen, udpPort, keepalive, source, hidTiming);
                return new Simulator(screen, store, device, automation, udp);
            } catch (IOException | RuntimeException e) {
                closeAll(opened, e);
                throw e;
            } finally {
                Arrays.fill(pin, '\0');
            }
        }
    }
}
