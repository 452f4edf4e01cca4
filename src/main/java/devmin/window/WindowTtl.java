package devmin.window;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The TTL sweep's decision, from a stack's history (most recent first). The demo layer exists unless the last
 * operation that could change it surely removed it: a destroy that succeeded (the window's close, {@code destroy
 * --exclude-protected}) or an update that succeeded with {@code devmin:demoWindow: closed}. Refreshes, imports,
 * previews and renames neither open nor hide a window; an update or destroy that failed, or is still running, may
 * have left it standing. An open window is closed once it has been open for the TTL, counted from the first
 * operation after the last close; a window whose last close failed is closed again at once.
 */
public final class WindowTtl {

    private WindowTtl() {
    }

    public static WindowStatus decide(String stack, StackHistory history, double ttlHours, Instant now) {
        Optional<Operation> lastChange = Optional.empty();
        Optional<Operation> opening = Optional.empty();
        Optional<Operation> lastClose = Optional.empty();
        for (Operation op : history.operations()) {
            if (op.leavesTheLayerAsItWas()) {
                continue;
            }
            if (op.closedTheWindow()) {
                lastClose = Optional.of(op);
                break;
            }
            lastChange = lastChange.or(() -> Optional.of(op));
            opening = Optional.of(op);
        }
        int read = history.operations().size();
        if (lastChange.isEmpty()) {
            return lastClose.map(close -> status(stack, "closed", "none", "the last operation that changes the demo"
                    + " layer (" + close.describe() + ") closed it: nothing to close", ttlHours, now, Optional.empty(),
                    Optional.of(close), read))
                    .orElseGet(() -> status(stack, "never-opened", "none", read == 0
                            ? "the stack has no history: nothing to close"
                            : "no update or destroy in the " + read + " operations read: nothing to close",
                            ttlHours, now, Optional.empty(), Optional.empty(), read));
        }
        Operation last = lastChange.get();
        Instant openedAt = opening.get().startTime();
        double hours = Duration.between(openedAt, now).toSeconds() / 3600.0;
        String since = "open since " + openedAt + String.format(java.util.Locale.ROOT, " (%.2f h)", hours);
        if (last.kind().equals("destroy") && last.result().equals("failed")) {
            return status(stack, "open", "close", since + "; the last close (" + last.describe()
                    + ") failed, so the demo layer may still stand: close it again", ttlHours, now,
                    Optional.of(openedAt), lastChange, read);
        }
        if (hours >= ttlHours) {
            return status(stack, "open", "close", since + ", longer than the TTL of " + format(ttlHours) + " h",
                    ttlHours, now, Optional.of(openedAt), lastChange, read);
        }
        return status(stack, "open", "none", since + ", within the TTL of " + format(ttlHours) + " h", ttlHours, now,
                Optional.of(openedAt), lastChange, read);
    }

    /** The backend holds no such stack: there is nothing to close. */
    public static WindowStatus noStack(String stack, double ttlHours, Instant now) {
        return status(stack, "no-stack", "none", "the backend holds no stack named " + stack + ": nothing to close",
                ttlHours, now, Optional.empty(), Optional.empty(), 0);
    }

    private static WindowStatus status(String stack, String window, String decision, String reason, double ttlHours,
                                       Instant now, Optional<Instant> openedAt, Optional<Operation> lastChange,
                                       int read) {
        return new WindowStatus(stack, window, decision, reason, ttlHours, now, openedAt, lastChange, read);
    }

    static String format(double hours) {
        return hours == Math.rint(hours) ? String.valueOf((long) hours) : String.valueOf(hours);
    }
}
