package dev.hwbridge.daemon.logging;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.core.ConsoleAppender;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class StderrLogConfiguratorTest {

    @Test
    void logbackFindsItAsAService() {
        assertThat(ServiceLoader.load(Configurator.class).stream().map(ServiceLoader.Provider::type))
                .contains(StderrLogConfigurator.class);
    }

    @Test
    void stepsAsideForTheTestConfigurationOnTheClassPath() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new StderrLogConfigurator().configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        assertThat(context.getLogger(Logger.ROOT_LOGGER_NAME).iteratorForAppenders().hasNext()).isFalse();
    }

    @Test
    void otherwiseLogsToStderrInTheDaemonsPattern() {
        LoggerContext context = new LoggerContext();

        ExecutionStatus status = new StderrLogConfigurator(() -> false).configure(context);

        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
        ConsoleAppender<?> appender = (ConsoleAppender<?>) root.getAppender("STDERR");
        assertThat(appender.isStarted()).isTrue();
        assertThat(appender.getTarget()).isEqualTo("System.err");
        assertThat(((PatternLayoutEncoder) appender.getEncoder()).getPattern()).isEqualTo(StderrLogConfigurator.PATTERN);
        assertThat(root.getLevel()).isNotNull();
    }

    @Test
    void levelComesFromTheVariableAndDefaultsToInfo() {
        assertThat(StderrLogConfigurator.level(null)).isEqualTo(Level.INFO);
        assertThat(StderrLogConfigurator.level(" debug ")).isEqualTo(Level.DEBUG);
        assertThat(StderrLogConfigurator.level("TRACE")).isEqualTo(Level.TRACE);
        assertThat(StderrLogConfigurator.level("loud")).isEqualTo(Level.INFO);
    }
}
