package devmin.packaging;

import devmin.testing.LanguageHost;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The built jar as a user runs it: {@code java -jar target/devmin.jar plan}, relaunched tuned, same exit codes. */
class CliJarIT {

    static Process run(Path out, String... args) throws Exception {
        var command = new java.util.ArrayList<>(java.util.List.of(LanguageHost.javaBinary(), "-jar",
                LanguageHost.JAR.toString()));
        command.addAll(java.util.List.of(args));
        command.addAll(java.util.List.of("--out", out.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return process;
    }

    @Test
    void planRunsFromTheJarAndKeepsItsExitCodes(@TempDir Path out) throws Exception {
        Process ok = run(out, "plan");
        String text = new String(ok.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ok.exitValue()).as(text).isZero();
        assertThat(text).contains("plan: PASS").doesNotContain("[warning]").doesNotContain("cds");

        Process usage = run(out, "plan", "--format", "pdf");
        assertThat(usage.exitValue()).isEqualTo(64);
    }
}
