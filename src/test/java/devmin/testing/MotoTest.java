package devmin.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Python the moto suite says loudly what it skipped, and never skips in CI. */
class MotoTest {

    static final String NONE = "/nonexistent/devmin-python3";

    /** The banner goes to the stream given, not the build's stderr, where it read as a skip in a run that skipped nothing. */
    @Test
    void withoutPythonOutsideCiTheSuiteIsSkippedSayingSo() {
        java.io.ByteArrayOutputStream banner = new java.io.ByteArrayOutputStream();
        assertThatThrownBy(() -> Moto.python(Map.of("DEVMIN_PYTHON", NONE), new java.io.PrintStream(banner, true,
                java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("MOTO SUITE SKIPPED")
                .hasMessageContaining(NONE);
        assertThat(banner.toString(java.nio.charset.StandardCharsets.UTF_8)).contains("*** MOTO SUITE SKIPPED");
    }

    @Test
    void withoutPythonInCiTheSuiteFails() {
        assertThatThrownBy(() -> Moto.python(Map.of("DEVMIN_PYTHON", NONE, "CI", "true"), new java.io.PrintStream(
                java.io.OutputStream.nullOutputStream())))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MOTO SUITE CANNOT RUN IN CI");
    }
}
