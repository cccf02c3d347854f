package dev.hwbridge.simulator.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InspectCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE_SR25519 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";

    @TempDir
    Path dir;

    @Test
    void devPhraseAliceIsTheWellKnownSubstrateAccount() {
        List<String> lines = CliRun.of("inspect", Vectors.devPhrase() + "//Alice").succeeded();

        assertThat(lines).containsExactly("{\"scheme\":\"sr25519\",\"network\":42,"
                + "\"publicKey\":\"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\","
                + "\"accountId\":\"0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d\","
                + "\"ss58Address\":\"" + ALICE_SR25519 + "\"}");
    }

    @Test
    void everyDerivationOfTheVectorsMatchesPolkadotJsForEverySchemeAndNetwork() {
        int compared = 0;
        for (JsonNode mnemonic : Vectors.ROOT.get("mnemonics")) {
            for (JsonNode derivation : mnemonic.get("derivations")) {
                String uri = mnemonic.get("phrase").asText() + derivation.get("path").asText();
                for (String scheme : List.of("sr25519", "ed25519", "ecdsa")) {
                    JsonNode expected = derivation.get(scheme);
                    if (expected.has("error")) {
                        CliRun.of("inspect", "--scheme", scheme, uri).isBadInputWithout(uri);
                        continue;
                    }
                    Iterator<Map.Entry<String, JsonNode>> addresses = expected.get("addresses").fields();
                    while (addresses.hasNext()) {
                        Map.Entry<String, JsonNode> address = addresses.next();
                        JsonNode line = json(CliRun.of("inspect", "--scheme", scheme, "--network", address.getKey(), uri)
                                .succeeded().get(0));
                        String which = mnemonic.get("name").asText() + derivation.get("path").asText() + " " + scheme;
                        assertThat(line.get("scheme").asText()).as(which).isEqualTo(scheme);
                        assertThat(line.get("network").asInt()).as(which).isEqualTo(Integer.parseInt(address.getKey()));
                        assertThat(line.get("publicKey").asText()).as(which).isEqualTo(expected.get("publicKey").asText());
                        assertThat(line.get("ss58Address").asText()).as(which).isEqualTo(address.getValue().asText());
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(300);
    }

    @Test
    void ecdsaAccountIdIsTheBlake2HashOfTheCompressedKey() {
        JsonNode expected = Vectors.ROOT.at("/mnemonics/0/derivations/2/ecdsa");
        JsonNode line = json(CliRun.of("inspect", "--scheme", "ecdsa", Vectors.devPhrase() + "//Alice").succeeded().get(0));

        assertThat(line.get("publicKey").asText()).hasSize(2 + 66).isEqualTo(expected.get("publicKey").asText());
        assertThat(line.get("accountId").asText()).hasSize(2 + 64)
                .isEqualTo(expected.get("accountId").asText().split(" ")[0]);
        assertThat(line.get("ss58Address").asText()).isEqualTo(expected.at("/addresses/42").asText());
    }

    @Test
    void secretUriFormsOfTheVectorsMatchPolkadotJs() {
        for (JsonNode form : Vectors.ROOT.get("suriForms")) {
            for (String scheme : List.of("sr25519", "ed25519", "ecdsa")) {
                JsonNode expected = form.get(scheme);
                if (expected.has("error")) {
                    continue;
                }
                JsonNode line = json(CliRun.of("inspect", "--scheme", scheme, form.get("suri").asText()).succeeded().get(0));
                assertThat(line.get("ss58Address").asText()).as(form.get("note").asText())
                        .isEqualTo(expected.get("address42").asText());
            }
        }
    }

    @Test
    void networkNamesStandForTheirPrefixes() {
        String uri = Vectors.devPhrase() + "//Alice";
        JsonNode ss58 = Vectors.ROOT.get("ss58").get("examples");

        assertThat(json(CliRun.of("inspect", "--network", "polkadot", uri).succeeded().get(0)).get("network").asInt())
                .isZero();
        assertThat(json(CliRun.of("inspect", "--network", "kusama", uri).succeeded().get(0)).get("network").asInt())
                .isEqualTo(2);
        assertThat(json(CliRun.of("inspect", "--network", "substrate", uri).succeeded().get(0)).get("ss58Address")
                .asText()).isEqualTo(ALICE_SR25519);
        for (JsonNode example : ss58) {
            String prefix = example.get("prefix").asText();
            assertThat(json(CliRun.of("inspect", "--network", prefix, uri).succeeded().get(0)).get("ss58Address").asText())
                    .as("prefix %s", prefix).isEqualTo(example.get("address").asText());
        }
    }

    @Test
    void uriFileGivesOneLineOutPerLineInInOrder() throws IOException {
        JsonNode derivations = Vectors.ROOT.at("/mnemonics/1/derivations");
        String phrase = Vectors.ROOT.at("/mnemonics/1/phrase").asText();
        List<String> expected = new ArrayList<>();
        StringBuilder file = new StringBuilder();
        for (int i : new int[] {4, 0, 2, 7, 2}) {
            file.append(phrase).append(derivations.get(i).get("path").asText()).append(i == 7 ? "\r\n" : "\n");
            expected.add(derivations.get(i).at("/sr25519/addresses/42").asText());
        }
        // no line break after the last line
        file.append(Vectors.devPhrase()).append("//Alice");
        expected.add(ALICE_SR25519);

        List<String> lines = CliRun.of("inspect", "--uri-file", write("uris", file.toString()).toString()).succeeded();

        assertThat(lines.stream().map(line -> json(line).get("ss58Address").asText())).containsExactlyElementsOf(expected);
    }

    @Test
    void passwordOptionMeansTheSameAsTripleSlashPassword() throws IOException {
        String phrase = Vectors.ROOT.at("/mnemonics/0/phrase").asText();
        JsonNode expected = Vectors.ROOT.at("/mnemonics/0/derivations/7");
        assertThat(expected.get("path").asText()).isEqualTo("//1///pass");

        List<String> withOption = CliRun.of("inspect", "--password", "pass", phrase + "//1").succeeded();
        List<String> inUri = CliRun.of("inspect", phrase + "//1///pass").succeeded();
        List<String> fromFile = CliRun.of("inspect", "--password", "pass",
                "--uri-file", write("uris", phrase + "//1\n" + phrase + "//1\n").toString()).succeeded();

        assertThat(withOption).isEqualTo(inUri);
        assertThat(json(withOption.get(0)).get("ss58Address").asText())
                .isEqualTo(expected.at("/sr25519/addresses/42").asText());
        assertThat(fromFile).containsExactly(inUri.get(0), inUri.get(0));
    }

    @Test
    void passwordOptionTogetherWithTripleSlashPasswordIsRefused() {
        String uri = Vectors.devPhrase() + "//1///hunter2";

        CliRun.of("inspect", "--password", "swordfish", uri).isBadInputWithout(uri, "hunter2", "swordfish");
    }

    @Test
    void blankLineInUriFileIsBadInputNamingTheLine() throws IOException {
        String phrase = Vectors.devPhrase();
        Path file = write("uris", phrase + "//Alice\n\n" + phrase + "//Bob\n");

        CliRun run = CliRun.of("inspect", "--uri-file", file.toString()).isBadInputWithout(phrase);

        assertThat(run.err()).contains("line 2");
    }

    @Test
    void badUriOnALaterLineGivesNoOutputAndNamesTheLine() throws IOException {
        String phrase = Vectors.devPhrase();
        String misspelt = phrase.replace("lake", "lakes");
        Path file = write("uris", phrase + "//Alice\n" + misspelt + "//Bob\n");

        CliRun run = CliRun.of("inspect", "--uri-file", file.toString()).isBadInputWithout(misspelt, "lakes");

        assertThat(run.err()).contains("line 2");
    }

    @Test
    void uriAndUriFileTogetherAreAUsageError() throws IOException {
        String uri = Vectors.devPhrase() + "//Alice";

        CliRun.of("inspect", "--uri-file", write("uris", uri).toString(), uri).isBadInputWithout(uri);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name + System.nanoTime());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private static JsonNode json(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
