package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.hwbridge.protocol.message.KeyScheme;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.testkit.automation.AutomationClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A whole recovery — a mistyped word, a wrong checksum, the retry, the PIN, a restart and unlock —
 * driven through the automation API, with every logger at TRACE: no seed word and no PIN appears
 * in the simulator's log output.
 */
class RecoveryLogTest {

    private static final String PHRASE = "chicken air provide worry mutual oak cloth during buzz warm caught merge "
            + "awful wagon stem shuffle winter vibrant tooth lumber uncover tongue weather damp";
    /** The same words with the last two swapped: valid words, wrong checksum. */
    private static final String SWAPPED = PHRASE.replace("weather damp", "damp weather");
    private static final String PIN = "97531";

    @Test
    void noSeedWordOrPinReachesTheLog(@TempDir Path dir) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level level = root.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        root.setLevel(Level.ALL);
        try {
            recoverAndRestart(dir);
        } finally {
            root.setLevel(level);
            root.detachAppender(captured);
            captured.stop();
        }

        List<String> lines = captured.list.stream().map(RecoveryLogTest::text).toList();
        assertThat(lines).as("the capture works").anyMatch(line -> line.contains("Recover -> Success"));
        assertThat(lines).anyMatch(line -> line.contains("Unlock -> Success"));
        for (String word : PHRASE.split(" ")) {
            Pattern whole = Pattern.compile("\\b" + word + "\\b", Pattern.CASE_INSENSITIVE);
            assertThat(lines).as("log lines containing seed word %s", word).noneMatch(line -> whole.matcher(line).find());
        }
        assertThat(lines).noneMatch(line -> line.contains(PIN));
    }

    private static void recoverAndRestart(Path dir) throws Exception {
        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            AutomationClient user = new AutomationClient(device.automationUri());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.recover(24, ""));
            user.await("confirm", "Recover a seed?");
            user.press("confirm");
            type(user, SWAPPED, true);
            user.await("confirm", "Invalid recovery phrase");
            user.press("confirm");
            type(user, PHRASE, false);
            user.await("pin", "Choose a PIN");
            user.input(PIN);
            user.await("pin", "Confirm the PIN");
            user.input(PIN);
            assertThat(pending.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();
        }
        try (Simulator device = Devices.builder().stateDir(dir).start(); SimHost host = SimHost.connect(device.udpPort())) {
            AutomationClient user = new AutomationClient(device.automationUri());
            CompletableFuture<Exchange> unlock = host.callAsync(Requests.unlock());
            user.await("pin", "Enter PIN");
            user.input(PIN);
            assertThat(unlock.get(30, TimeUnit.SECONDS).response().hasSuccess()).isTrue();
            assertThat(host.call(Requests.request(Requests.derive(KeyScheme.SR25519, "//0"))).response().hasPublicKey())
                    .isTrue();
        }
    }

    private static void type(AutomationClient user, String phrase, boolean withTypo) {
        String[] words = phrase.split(" ");
        for (int i = 0; i < words.length; i++) {
            user.await("word", "Word " + (i + 1) + " of " + words.length);
            if (withTypo && i == 3) {
                user.input(words[i] + "x");
                user.await(node -> node.path("input").asText().equals("word")
                        && node.path("lines").toString().contains("Not a BIP39 word"), "the refusal");
            }
            user.input(words[i].toUpperCase(Locale.ROOT));
        }
    }

    private static String text(ILoggingEvent event) {
        String text = event.getLoggerName() + " " + event.getFormattedMessage();
        return event.getThrowableProxy() == null ? text : text + " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
    }
}
