package dev.hwbridge.daemon.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The error table is written once, in API.md ("Errors"), and copied where code needs it: the
 * daemon's {@link RpcError}, the JavaScript client's {@code ErrorCode} and its TypeScript
 * declaration, and the wallet page's sentences ({@code messages.js}). Every copy must say what
 * API.md says, so none can drift. Surefire runs in the daemon's folder; paths are relative to it.
 */
class ErrorTableTest {

    private static final Path API = Path.of("API.md");
    private static final Path CLIENT = Path.of("..", "src", "client", "lib", "hwbridge.js");
    private static final Path DECLARATIONS = Path.of("..", "src", "client", "lib", "hwbridge.d.ts");
    private static final Path PAGE_MESSAGES = Path.of("src", "main", "resources", "web", "messages.js");
    /** The client's own codes (the connection, not the daemon, ended a call) start here. */
    private static final int FIRST_CLIENT_CODE = 2000;

    private static Map<String, Integer> documented;
    private static Map<String, Integer> client;

    @BeforeAll
    static void readTheTables() throws IOException {
        documented = entries(section(read(API), "### Errors", "\n## "),
                Pattern.compile("^\\| (-?\\d+) \\| `([A-Z_]+)` \\|", Pattern.MULTILINE), 2, 1);
        client = entries(section(read(CLIENT), "export const ErrorCode = Object.freeze({", "});"),
                Pattern.compile("^ +([A-Z_]+): (-?\\d+),?$", Pattern.MULTILINE), 1, 2);
    }

    @Test
    void apiMdDocumentsEveryCodeOnce() {
        assertThat(documented).hasSize(31).containsEntry("PARSE_ERROR", -32700).containsEntry("RATE_LIMITED", 1019);
        assertThat(documented.values()).doesNotHaveDuplicates();
    }

    @Test
    void theDaemonsEnumIsTheTableOfApiMd() {
        Map<String, Integer> daemon = Arrays.stream(RpcError.values())
                .collect(Collectors.toMap(Enum::name, RpcError::code, (a, b) -> a, LinkedHashMap::new));

        assertThat(daemon).containsExactlyEntriesOf(documented);
    }

    @Test
    void theJavaScriptClientHasTheTableOfApiMdAndItsOwnCodesAbove() {
        Map<String, Integer> daemonCodes = new LinkedHashMap<>(client);
        daemonCodes.values().removeIf(code -> code >= FIRST_CLIENT_CODE);

        assertThat(daemonCodes).containsExactlyEntriesOf(documented);
        assertThat(clientOwn()).isNotEmpty().doesNotContainKeys(documented.keySet().toArray(String[]::new));
    }

    @Test
    void theTypeScriptDeclarationHasTheClientsTable() throws IOException {
        Map<String, Integer> declared = entries(
                section(read(DECLARATIONS), "export declare const ErrorCode: Readonly<{", "}>;"),
                Pattern.compile("^ +([A-Z_]+): (-?\\d+);$", Pattern.MULTILINE), 1, 2);

        assertThat(declared).containsExactlyEntriesOf(client);
    }

    @Test
    void theWalletPageHasASentenceForEveryNameAndNoOther() throws IOException {
        Map<String, Integer> sentences = entries(section(read(PAGE_MESSAGES), "const ERRORS = {", "};"),
                Pattern.compile("^ +([A-Z_]+): \"", Pattern.MULTILINE), 1, 1);

        assertThat(sentences.keySet()).containsExactlyInAnyOrderElementsOf(client.keySet());
    }

    private static Map<String, Integer> clientOwn() {
        Map<String, Integer> own = new LinkedHashMap<>(client);
        own.values().removeIf(code -> code < FIRST_CLIENT_CODE);
        return own;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** The text after the first {@code start} up to the next {@code end}. */
    private static String section(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("%s in the file", start).isNotNegative();
        int to = text.indexOf(end, from + start.length());
        assertThat(to).as("%s after %s", end, start).isPositive();
        return text.substring(from + start.length(), to);
    }

    /** name → code of every match, in order; a name twice fails. Rows without a code pass the name's group twice (code 0). */
    private static Map<String, Integer> entries(String text, Pattern row, int nameGroup, int codeGroup) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Matcher matcher = row.matcher(text);
        while (matcher.find()) {
            String name = matcher.group(nameGroup);
            int code = codeGroup == nameGroup ? 0 : Integer.parseInt(matcher.group(codeGroup));
            assertThat(found.put(name, code)).as("%s listed once", name).isNull();
        }
        assertThat(found).as("rows of %s", row).isNotEmpty();
        return found;
    }
}
