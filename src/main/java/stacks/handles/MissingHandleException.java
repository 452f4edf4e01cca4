package stacks.handles;

import java.util.Set;
import java.util.TreeSet;

/** A part of the environment asked for a handle that no component materialized: fail closed, name both. */
public final class MissingHandleException extends RuntimeException {

    private final String handle;
    private final String asker;

    /** Nobody published the handle at all. */
    public MissingHandleException(String handle, String asker, Set<String> published) {
        super("handle " + handle + " asked for by " + asker + " was never materialized by any component"
                + " (published: " + String.join(", ", new TreeSet<>(published)) + ")");
        this.handle = handle;
        this.asker = asker;
    }

    /** The handle's name was declared, but no component declared the resource behind it. */
    public MissingHandleException(String handle, String asker, String declaredBy) {
        super("handle " + handle + " asked for by " + asker + " was declared by " + declaredBy
                + " but never materialized: no component declared the resource behind it");
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
