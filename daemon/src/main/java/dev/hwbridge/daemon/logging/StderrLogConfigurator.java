package dev.hwbridge.daemon.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.util.Locale;
import java.util.function.BooleanSupplier;

/**
 * The daemon's logging, set up in code: every line to stderr (stdout carries the ready line) at
 * the level {@code HWBRIDGE_LOG_LEVEL} names, INFO by default.
 *
 * <p>Why not a logback.xml: reading one (an XML parser, Joran's model) took about 0.3 s of the
 * daemon's start on the benchmark machine, a third of it (src/bench/RESULTS.md). Found by logback
 * through {@code META-INF/services}; it steps aside for an explicit {@code -Dlogback.configurationFile}
 * and for a {@code logback-test.xml} on the class path, as logback's own lookup would.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_NORMAL_PRIORITY)
public final class StderrLogConfigurator extends ContextAwareBase implements Configurator {

    static final String PATTERN = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
    static final String LEVEL_VARIABLE = "HWBRIDGE_LOG_LEVEL";

    private final BooleanSupplier configuredElsewhere;

    /** For logback's ServiceLoader. */
    public StderrLogConfigurator() {
        this(() -> System.getProperty("logback.configurationFile") != null
                || StderrLogConfigurator.class.getClassLoader().getResource("logback-test.xml") != null);
    }

    StderrLogConfigurator(BooleanSupplier configuredElsewhere) {
        this.configuredElsewhere = configuredElsewhere;
    }

    @Override
    public ExecutionStatus configure(LoggerContext context) {
        if (configuredElsewhere.getAsBoolean()) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY;
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(context);
        encoder.setPattern(PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> stderr = new ConsoleAppender<>();
        stderr.setContext(context);
        stderr.setName("STDERR");
        stderr.setTarget("System.err");
        stderr.setEncoder(encoder);
        stderr.start();

        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        root.setLevel(level(System.getenv(LEVEL_VARIABLE)));
        root.addAppender(stderr);
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    /** The level a {@code HWBRIDGE_LOG_LEVEL} value names; INFO when unset or not a level. */
    static Level level(String name) {
        return name == null ? Level.INFO : Level.toLevel(name.trim().toUpperCase(Locale.ROOT), Level.INFO);
    }
}
