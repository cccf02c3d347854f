package dev.hwbridge.simulator.cli;

import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.ledger.LedgerSimulator;
import dev.hwbridge.simulator.error.SignerException;
import dev.hwbridge.simulator.state.StateException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code run}: starts the simulated device (UDP device protocol and automation API on 127.0.0.1),
 * prints one ready line to stdout, and runs until SIGTERM or Ctrl-C, then closes cleanly.
 * Exit status 0 after a clean stop, 1 when the device cannot start, 2 for a usage error.
 * The mnemonic and PIN files are read, never printed or logged.
 */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {
            "Runs the simulated device until stopped (Ctrl-C or SIGTERM).",
            "Prints one line when ready: the UDP address and the automation URL."
        })
public final class RunCommand implements Callable<Integer> {

    /** The start of the line printed once the device listens. */
    public static final String READY = "hwbridge simulator ready:";
    /** Longest mnemonic or PIN file read; a 24-word phrase is far shorter. */
    static final int MAX_FILE_BYTES = 4096;
    private static final long CLOSE_WAIT_SECONDS = 10;

    @Option(names = "--port", paramLabel = "PORT", defaultValue = "21336",
            description = "UDP port of the device protocol on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--automation-port", paramLabel = "PORT", defaultValue = "21337",
            description = "HTTP port of the automation API and web page on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int automationPort;

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    StateChoice state;

    @Option(names = "--hid-timing",
            description = "Pace the UDP endpoint like a full-speed USB HID endpoint: one 64-byte report per 1 ms interval each way.")
    boolean hidTiming;

    @Option(names = "--label", paramLabel = "L", description = "The device label.")
    String label;

    @Option(names = "--mnemonic-file", paramLabel = "F",
            description = "Start already set up with the BIP39 phrase in F (for tests and demos; replaces any stored state).")
    Path mnemonicFile;

    @Option(names = "--pin-file", paramLabel = "P",
            description = "The PIN (4 to 16 digits) of the preloaded device; without it the device has no PIN and starts unlocked.")
    Path pinFile;

    @Option(names = "--ledger",
            description = "Be a Ledger running the Polkadot Generic app instead: Speculos's APDU protocol on --apdu-port,"
                    + " keys derived as a Ledger derives them; no hwbridge device protocol (--port is unused).")
    boolean ledger;

    @Option(names = "--apdu-port", paramLabel = "PORT", defaultValue = "9999",
            description = "With --ledger: TCP port of the APDU protocol on 127.0.0.1; 0 picks a free one (default: ${DEFAULT-VALUE}, as Speculos).")
    int apduPort;

    @Spec
    CommandSpec spec;

    private final CountDownLatch stopRequested = new CountDownLatch(1);
    private final CountDownLatch stopped = new CountDownLatch(1);

    /** Where the state lives: in a directory, or in memory only (the default). */
    static final class StateChoice {
        @Option(names = "--state", paramLabel = "DIR", required = true,
                description = "Keep the device's state encrypted in DIR, surviving restarts (made 0700;"
                        + " an existing DIR that group or others may use is refused).")
        Path dir;

        @Option(names = "--ephemeral", required = true,
                description = "Keep the state in memory only; it is gone when the simulator stops (the default).")
        boolean ephemeral;
    }

    @Override
    public Integer call() throws InterruptedException {
        if (pinFile != null && mnemonicFile == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--pin-file needs --mnemonic-file");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (ledger) {
            return runLedger(err);
        }
        Simulator.Builder builder = Simulator.builder().udpPort(port).automationPort(automationPort).hidTiming(hidTiming);
        if (state != null && state.dir != null) {
            builder.stateDir(state.dir);
        }
        if (label != null) {
            builder.label(label);
        }
        char[] pin = new char[0];
        try {
            if (mnemonicFile != null) {
                char[] phrase = readSecretFile(mnemonicFile);
                // The phrase becomes a String once (Mnemonic takes one); this copy is cleared.
                builder.mnemonic(new String(phrase).strip());
                Arrays.fill(phrase, '\0');
            }
            if (pinFile != null) {
                pin = strip(readSecretFile(pinFile));
                builder.pin(pin);
            }
            return runUntilStopped(builder);
        } catch (IOException e) {
            err.println("cannot start the simulator: " + e.getMessage());
            return 1;
        } catch (StateException e) {
            err.println("cannot use the state: " + e.code() + " (" + e.getMessage() + ")");
            return 1;
        } catch (SignerException e) {
            err.println("the mnemonic file does not hold a valid BIP39 phrase: " + e.code());
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("the PIN file does not hold a valid PIN: " + e.getMessage());
            return 1;
        } finally {
            Arrays.fill(pin, '\0');
        }
    }

    /**
     * The Ledger personality: the phrase from --mnemonic-file, or a new 24-word one (kept in
     * memory only, as --ephemeral); a PIN and a state directory belong to the hwbridge device.
     */
    private int runLedger(PrintWriter err) throws InterruptedException {
        if (pinFile != null || (state != null && state.dir != null)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--ledger takes neither --pin-file nor --state: the Ledger keeps its phrase in memory only");
        }
        String phrase;
        try {
            if (mnemonicFile != null) {
                char[] text = readSecretFile(mnemonicFile);
                phrase = new String(text).strip();
                Arrays.fill(text, '\0');
            } else {
                phrase = Mnemonic.generate(24, new SecureRandom());
            }
        } catch (IOException e) {
            err.println("cannot start the simulator: " + e.getMessage());
            return 1;
        }
        Thread hook = new Thread(this::stopOnSignal, "simulator-shutdown");
        try (LedgerSimulator simulator = LedgerSimulator.start(phrase, apduPort, automationPort)) {
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println(READY + " ledger apdu " + simulator.apduAddress().getAddress().getHostAddress() + ":"
                    + simulator.apduPort() + ", automation " + simulator.automationUri());
            out.flush();
            stopRequested.await();
        } catch (IOException e) {
            err.println("cannot start the simulator: " + e.getMessage());
            return 1;
        } catch (SignerException e) {
            err.println("the mnemonic file does not hold a valid BIP39 phrase: " + e.code());
            return 1;
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** Asks a running {@code call()} to close the device and return, as SIGTERM does. */
    void stop() {
        stopRequested.countDown();
    }

    private int runUntilStopped(Simulator.Builder builder) throws IOException, InterruptedException {
        Thread hook = new Thread(this::stopOnSignal, "simulator-shutdown");
        try (Simulator simulator = builder.start()) {
            Runtime.getRuntime().addShutdownHook(hook);
            PrintWriter out = spec.commandLine().getOut();
            out.println(READY + " udp " + simulator.udpAddress().getAddress().getHostAddress() + ":"
                    + simulator.udpPort() + ", automation " + simulator.automationUri());
            out.flush();
            stopRequested.await();
        } finally {
            stopped.countDown();
            removeHook(hook);
        }
        return 0;
    }

    /** The JVM halts once its hooks return, so the hook waits for the device to close. */
    private void stopOnSignal() {
        stopRequested.countDown();
        try {
            stopped.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is already running its hooks (SIGTERM): ours is among them and ends now.
        }
    }

    /** The file's text as chars (UTF-8), without ever becoming part of a message. */
    private static char[] readSecretFile(Path file) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(MAX_FILE_BYTES + 1);
        }
        try {
            if (bytes.length > MAX_FILE_BYTES) {
                throw new IOException(file + " is longer than " + MAX_FILE_BYTES + " bytes");
            }
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            char[] text = new char[chars.remaining()];
            chars.get(text);
            Arrays.fill(chars.array(), '\0');
            return text;
        } catch (CharacterCodingException e) {
            throw new IOException(file + " is not UTF-8 text");
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static char[] strip(char[] text) {
        int start = 0;
        int end = text.length;
        while (start < end && Character.isWhitespace(text[start])) {
            start++;
        }
        while (end > start && Character.isWhitespace(text[end - 1])) {
            end--;
        }
        char[] stripped = Arrays.copyOfRange(text, start, end);
        Arrays.fill(text, '\0');
        return stripped;
    }
}
