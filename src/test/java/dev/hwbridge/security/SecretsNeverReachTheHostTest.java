package dev.hwbridge.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hwbridge.daemon.backup.Fingerprint;
import dev.hwbridge.protocol.account.KeyScheme;
import dev.hwbridge.simulator.Simulator;
import dev.hwbridge.simulator.bip39.MiniSecret;
import dev.hwbridge.simulator.bip39.Mnemonic;
import dev.hwbridge.simulator.keys.KeyPair;
import dev.hwbridge.simulator.keys.Keys;
import dev.hwbridge.simulator.keys.SecretUri;
import dev.hwbridge.simulator.state.KdfParams;
import dev.hwbridge.testkit.automation.AutomationClient;
import dev.hwbridge.testkit.process.DaemonProcess;
import dev.hwbridge.testkit.rpc.RpcClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design's rule (src/docs/ARCHITECTURE.md), checked on the product as a user runs it:
 * secrets never leave the device.
 *
 * <p>A simulated device (in-process; it <em>is</em> the device, so its own traffic and logs are
 * not searched) and the daemon as a child process ({@code java -jar hwbridge.jar}, log level
 * TRACE). A wallet client that records every WebSocket frame drives the flows a user goes
 * through, and the user's hand types on the device through its automation API: setup of a new
 * seed with a PIN, recovery of a second seed, accounts of every key type with a soft junction and
 * one behind a {@code ///password} typed on the device, a signature, an encrypted JSON export
 * (with its JSON password, which the client sends by design) and its import, both backup
 * formats, a wipe, recovery of the first seed with a new PIN, and restore. Then every daemon log
 * line, every frame in both directions and every file under the daemon's home, temporary and data
 * directories are searched for every seed word (whole words, any case), the entropy and
 * mini-secrets (hex, base64, raw bytes), every private key involved (the same), both PINs, the
 * {@code ///password} and the JSON password: no hit. The one exception is the JSON password in
 * what the client sent, by design; the encrypted export itself is the one deliberate export of a
 * key and must still hold no raw secret.
 */
class SecretsNeverReachTheHostTest {

    private static final int WORDS = 12;
    /*
     * Both seeds are chosen, so that a hit can only be a leak: whole-word search for a random seed
     * would trip over the many BIP39 words that are also plain English in log lines, stack traces
     * and JSON ("security", "access", "device", "session"…). These words appear in none of them.
     */
    /** The seed the device makes at setup (its random source is handed this entropy). */
    private static final String SETUP_PHRASE =
            "galaxy helmet saddle knife walnut oyster zebra lobster giraffe cactus pumpkin mushroom";
    /** The second seed, recovered on the device. */
    private static final String SPARE_PHRASE =
            "violin dolphin hamster kangaroo mango lizard tornado volcano squirrel ostrich tomato burger";
    private static final String SETUP_PIN = "4926175038";
    private static final String RECOVERY_PIN = "7315904862";
    private static final String PASSPHRASE = "Quixotic-Zephyr-Passphrase-71";
    private static final String JSON_PASSWORD = "Jovial-Kumquat-Json-Password-38";
    private static final Pattern WORD_LINE = Pattern.compile("(\\d+)\\. (\\p{L}+)");
    private static final Pattern DIGITS = Pattern.compile("\\d+");

    /** An account the test derives: on which seed, with which key, whether behind the ///password. */
    private record Account(String identity, KeyScheme scheme, String path, int ss58Format, boolean passphrase,
                           String name) {
    }

    private static final List<Account> DEFAULT_ACCOUNTS = List.of(
            new Account(null, KeyScheme.SR25519, "//polkadot//0", 0, false, "Polkadot"),
            new Account(null, KeyScheme.SR25519, "//polkadot/soft", 0, false, "Soft"),
            new Account(null, KeyScheme.ED25519, "//kusama", 2, false, "Kusama"),
            new Account(null, KeyScheme.ECDSA, "//evm//1", 42, false, "EVM"),
            new Account(null, KeyScheme.SR25519, "//polkadot", 0, true, "Vault"));
    private static final Account SPARE_ACCOUNT = new Account("spare", KeyScheme.SR25519, "//0", 42, false, "Spare");
    private static final Account TRAVEL = new Account(null, KeyScheme.SR25519, "//travel", 0, false, "Travel");

    @TempDir
    Path scratch;

    private RpcClient wallet;
    private AutomationClient hand;
    private String session;

    @Test
    void noSecretReachesTheDaemonsLogsTrafficOrFiles() throws Exception {
        String jar = System.getProperty("hwbridge.daemon.jar");
        if (jar != null) {
            assertThat(Path.of(jar)).as("in a reactor build the packaged daemon jar is what runs").isRegularFile();
        }
        Path sandbox = Files.createDirectories(scratch.resolve("daemon"));
        Path logs = scratch.resolve("logs");
        String setupPhrase;
        List<String> lines;
        ChosenSeedRandom random = new ChosenSeedRandom();
        try (Simulator device = Simulator.builder().udpPort(0).automationPort(0).kdf(new KdfParams(64, 1, 1))
                .random(random).start();
             DaemonProcess daemon = DaemonProcess.startSandboxed(device.udpAddress(), sandbox, logs)) {
            hand = new AutomationClient(device.automationUri());
            try (RpcClient client = RpcClient.connectRecording(daemon.webSocketUri())) {
                wallet = client;
                session = acquire();
                random.nextSeed(Mnemonic.toEntropy(SETUP_PHRASE));
                setupPhrase = userFlows();
            }
            daemon.stop();
            lines = daemon.outputLines();
        }

        SecretScan everything = secrets(setupPhrase, true);
        SecretScan exceptJsonPassword = secrets(setupPhrase, false);
        List<SecretScan.Hit> hits = new ArrayList<>();
        hits.addAll(everything.inLines("daemon log", lines));
        hits.addAll(everything.inLines("received frame", wallet.received()));
        hits.addAll(exceptJsonPassword.inLines("sent frame", wallet.sent()));
        List<Path> files = filesUnder(sandbox);
        for (Path file : files) {
            hits.addAll(everything.inFile(sandbox.relativize(file).toString(), Files.readAllBytes(file)));
        }

        // The search is over real material: the log is at TRACE and covers the calls, the
        // registry was written, and the search finds a secret where one is.
        assertThat(String.join("\n", lines)).contains("TRACE").contains("account.exportEncrypted")
                .contains("backup.restore");
        assertThat(files).anySatisfy(file -> assertThat(file.getFileName().toString()).isEqualTo("accounts.json"));
        assertThat(everything.inLines("sent frame", wallet.sent()))
                .as("the JSON password is in what the client sent, and the search finds it")
                .anySatisfy(hit -> assertThat(hit.secret()).isEqualTo("JSON password"));
        assertThat(everything.inText("control", setupPhrase + " " + SPARE_PHRASE)).hasSize(2 * WORDS);
        SecretScan publicKey = publicKeyOf(DEFAULT_ACCOUNTS.get(DEFAULT_ACCOUNTS.size() - 1));
        assertThat(files.stream().flatMap(file -> read(file, publicKey).stream()))
                .as("a public key, registered by design, is found in the files").isNotEmpty();
        assertThat(publicKey.inLines("received frame", wallet.received())).as("and in the frames").isNotEmpty();
        assertThat(hits).as("secrets found on the host (names and places only)").isEmpty();
    }

    private String acquire() throws Exception {
        JsonNode device = null;
        for (int i = 0; i < 400 && device == null; i++) {
            JsonNode list = wallet.call("device.list", RpcClient.params());
            if (list.size() == 1 && !list.get(0).get("label").isNull()) {
                device = list.get(0);
            } else {
                Thread.sleep(25);
            }
        }
        assertThat(device).as("the simulator in device.list").isNotNull();
        return wallet.call("session.acquire", RpcClient.params().put("device", device.get("id").asText()))
                .get("session").asText();
    }

    private ObjectNode withSession() {
        return RpcClient.params().put("session", session);
    }

    /** Every flow the test covers; returns the phrase of the seed the device made at setup. */
    private String userFlows() throws Exception {
        String setupPhrase = setUp();
        recover(SPARE_PHRASE, "spare", null);

        List<String> addresses = new ArrayList<>();
        for (Account account : DEFAULT_ACCOUNTS) {
            addresses.add(derive(account));
        }
        derive(SPARE_ACCOUNT);
        sign(addresses.get(DEFAULT_ACCOUNTS.size() - 1));

        JsonNode exported = exportEncrypted(TRAVEL);
        JsonNode vaultExport = exportEncrypted(DEFAULT_ACCOUNTS.get(DEFAULT_ACCOUNTS.size() - 1));
        assertThat(vaultExport.get("address").asText()).isEqualTo(addresses.get(DEFAULT_ACCOUNTS.size() - 1));
        CompletableFuture<JsonNode> imported = wallet.send("account.importEncrypted", withSession()
                .<ObjectNode>set("json", exported).put("password", JSON_PASSWORD).put("identity", "travel"));
        hand.confirm();
        assertThat(RpcClient.result(imported).get("identity").asText()).isEqualTo("travel");

        ArrayNode listed = RpcClient.JSON.valueToTree(addresses);
        JsonNode backup = wallet.call("backup.export", RpcClient.params().put("format", "hwbridge")
                .set("addresses", listed));
        wallet.call("backup.export", RpcClient.params().put("format", "polkadot-js"));

        CompletableFuture<JsonNode> wipe = wallet.send("device.wipe", withSession());
        hand.confirm();
        assertThat(RpcClient.result(wipe).get("initialized").asBoolean()).isFalse();
        recover(setupPhrase, null, RECOVERY_PIN);

        CompletableFuture<JsonNode> restore = wallet.send("backup.restore", withSession().set("document", backup));
        hand.type("password", PASSPHRASE);
        JsonNode restored = RpcClient.result(restore);
        assertThat(restored.get("mismatched")).isEmpty();
        assertThat(restored.get("restored")).hasSize(DEFAULT_ACCOUNTS.size());
        wallet.call("account.list", RpcClient.params());
        return setupPhrase;
    }

    /** device.setup of a 12-word seed: the words read off the device's pages, three typed back, a PIN. */
    private String setUp() throws Exception {
        CompletableFuture<JsonNode> setup = wallet.send("device.setup", withSession().put("wordCount", WORDS));
        hand.confirm();
        String[] words = new String[WORDS];
        for (int page = 0; page < WORDS / 4; page++) {
            for (JsonNode line : hand.confirm().get("lines")) {
                Matcher word = WORD_LINE.matcher(line.asText());
                if (word.matches()) {
                    words[Integer.parseInt(word.group(1)) - 1] = word.group(2);
                }
            }
        }
        for (int check = 0; check < 3; check++) {
            String asked = hand.await("word").get("title").asText();
            Matcher position = DIGITS.matcher(asked);
            assertThat(position.find()).as(asked).isTrue();
            hand.type("word", words[Integer.parseInt(position.group()) - 1]);
        }
        hand.type("pin", SETUP_PIN);
        hand.type("pin", SETUP_PIN);
        assertThat(RpcClient.result(setup).get("initialized").asBoolean()).isTrue();
        assertThat(String.join(" ", words)).as("the device made the seed it was handed").isEqualTo(SETUP_PHRASE);
        return String.join(" ", words);
    }

    /** device.recover: the words typed on the device, and a new PIN when the device has none. */
    private void recover(String phrase, String identity, String newPin) throws Exception {
        ObjectNode params = withSession().put("wordCount", WORDS);
        if (identity != null) {
            params.put("identity", identity);
        }
        CompletableFuture<JsonNode> recover = wallet.send("device.recover", params);
        hand.confirm();
        for (String word : phrase.split(" ")) {
            hand.type("word", word);
        }
        if (newPin != null) {
            hand.type("pin", newPin);
            hand.type("pin", newPin);
        }
        assertThat(RpcClient.result(recover).get("initialized").asBoolean()).isTrue();
    }

    private ObjectNode keyParams(Account account) {
        ObjectNode params = withSession().put("scheme", account.scheme().id()).put("path", account.path())
                .put("ss58Format", account.ss58Format());
        if (account.identity() != null) {
            params.put("identity", account.identity());
        }
        if (account.passphrase()) {
            params.put("passphrase", true);
        }
        return params;
    }

    private String derive(Account account) throws Exception {
        CompletableFuture<JsonNode> derived = wallet.send("account.derive", keyParams(account).put("name", account.name()));
        if (account.passphrase()) {
            hand.type("password", PASSPHRASE);
        }
        return RpcClient.result(derived).get("address").asText();
    }

    private void sign(String address) throws Exception {
        String message = "0x" + HexFormat.of().formatHex("hwbridge secrets test".getBytes(StandardCharsets.UTF_8));
        ObjectNode raw = RpcClient.params().put("address", address).put("data", message).put("type", "bytes");
        CompletableFuture<JsonNode> signed = wallet.send("account.sign", withSession().put("address", address)
                .set("signerPayload", raw));
        hand.type("password", PASSPHRASE);
        hand.confirm();
        assertThat(RpcClient.result(signed).get("signature").asText()).startsWith("0x");
    }

    private JsonNode exportEncrypted(Account account) throws Exception {
        CompletableFuture<JsonNode> export = wallet.send("account.exportEncrypted", keyParams(account)
                .put("password", JSON_PASSWORD).put("name", account.name()));
        if (account.passphrase()) {
            hand.type("password", PASSPHRASE);
        }
        hand.confirm();
        return RpcClient.result(export);
    }

    /**
     * What the test knows to be secret, computed with the signer's own code from the phrases.
     *
     * @param withJsonPassword false for the client's own outgoing frames, which carry it by design
     */
    private static SecretScan secrets(String setupPhrase, boolean withJsonPassword) {
        SecretScan scan = new SecretScan();
        String[] setupWords = setupPhrase.split(" ");
        String[] spareWords = SPARE_PHRASE.split(" ");
        for (int i = 0; i < WORDS; i++) {
            scan.word("setup word " + (i + 1), setupWords[i]);
            scan.word("recovered word " + (i + 1), spareWords[i]);
        }
        scan.text("setup PIN", SETUP_PIN).text("recovery PIN", RECOVERY_PIN).text("///password", PASSPHRASE);
        if (withJsonPassword) {
            scan.text("JSON password", JSON_PASSWORD);
        }
        addSeed(scan, "setup seed", setupPhrase, "");
        addSeed(scan, "setup seed ///password", setupPhrase, PASSPHRASE);
        addSeed(scan, "recovered seed", SPARE_PHRASE, "");
        List<Account> keys = new ArrayList<>(DEFAULT_ACCOUNTS);
        keys.add(TRAVEL);
        keys.add(new Account(null, KeyScheme.SR25519, Fingerprint.RESERVED_PATH, 42, false, "fingerprint"));
        for (Account account : keys) {
            addKey(scan, "setup seed", setupPhrase, account);
        }
        addKey(scan, "recovered seed", SPARE_PHRASE, SPARE_ACCOUNT);
        addKey(scan, "recovered seed", SPARE_PHRASE,
                new Account("spare", KeyScheme.SR25519, Fingerprint.RESERVED_PATH, 42, false, "fingerprint"));
        return scan;
    }

    /** The entropy, the mini-secret and the root key of every scheme of one seed. */
    private static void addSeed(SecretScan scan, String name, String phrase, String password) {
        byte[] entropy = Mnemonic.toEntropy(phrase);
        byte[] miniSecret = MiniSecret.fromEntropy(entropy, password);
        scan.bytes(name + " entropy", entropy);
        scan.bytes(name + " mini-secret", miniSecret);
        for (KeyScheme scheme : KeyScheme.values()) {
            addKey(scan, name + " root", phrase + (password.isEmpty() ? "" : "///" + password), scheme);
        }
        Arrays.fill(entropy, (byte) 0);
        Arrays.fill(miniSecret, (byte) 0);
    }

    private static void addKey(SecretScan scan, String seed, String phrase, Account account) {
        addKey(scan, seed + " " + account.name() + " " + account.scheme().id() + " key",
                phrase + account.path() + (account.passphrase() ? "///" + PASSPHRASE : ""), account.scheme());
    }

    /** The secret parts of a key: sr25519 scalar and nonce, the ed25519 seed, the ecdsa private key. */
    private static void addKey(SecretScan scan, String name, String uri, KeyScheme scheme) {
        try (SecretUri parsed = SecretUri.parse(uri); KeyPair pair = Keys.fromUri(scheme, parsed)) {
            byte[] secret = pair.pkcs8Secret();
            scan.bytes(name + " " + scheme.id(), Arrays.copyOfRange(secret, 0, 32));
            if (scheme == KeyScheme.SR25519) {
                scan.bytes(name + " nonce", Arrays.copyOfRange(secret, 32, 64));
            }
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** A scan for one account's public key (public data the daemon keeps), to show the search works. */
    private static SecretScan publicKeyOf(Account account) {
        String uri = SETUP_PHRASE + account.path() + (account.passphrase() ? "///" + PASSPHRASE : "");
        try (SecretUri parsed = SecretUri.parse(uri); KeyPair pair = Keys.fromUri(account.scheme(), parsed)) {
            return new SecretScan().bytes(account.name() + " public key", pair.publicKey());
        }
    }

    private static List<SecretScan.Hit> read(Path file, SecretScan scan) {
        try {
            return scan.inFile(file.toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> filesUnder(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
