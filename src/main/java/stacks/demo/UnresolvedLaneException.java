package stacks.demo;

import java.util.List;

/** Some lane names something no layer materialized; the demo layer is not declared at all. */
public final class UnresolvedLaneException extends RuntimeException {

    public UnresolvedLaneException(List<String> problems) {
        super("the demo layer was not declared; unresolved lanes:\n  - " + String.join("\n  - ", problems));
    }
}
