package stacks.spec;

import java.util.List;

/** The cpu/memory combinations AWS Fargate accepts for a task (Linux), as documented for ECS task sizes. */
public final class FargateSizes {

    private record Band(int cpu, int minMemory, int maxMemory, int step) {
    }

    private static final List<Band> BANDS = List.of(
            new Band(256, 512, 2048, 512),
            new Band(512, 1024, 4096, 1024),
            new Band(1024, 2048, 8192, 1024),
            new Band(2048, 4096, 16384, 1024),
            new Band(4096, 8192, 30720, 1024),
            new Band(8192, 16384, 61440, 4096),
            new Band(16384, 32768, 122880, 8192));

    private FargateSizes() {
    }

    public static boolean isValidCpu(int cpu) {
        return BANDS.stream().anyMatch(b -> b.cpu() == cpu);
    }

    public static boolean isValid(int cpu, int memory) {
        return BANDS.stream().anyMatch(b -> b.cpu() == cpu && memory >= b.minMemory() && memory <= b.maxMemory()
                && (memory - b.minMemory()) % b.step() == 0);
    }

    public static String cpuChoices() {
        return BANDS.stream().map(b -> String.valueOf(b.cpu())).toList().toString();
    }

    public static String memoryChoices(int cpu) {
        return BANDS.stream().filter(b -> b.cpu() == cpu).findFirst()
                .map(b -> "memory from " + b.minMemory() + " to " + b.maxMemory() + " MiB in steps of " + b.step()
                        + " for cpu " + cpu)
                .orElse("a valid Fargate memory size");
    }
}
