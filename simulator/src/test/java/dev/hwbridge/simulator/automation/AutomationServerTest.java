package dev.hwbridge.simulator.automation;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hwbridge.simulator.screen.DeviceScreen;
import dev.hwbridge.simulator.screen.InputKind;
import dev.hwbridge.simulator.screen.Screen;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class AutomationServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Screen HOME = Screen.info("hwbridge", List.of("ready"));

    private final DeviceScreen screen = new DeviceScreen(HOME);
    private final ExecutorService device = Executors.newCachedThreadPool();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private AutomationServer server;

    @BeforeEach
    void start() throws IOException {
        server = AutomationServer.start(screen, 0, Duration.ofMillis(200));
    }

    @AfterEach
    void stop() {
        server.close();
        device.shutdownNow();
    }

    @Test
    void getScreenAnswersTitleLinesAndInput() throws Exception {
        HttpResponse<String> answer = get("/screen");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/json");
        assertThat(JSON.readTree(answer.body()))
                .isEqualTo(JSON.readTree("{\"title\":\"hwbridge\",\"lines\":[\"ready\"],\"input\":\"none\"}"));
    }

    @Test
    void getScreenSaysWhatTheDeviceWaitsFor() throws Exception {
        device.submit(() -> screen.ask(InputKind.PASSWORD, "Password for //1///", List.of("account 1")));
        awaitInput(InputKind.PASSWORD);

        JsonNode shown = JSON.readTree(get("/screen").body());
        assertThat(shown.get("input").asText()).isEqualTo("password");
        assertThat(shown.get("title").asText()).isEqualTo("Password for //1///");
    }

    @Test
    void postButtonConfirmAnswersTheWaitingPrompt() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);

        HttpResponse<String> response = post("/button", "{\"action\":\"confirm\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"ok\":true}"));
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void postButtonRejectAnswersTheWaitingPrompt() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Export JSON?", List.of("the key leaves the device")));
        awaitInput(InputKind.CONFIRM);

        assertThat(post("/button", "{\"action\":\"reject\"}").statusCode()).isEqualTo(200);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void postButtonWhileNoButtonIsAwaitedIs409() throws Exception {
        HttpResponse<String> response = post("/button", "{\"action\":\"confirm\"}");

        assertThat(response.statusCode()).isEqualTo(409);
        assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("not_waiting");
    }

    @Test
    void postButtonWithABadBodyIs400() throws Exception {
        for (String body : List.of("", "{}", "[]", "null", "\"confirm\"", "{\"action\":\"CONFIRM\"}",
                "{\"action\":\"confirm\",\"extra\":1}", "{\"action\":true}", "{\"action\":\"confirm\"}{}",
                "{\"action\":\"confirm\",\"action\":\"confirm\"}", "{\"text\":\"confirm\"}", "{action:confirm}")) {
            HttpResponse<String> response = post("/button", body);
            assertThat(response.statusCode()).as(body).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).get("error").asText()).isEqualTo("bad_request");
        }
    }

    @Test
    void postInputAnswersTheWaitingPin() throws Exception {
        Future<String> answer = device.submit(() -> screen.ask(InputKind.PIN, "Enter PIN", List.of()));
        awaitInput(InputKind.PIN);

        assertThat(post("/input", "{\"text\":\"2468\"}").statusCode()).isEqualTo(200);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isEqualTo("2468");
        assertThat(get("/screen").body()).doesNotContain("2468");
    }

    @Test
    void postInputWhileTheDeviceWaitsForAButtonIs409() throws Exception {
        device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);

        assertThat(post("/input", "{\"text\":\"abandon\"}").statusCode()).isEqualTo(409);
        assertThat(screen.current().input()).isEqualTo(InputKind.CONFIRM);
    }

    @Test
    void postInputWithABadBodyIs400() throws Exception {
        for (String body : List.of("{\"text\":1}", "{\"text\":\"a\",\"pin\":\"1\"}", "{\"word\":\"a\"}", "\"a\"",
                "{\"text\":null}", "{\"text\":[\"a\"]}")) {
            assertThat(post("/input", body).statusCode()).as(body).isEqualTo(400);
        }
    }

    @Test
    void anOversizeBodyIs413() throws Exception {
        String body = "{\"text\":\"" + "a".repeat(AutomationServer.MAX_BODY_BYTES) + "\"}";
        device.submit(() -> screen.ask(InputKind.TEXT, "Name", List.of()));
        awaitInput(InputKind.TEXT);

        HttpResponse<String> response = post("/input", body);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(screen.current().input()).isEqualTo(InputKind.TEXT);
    }

    @Test
    void anOversizeChunkedBodyIs413() throws Exception {
        String request = "POST /input HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + Integer.toHexString(5000) + "\r\n" + "a".repeat(5000) + "\r\n0\r\n\r\n";
        assertThat(rawStatus(request)).isEqualTo(413);
    }

    @Test
    void aPostThatIsNotJsonIs415() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/button"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"confirm\"}")).build();

        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(415);
    }

    @Test
    void aForeignHostIs403() throws Exception {
        assertThat(rawStatus(rawGet("/screen", "Host: attacker.example:" + server.port()))).isEqualTo(403);
        assertThat(rawStatus(rawGet("/screen", "Host: 127.0.0.1:" + (server.port() + 1)))).isEqualTo(403);
        assertThat(rawStatus(rawGet("/screen", "Host: 127.0.0.1"))).isEqualTo(403);
        assertThat(rawStatus(rawGet("/", "Host: 127.0.0.1.nip.io:" + server.port()))).isEqualTo(403);
    }

    @Test
    void everyLoopbackNameWithOurPortIsAccepted() throws Exception {
        for (String host : List.of("127.0.0.1", "localhost", "LocalHost", "[::1]")) {
            assertThat(rawStatus(rawGet("/screen", "Host: " + host + ":" + server.port()))).as(host).isEqualTo(200);
        }
    }

    @Test
    void aForeignOriginIs403() throws Exception {
        device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);
        HttpRequest request = HttpRequest.newBuilder(uri("/button"))
                .header("Content-Type", "application/json")
                .header("Origin", "http://localhost:8080")
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"confirm\"}")).build();

        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
        assertThat(screen.current().input()).isEqualTo(InputKind.CONFIRM);
    }

    @Test
    void ourOwnOriginIsAccepted() throws Exception {
        Future<Boolean> answer = device.submit(() -> screen.confirm("Sign?", List.of()));
        awaitInput(InputKind.CONFIRM);
        HttpRequest request = HttpRequest.newBuilder(uri("/button"))
                .header("Content-Type", "application/json; charset=utf-8")
                .header("Origin", "http://localhost:" + server.port())
                .POST(HttpRequest.BodyPublishers.ofString("{\"action\":\"confirm\"}")).build();

        assertThat(client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        assertThat(answer.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void unknownPathsAre404AndWrongMethods405() throws Exception {
        assertThat(get("/screen/x").statusCode()).isEqualTo(404);
        assertThat(get("/button").statusCode()).isEqualTo(405);
        assertThat(post("/screen", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void theIndexPageIsSelfContainedHtmlWithAStrictPolicy() throws Exception {
        HttpResponse<String> page = get("/");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("new EventSource(\"/events\")", "/button", "/input", "\"password\"")
                .doesNotContain("http://", "https://", "<script src", "<link");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "connect-src 'self'",
                IndexPage.hashOf(page.body(), "script"), IndexPage.hashOf(page.body(), "style"));
    }

    @Test
    void eventsSendTheCurrentScreenThenEveryChange() throws Exception {
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/event-stream"));
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        device.submit(() -> stream.body().filter(line -> line.startsWith("data: ")).forEach(line -> data.add(line.substring(6))));

        assertThat(JSON.readTree(data.poll(5, TimeUnit.SECONDS)).get("title").asText()).isEqualTo("hwbridge");
        screen.show(Screen.info("Locked", List.of("enter PIN on the device")));
        JsonNode changed = JSON.readTree(data.poll(5, TimeUnit.SECONDS));
        assertThat(changed.get("title").asText()).isEqualTo("Locked");
        assertThat(changed.get("input").asText()).isEqualTo("none");
        device.submit(() -> screen.confirm("Sign?", List.of()));
        assertThat(JSON.readTree(data.poll(5, TimeUnit.SECONDS)).get("input").asText()).isEqualTo("confirm");
        stream.body().close();
    }

    @Test
    void manyClientsGetTheSameEvents() throws Exception {
        List<BlockingQueue<String>> clients = List.of(openStream(), openStream(), openStream());
        for (BlockingQueue<String> events : clients) {
            assertThat(events.poll(5, TimeUnit.SECONDS)).contains("\"hwbridge\"");
        }
        screen.show(Screen.info("Wiped", List.of()));
        for (BlockingQueue<String> events : clients) {
            assertThat(events.poll(5, TimeUnit.SECONDS)).contains("\"Wiped\"");
        }
    }

    @Test
    void aClientThatGoesAwayIsDropped() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write(rawGet("/events", "Host: 127.0.0.1:" + server.port()).getBytes(StandardCharsets.US_ASCII));
            BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            assertThat(reader.readLine()).isEqualTo("HTTP/1.1 200 OK");
            awaitClients(1);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (int i = 0; eventStreamClients() > 0; i++) {
            assertThat(System.nanoTime()).as("the gone client is still streamed to").isLessThan(deadline);
            screen.show(Screen.info("change " + i, List.of()));
            Thread.sleep(20);
        }
        assertThat(get("/screen").statusCode()).isEqualTo(200);
    }

    @Test
    void theInputBodyIsNeverLogged() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger("dev.hwbridge.simulator");
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        Level before = logger.getLevel();
        logger.setLevel(Level.TRACE);
        logger.addAppender(appender);
        try {
            device.submit(() -> screen.ask(InputKind.PIN, "Enter PIN", List.of()));
            awaitInput(InputKind.PIN);
            post("/input", "{\"text\":\"97531\"}");
            post("/input", "{\"text\":\"86420\", \"junk\": \"86420\"}");
            post("/input", "{\"text\":\"75319");
        } finally {
            logger.detachAppender(appender);
            logger.setLevel(before);
        }
        assertThat(appender.list).isNotEmpty().noneMatch(event -> event.getFormattedMessage().contains("97531")
                || event.getFormattedMessage().contains("86420") || event.getFormattedMessage().contains("75319"));
    }

    @Test
    void closeEndsTheEventStreams() throws Exception {
        BlockingQueue<String> events = openStream();
        assertThat(events.poll(5, TimeUnit.SECONDS)).isNotNull();

        server.close();

        assertThat(events.poll(5, TimeUnit.SECONDS)).isEqualTo(END_OF_STREAM);
    }

    private static final String END_OF_STREAM = "<end>";

    private BlockingQueue<String> openStream() throws Exception {
        HttpResponse<Stream<String>> stream = client.send(HttpRequest.newBuilder(uri("/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        BlockingQueue<String> data = new LinkedBlockingQueue<>();
        device.submit(() -> {
            try {
                stream.body().filter(line -> line.startsWith("data: ")).forEach(line -> data.add(line.substring(6)));
            } finally {
                data.add(END_OF_STREAM);
            }
        });
        return data;
    }

    private int eventStreamClients() {
        return server.eventStreamCount();
    }

    private void awaitClients(int count) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (eventStreamClients() != count) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.sleep(5);
        }
    }

    private HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return server.uri().resolve(path);
    }

    private static String rawGet(String path, String hostLine) {
        return "GET " + path + " HTTP/1.1\r\n" + hostLine + "\r\nConnection: close\r\n\r\n";
    }

    private int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    private void awaitInput(InputKind kind) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (screen.current().input() != kind) {
            assertThat(System.nanoTime()).as("the device never waited for " + kind).isLessThan(deadline);
            Thread.sleep(2);
        }
    }
}
