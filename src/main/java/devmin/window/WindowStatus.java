package devmin.window;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Whether a stack's demo window is open and whether the TTL sweep must close it, with why.
 *
 * @param window       {@code open}, {@code closed}, {@code never-opened} or {@code no-stack}
 * @param decision     {@code close} or {@code none}
 * @param openedAt     when the open window's first operation started
 * @param lastChange   the most recent operation that could have created or deleted the demo layer
 * @param operations   how many history entries were read
 */
public record WindowStatus(String stack, String window, String decision, String reason, double ttlHours, Instant now,
                           Optional<Instant> openedAt, Optional<Operation> lastChange, int operations) {

    public static final String SCHEMA = "devmin.window-status/v1";

    public boolean close() {
        return decision.equals("close");
    }

    public Optional<Double> openHours() {
        return openedAt.map(at -> Duration.between(at, now).toSeconds() / 3600.0);
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("schema", SCHEMA);
        root.put("stack", stack);
        root.put("window", window);
        root.put("decision", decision);
        root.put("reason", reason);
        root.put("ttl_hours", ttlHours);
        root.put("now", now.toString());
        openedAt.ifPresent(at -> root.put("opened_at", at.toString()));
        openHours().ifPresent(hours -> root.put("open_hours", Math.round(hours * 100) / 100.0));
        lastChange.ifPresent(op -> {
            ObjectNode change = root.putObject("last_change");
            change.put("kind", op.kind());
            change.put("result", op.result());
            change.put("start_time", op.startTime().toString());
            op.endTime().ifPresent(end -> change.put("end_time", end.toString()));
            op.demoWindow().ifPresent(value -> change.put("demo_window", value));
        });
        root.put("operations_read", operations);
        return root;
    }
}
