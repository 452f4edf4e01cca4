package stacks.spec;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class FargateSizesTest {

    @ParameterizedTest(name = "cpu {0} memory {1} -> {2}")
    @CsvSource({
            "256, 512, true", "256, 2048, true", "256, 1536, true", "256, 3072, false",
            "512, 1024, true", "512, 1536, false", "1024, 8192, true", "1024, 1024, false",
            "4096, 30720, true", "8192, 20480, true", "8192, 18432, false", "16384, 122880, true",
            "300, 512, false"})
    void acceptsExactlyTheDocumentedCombinations(int cpu, int memory, boolean valid) {
        assertThat(FargateSizes.isValid(cpu, memory)).isEqualTo(valid);
    }
}
