package devmin.testing;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without Python the moto suite says loudly what it skipped, and never skips in CI. */
class MotoTest {

    static final String NONE = "/nonexistent/devmin-python3";

    @Test
    void withoutPythonOutsideCiTheSuiteIsSkippedSayingSo() {
        assertThatThrownBy(() -> Moto.python(Map.of("DEVMIN_PYTHON", NONE)))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining("MOTO SUITE SKIPPED")
                .hasMessageContaining(NONE);
    }

    @Test
    void withoutPythonInCiTheSuiteFails() {
        assertThatThrownBy(() -> Moto.python(Map.of("DEVMIN_PYTHON", NONE, "CI", "true")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("MOTO SUITE CANNOT RUN IN CI");
    }
}
