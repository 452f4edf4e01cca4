package stacks;

import java.util.Locale;

/**
 * The three layers of the environment. Protection is the partition: persistent layers are protected so that
 * {@code pulumi destroy --exclude-protected} closes a demo window without touching them.
 */
public enum Layer {
    CORE(true), CONFLUENT(true), DEMO(false);

    private final boolean persistent;

    Layer(boolean persistent) {
        this.persistent = persistent;
    }

    /** Whether resources of this layer are protected against {@code pulumi destroy}. */
    public boolean isProtected() {
        return persistent;
    }

    public String tagValue() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Component type token, e.g. {@code devmin:stacks:CoreStack}. */
    public String componentType() {
        String name = name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        return "devmin:stacks:" + name + "Stack";
    }
}
