package devmin.window;

import java.time.Instant;
import java.util.Optional;

/**
 * One entry of a stack's history: what ran ({@code update}, {@code destroy}, {@code refresh}, …), how it ended, when,
 * and the {@code devmin:demoWindow} value it ran with (the config Pulumi records with every update), when recorded.
 */
public record Operation(String kind, String result, Instant startTime, Optional<Instant> endTime,
                        Optional<String> demoWindow) {

    /** Whether it left the demo layer surely gone: a destroy that succeeded, or an update that closed the window. */
    boolean closedTheWindow() {
        return result.equals("succeeded") && (kind.equals("destroy")
                || (kind.equals("update") && demoWindow.filter("closed"::equals).isPresent()));
    }

    /** Operations that do not create or delete the demo layer: they neither open a window nor hide an open one. */
    boolean leavesTheLayerAsItWas() {
        return (!kind.equals("update") && !kind.equals("destroy")) || result.equals("not-started");
    }

    String describe() {
        return kind + " " + result + " at " + startTime;
    }
}
