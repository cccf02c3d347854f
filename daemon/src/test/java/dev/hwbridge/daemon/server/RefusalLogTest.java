package dev.hwbridge.daemon.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RefusalLogTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final String PAGE = "\"https://evil.example\"";
    private static final String ORIGIN_REFUSED = "Origin is not allowed";

    private final AtomicLong clock = new AtomicLong(5 * SECOND);
    private final List<String> lines = new ArrayList<>();
    private final RefusalLog log = new RefusalLog(clock::get, lines::add);

    @Test
    void firstRefusalIsLoggedAtOnce() {
        log.refused(PAGE, ORIGIN_REFUSED);

        assertThat(lines).containsExactly("refused a request from \"https://evil.example\": Origin is not allowed"
                + " (more like it are counted and logged at most every 10 s)");
    }

    @Test
    void aThousandRefusalsInHalfASecondMakeOneLineThenOneWithTheCount() {
        for (int i = 0; i < 1000; i++) {
            log.refused(PAGE, ORIGIN_REFUSED);
            clock.addAndGet(SECOND / 2000);
        }
        assertThat(lines).hasSize(1);

        clock.addAndGet(10 * SECOND);
        log.refused(PAGE, ORIGIN_REFUSED);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).isEqualTo("refused 1000 more requests from \"https://evil.example\": Origin is not allowed");
        assertThat(log.total()).isEqualTo(1001);
    }

    @Test
    void atMostOneLinePerOriginAndReasonEachInterval() {
        for (int second = 0; second < 60; second++) {
            for (int i = 0; i < 50; i++) {
                log.refused(PAGE, ORIGIN_REFUSED);
            }
            clock.addAndGet(SECOND);
        }

        // Seconds 0, 10, 20, 30, 40, 50.
        assertThat(lines).hasSize(6);
        assertThat(lines.subList(1, 6)).allMatch(line -> line.startsWith("refused 500 more requests"));
    }

    @Test
    void originsAndReasonsAreCountedApart() {
        log.refused(PAGE, ORIGIN_REFUSED);
        log.refused(PAGE, "calls faster than allowed (RATE_LIMITED)");
        log.refused(RefusalLog.NO_ORIGIN, ORIGIN_REFUSED);
        log.refused(PAGE, ORIGIN_REFUSED);

        assertThat(lines).hasSize(3);
    }

    @Test
    void flushWritesCountsThatNoLaterRefusalWouldHave() {
        log.refused(PAGE, ORIGIN_REFUSED);
        log.refused(PAGE, ORIGIN_REFUSED, 41);

        log.flush();
        assertThat(lines).hasSize(1);
        clock.addAndGet(10 * SECOND);
        log.flush();
        log.flush();

        assertThat(lines).hasSize(2).last().asString().startsWith("refused 41 more requests");
    }

    @Test
    void quietPairsAreForgottenSoTheirNextRefusalIsLoggedAsFirst() {
        log.refused(PAGE, ORIGIN_REFUSED);
        clock.addAndGet(10 * SECOND);
        log.flush();

        clock.addAndGet(SECOND);
        log.refused(PAGE, ORIGIN_REFUSED);

        assertThat(lines).hasSize(2).allMatch(line -> line.startsWith("refused a request"));
    }

    @Test
    void inventedOriginsBeyondTheTrackedNumberAreCountedTogether() {
        for (int i = 0; i < RefusalLog.MAX_KEYS + 500; i++) {
            log.refused("\"https://o" + i + ".example\"", ORIGIN_REFUSED);
        }

        // One line for each tracked origin, then one for the rest together.
        assertThat(lines).hasSize(RefusalLog.MAX_KEYS + 1);
        assertThat(lines).last().asString().contains(RefusalLog.OTHER_ORIGINS);
        assertThat(log.total()).isEqualTo(RefusalLog.MAX_KEYS + 500);
    }

    @Test
    void originHeaderIsMadeSafeToLog() {
        assertThat(RefusalLog.origin(null)).isEqualTo(RefusalLog.NO_ORIGIN);
        assertThat(RefusalLog.origin("https://a.example\r\nX: 1")).isEqualTo("\"https://a.example??X: 1\"");
    }
}
