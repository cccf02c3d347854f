package dev.hwbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.protocol.message.ButtonRequest;
import dev.hwbridge.protocol.message.Failure;
import dev.hwbridge.protocol.message.Features;
import dev.hwbridge.protocol.message.InputRequest;
import dev.hwbridge.protocol.message.Progress;
import dev.hwbridge.protocol.message.Response;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import dev.hwbridge.simulator.testing.Devices;
import dev.hwbridge.simulator.testing.Exchange;
import dev.hwbridge.simulator.testing.Requests;
import dev.hwbridge.simulator.testing.ScreenDriver;
import dev.hwbridge.simulator.testing.SimHost;
import dev.hwbridge.testkit.automation.AutomationClient;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Setup through the real UDP transport, with the user played through the automation API or the screen. */
class SetupFlowTest {

    @Test
    void setupShowsTheWordsOnlyOnTheScreenChecksTheBackupAndLeavesTheDeviceUnlocked() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            AutomationClient user = new AutomationClient(device.automationUri());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.setup(12, ""));

            user.await("confirm", "Create a new seed?");
            user.press("confirm");
            List<String> words = new ArrayList<>();
            for (int page = 0; page < 3; page++) {
                String first = (page * 4 + 1) + ". ";
                JsonNode screen = user.await(node -> node.path("input").asText().equals("confirm")
                        && node.path("lines").path(0).asText().startsWith(first), "page " + (page + 1));
                assertThat(screen.path("title").asText()).isEqualTo("Write down your words");
                screen.path("lines").forEach(line -> words.add(line.asText().substring(line.asText().indexOf(". ") + 2)));
                user.press("confirm");
            }
            List<Integer> checked = new ArrayList<>();
            for (int check = 0; check < 3; check++) {
                JsonNode screen = user.await("word", "Enter word ");
                int position = Integer.parseInt(screen.path("title").asText().substring("Enter word ".length()));
                checked.add(position);
                user.input(words.get(position - 1));
            }
            user.await("pin", "Choose a PIN");
            user.input("2468");
            user.await("pin", "Confirm the PIN");
            user.input("2468");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            assertThat(words).hasSize(12);
            assertThat(checked).isSorted().doesNotHaveDuplicates();
            // The host learns the steps, never a word.
            assertThat(result.interims()).containsExactlyElementsOf(expectedSetupInterims(12, checked));

            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isTrue();
            assertThat(features.getLocked()).isFalse();
            assertThat(features.getPinSet()).isTrue();
            assertThat(features.getIdentitiesList()).containsExactly("default");

            // The seed behind the device's keys is the one shown on the screen.
            Response derived = host.call(Requests.request(Requests.derive(
                    dev.hwbridge.protocol.message.KeyScheme.SR25519, "//0"))).response();
            try (SecretUri uri = SecretUri.parse(String.join(" ", words) + "//0");
                 KeyPair expected = Keys.fromUri(KeyScheme.SR25519, uri)) {
                assertThat(derived.getPublicKey().getPublicKey().toByteArray()).isEqualTo(expected.publicKey());
            }
        }
    }

    @Test
    void aWrongBackupWordSendsTheUserBackToThePages() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.setup(12, "main"));
            user.confirm("Create a new seed?");
            List<String> words = readPages(user, 12);
            Screen check = user.await(InputKind.WORD, "Enter word ");
            int position = Integer.parseInt(check.title().substring("Enter word ".length()));
            String wrong = words.get(position - 1).equals("zoo") ? "abandon" : "zoo";
            device.screen().type(wrong);

            Screen again = user.await(s -> s.input() == InputKind.CONFIRM && s.title().equals("Write down your words"),
                    "the first page again");
            assertThat(again.lines()).first().isEqualTo("A word did not match: check your copy");
            assertThat(readPages(user, 12)).isEqualTo(words);
            for (int i = 0; i < 3; i++) {
                Screen prompt = user.await(InputKind.WORD, "Enter word ");
                device.screen().type(words.get(Integer.parseInt(prompt.title().substring("Enter word ".length())) - 1));
            }
            user.choosePin("1357");
            Exchange result = pending.get(30, TimeUnit.SECONDS);

            assertThat(result.response().hasSuccess()).isTrue();
            long backupPages = result.interims().stream()
                    .filter(r -> r.hasButtonRequest() && r.getButtonRequest().getKind() == ButtonRequest.Kind.BACKUP).count();
            assertThat(backupPages).isEqualTo(6);
            assertThat(host.call(Requests.features()).response().getFeatures().getIdentitiesList()).containsExactly("main");
        }
    }

    @Test
    void rejectingAPageOfWordsStoresNothing() throws Exception {
        try (Simulator device = Devices.builder().start(); SimHost host = SimHost.connect(device.udpPort())) {
            ScreenDriver user = new ScreenDriver(device.screen());
            CompletableFuture<Exchange> pending = host.callAsync(Requests.setup(24, ""));
            user.confirm("Create a new seed?");
            user.confirm("Write down your words");
            user.reject("Write down your words");

            assertThat(pending.get(30, TimeUnit.SECONDS).failureCode()).isEqualTo(Failure.Code.USER_REJECTED);
            Features features = host.call(Requests.features()).response().getFeatures();
            assertThat(features.getInitialized()).isFalse();
            assertThat(features.getPinSet()).isFalse();
        }
    }

    @Test
    void aSetUpDeviceRefusesASecondSeedForTheSameIdentity() {
        try (Simulator device = Devices.builder().mnemonic(dev.hwbridge.simulator.testing.Vectors.DEV_PHRASE).start();
             SimHost host = SimHost.connect(device.udpPort())) {
            assertThat(host.call(Requests.setup(12, "")).failureCode()).isEqualTo(Failure.Code.ALREADY_INITIALIZED);
            assertThat(host.call(Requests.setup(12, "default")).failureCode()).isEqualTo(Failure.Code.ALREADY_INITIALIZED);
            assertThat(host.call(Requests.setup(13, "other")).failureCode()).isEqualTo(Failure.Code.INVALID_REQUEST);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> readPages(ScreenDriver user, int wordCount) {
        List<String> words = new ArrayList<>();
        while (words.size() < wordCount) {
            String first = (words.size() + 1) + ". ";
            Screen page = user.await(s -> s.input() == InputKind.CONFIRM && s.title().equals("Write down your words")
                    && s.lines().stream().anyMatch(line -> line.startsWith(first)), "the page from word " + first);
            page.lines().stream().filter(line -> line.matches("\\d+\\. .*"))
                    .forEach(line -> words.add(line.substring(line.indexOf(". ") + 2)));
            user.confirm("Write down your words");
        }
        return words;
    }

    private static List<Response> expectedSetupInterims(int wordCount, List<Integer> checked) {
        List<Response> expected = new ArrayList<>();
        expected.add(button(ButtonRequest.Kind.SETUP, "Create a new seed?", List.of(wordCount + " words", "identity default")));
        int pages = wordCount / 4;
        for (int page = 1; page <= pages; page++) {
            String range = "words " + ((page - 1) * 4 + 1) + "–" + (page * 4) + " of " + wordCount;
            expected.add(progress(page, pages, range));
            expected.add(button(ButtonRequest.Kind.BACKUP, "Write down your words", List.of(range)));
        }
        for (int i = 0; i < checked.size(); i++) {
            expected.add(progress(i + 1, checked.size(), "check " + (i + 1) + " of " + checked.size()));
            expected.add(input(InputRequest.Kind.WORD, "Enter word " + checked.get(i)));
        }
        expected.add(input(InputRequest.Kind.NEW_PIN, "Choose a PIN"));
        expected.add(input(InputRequest.Kind.NEW_PIN, "Confirm the PIN"));
        return expected;
    }

    static Response button(ButtonRequest.Kind kind, String title, List<String> lines) {
        return Response.newBuilder().setButtonRequest(ButtonRequest.newBuilder().setKind(kind).setTitle(title)
                .addAllLines(lines)).build();
    }

    static Response progress(int current, int total, String text) {
        return Response.newBuilder().setProgress(Progress.newBuilder().setCurrent(current).setTotal(total)
                .setText(text)).build();
    }

    static Response input(InputRequest.Kind kind, String title) {
        return Response.newBuilder().setInputRequest(InputRequest.newBuilder().setKind(kind).setTitle(title)).build();
    }
}
