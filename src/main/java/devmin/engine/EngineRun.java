package devmin.engine;

import devmin.graph.StackGraph;

import java.util.List;

/**
 * The outcome of one program run under the embedded engine.
 *
 * @param exitCode the program's exit code (0 when it ran cleanly)
 * @param graph    what it declared
 * @param errors   error messages the program logged to the engine (e.g. the spec's problems)
 */
public record EngineRun(int exitCode, StackGraph graph, List<String> errors) {

    public EngineRun {
        errors = List.copyOf(errors);
    }

    public boolean succeeded() {
        return exitCode == 0 && errors.isEmpty();
    }
}
