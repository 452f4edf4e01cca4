package stacks.handles;

/** A part of the environment asked for a handle that no component materialized: fail closed, name both. */
public final class MissingHandleException extends RuntimeException {

    private final String handle;
    private final String asker;

    public MissingHandleException(String handle, String asker, java.util.Set<String> published) {
        super("handle " + handle + " asked for by " + asker + " was never materialized by any component"
                + " (published: " + String.join(", ", new java.util.TreeSet<>(published)) + ")");
        this.handle = handle;
        this.asker = asker;
    }

    public String handle() {
        return handle;
    }

    public String asker() {
        return asker;
    }
}
