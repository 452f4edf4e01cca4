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

    /** The layer whose component has this type token ({@code devmin:stacks:DemoStack} is demo), if any. */
    public static java.util.Optional<Layer> ofComponentType(String type) {
        for (Layer layer : values()) {
            if (layer.componentType().equals(type)) {
                return java.util.Optional.of(layer);
            }
        }
        return java.util.Optional.empty();
    }

    /** The layer named in a URN's type chain ({@code …$devmin:stacks:DemoStack$aws:…::name} is demo), if any. */
    public static java.util.Optional<Layer> ofUrn(String urn) {
        String[] parts = urn.split("::", -1);
        if (parts.length < 4) {
            return java.util.Optional.empty();
        }
        for (String type : parts[2].split("\\$", -1)) {
            java.util.Optional<Layer> layer = ofComponentType(type);
            if (layer.isPresent()) {
                return layer;
            }
        }
        return java.util.Optional.empty();
    }

    /** Component type token, e.g. {@code devmin:stacks:CoreStack}. */
    public String componentType() {
        String name = name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        return "devmin:stacks:" + name + "Stack";
    }
}
