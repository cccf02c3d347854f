package dev.hwbridge.protocol.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DerivationPathTest {

    @Test
    void emptyTextIsTheEmptyPath() {
        DerivationPath path = DerivationPath.parse("");
        assertThat(path.isEmpty()).isTrue();
        assertThat(path).isEqualTo(DerivationPath.empty()).hasToString("");
        assertThat(path.hasSoftJunction()).isFalse();
    }

    @Test
    void everyVectorDerivePathGivesItsJunctionsAndChainCodes() {
        int checked = 0;
        for (JsonNode derivation : Vectors.derivations()) {
            String text = derivation.get("derivePath").asText();
            DerivationPath path = DerivationPath.parse(text);
            assertJunctions(path, derivation.get("junctions"));
            assertThat(path).hasToString(text);
            checked++;
        }
        assertThat(checked).isEqualTo(45);
    }

    @Test
    void thePathPartOfEverySuriFormParses() {
        for (JsonNode form : Vectors.root().get("suriForms")) {
            String suri = form.get("suri").asText();
            int slash = suri.indexOf('/');
            String text = slash < 0 ? "" : suri.substring(slash);
            DerivationPath path = DerivationPath.parse(text);
            assertJunctions(path, form.get("junctions"));
            assertThat(path).hasToString(text);
        }
    }

    @Test
    void aPasswordSuffixIsNeverPartOfAPath() {
        assertThat(Vectors.derivations()).anySatisfy(d -> assertThat(d.get("path").asText()).contains("///"));
        for (JsonNode derivation : Vectors.derivations()) {
            String full = derivation.get("path").asText();
            if (full.contains("///")) {
                assertInvalidPathWithoutEcho(full, "pass");
            }
        }
    }

    @Test
    void hardAndSoftJunctionsAreReadInOrder() {
        DerivationPath path = DerivationPath.parse("//polkadot/0//x/y");
        assertThat(path.junctions()).extracting(Junction::hard).containsExactly(true, false, true, false);
        assertThat(path.junctions()).extracting(Junction::text).containsExactly("polkadot", "0", "x", "y");
        assertThat(path.hasSoftJunction()).isTrue();
        assertThat(DerivationPath.parse("//a//b").hasSoftJunction()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"/", "//", "///", "a", "a//b", "//a/", "//a//", "//a///b", "////a", " //a",
        "//a///hunter2", "///hunter2"})
    void whatKeyExtractPathRefusesIsInvalidPath(String text) {
        assertInvalidPathWithoutEcho(text, "hunter2");
    }

    @Test
    void errorMessagesNeverRepeatTheText() {
        String secret = "correcthorsebatterystaple";
        for (String text : new String[] {secret, "//" + secret + "/", "//x///" + secret, "/" + secret + "//"}) {
            assertInvalidPathWithoutEcho(text, secret);
        }
    }

    @Test
    void pathLengthIsBounded() {
        String longest = "//" + "x".repeat(DerivationPath.MAX_LENGTH - 2);
        assertThat(DerivationPath.parse(longest)).hasToString(longest);
        assertInvalidPathWithoutEcho(longest + "x", "xxxxxxxx");
    }

    @Test
    void junctionCountIsBounded() {
        String most = "/1".repeat(DerivationPath.MAX_JUNCTIONS);
        assertThat(DerivationPath.parse(most).junctions()).hasSize(DerivationPath.MAX_JUNCTIONS);
        assertInvalidPathWithoutEcho(most + "/1", "/1/1/1");
        DerivationPath full = DerivationPath.parse(most);
        assertThatThrownBy(() -> full.append(Junction.parse("1", false)))
                .isInstanceOfSatisfying(FormatException.class,
                        e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH));
    }

    @Test
    void appendReturnsALongerPathAndLeavesThisOneAlone() {
        DerivationPath base = DerivationPath.parse("//polkadot");
        DerivationPath longer = base.append(Junction.parse("0", false));
        assertThat(longer).hasToString("//polkadot/0").isEqualTo(DerivationPath.parse("//polkadot/0"));
        assertThat(base).hasToString("//polkadot");
        assertThat(DerivationPath.empty().append(Junction.parse("Alice", true))).hasToString("//Alice");
    }

    @Test
    void theJunctionListCannotBeChangedFromOutside() {
        List<Junction> list = new ArrayList<>(List.of(Junction.parse("a", true)));
        DerivationPath path = new DerivationPath(list);
        list.add(Junction.parse("b", true));
        assertThat(path).hasToString("//a");
        assertThatThrownBy(() -> path.junctions().add(Junction.parse("c", true)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void junctionsThatWouldNotPrintBackAreRefused() {
        for (String text : new String[] {"", "a/b", "/"}) {
            Junction odd = new Junction(true, text, new byte[Junction.CHAIN_CODE_LENGTH]);
            assertThatThrownBy(() -> DerivationPath.empty().append(odd))
                    .isInstanceOfSatisfying(FormatException.class,
                            e -> assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH));
        }
    }

    private static void assertJunctions(DerivationPath path, JsonNode expected) {
        assertThat(path.junctions()).hasSize(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            Junction junction = path.junctions().get(i);
            assertThat(junction).hasToString(expected.get(i).get("junction").asText());
            assertThat(junction.hard()).isEqualTo(expected.get(i).get("isHard").asBoolean());
            assertThat(junction.chainCode()).isEqualTo(Vectors.hex(expected.get(i).get("chainCode")));
        }
    }

    private static void assertInvalidPathWithoutEcho(String text, String secret) {
        assertThatThrownBy(() -> DerivationPath.parse(text))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.code()).isEqualTo(FormatError.INVALID_PATH);
                    assertThat(e.getMessage()).doesNotContain(secret);
                });
    }
}
