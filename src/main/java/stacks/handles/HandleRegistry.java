package stacks.handles;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Named handles published by components and looked up by name. A handle is published once, by one component, with
 * the resources behind it; a name may also be declared by one part (core owns every SSM path) and materialized by
 * another (the Confluent layer writes the parameters at those paths). Asking for a handle that nobody published, or
 * that was declared but never materialized, fails closed naming the handle and the asker.
 */
public final class HandleRegistry {

    private static final class Entry {
        final String publisher;
        final Output<String> value;
        final List<Resource> resources = new ArrayList<>();
        Optional<Output<String>> revision = Optional.empty();

        Entry(String publisher, Output<String> value) {
            this.publisher = publisher;
            this.value = value;
        }
    }

    private final Map<String, Entry> handles = new LinkedHashMap<>();

    /** Publishes a handle and the resource(s) behind it. */
    public Handle publish(String name, String publisher, Output<String> value, Resource behind, Resource... more) {
        return publish(name, publisher, value, Stream.concat(Stream.of(behind), Stream.of(more)).toList());
    }

    /** Publishes a handle and the resources behind it (at least one). */
    public synchronized Handle publish(String name, String publisher, Output<String> value,
                                       List<? extends Resource> behind) {
        if (behind.isEmpty()) {
            throw new IllegalArgumentException("handle " + name + " published by " + publisher
                    + " with no resource behind it");
        }
        Entry entry = add(name, publisher, value);
        entry.resources.addAll(behind);
        return handle(name, entry);
    }

    public Handle publish(String name, String publisher, String value, Resource behind, Resource... more) {
        return publish(name, publisher, Output.of(value), behind, more);
    }

    /** Declares a name whose resource another part will declare; it cannot be used until {@link #materialize}d. */
    public synchronized void declare(String name, String publisher, String value) {
        add(name, publisher, Output.of(value));
    }

    /** Adds the resources that make a declared (or published) handle real. */
    public synchronized void materialize(String name, String materializer, Resource behind, Resource... more) {
        Entry entry = handles.get(name);
        if (entry == null) {
            throw new MissingHandleException(name, materializer, handles.keySet());
        }
        entry.resources.addAll(Stream.concat(Stream.of(behind), Stream.of(more)).toList());
    }

    /** Records what changes when the value behind a handle changes (see {@link Handle#revision()}). */
    public synchronized void revise(String name, Output<String> revision) {
        Entry entry = handles.get(name);
        if (entry == null) {
            throw new MissingHandleException(name, "a revision", handles.keySet());
        }
        entry.revision = Optional.of(revision);
    }

    /** The handle with every resource behind it. */
    public synchronized Handle require(String name, String asker) {
        Entry entry = handles.get(name);
        if (entry == null) {
            throw new MissingHandleException(name, asker, handles.keySet());
        }
        if (entry.resources.isEmpty()) {
            throw new MissingHandleException(name, asker, entry.publisher);
        }
        return handle(name, entry);
    }

    /** The value of a handle that a plan or a check only names (no resource of theirs depends on it). */
    public synchronized Output<String> valueOf(String name, String asker) {
        Entry entry = handles.get(name);
        if (entry == null) {
            throw new MissingHandleException(name, asker, handles.keySet());
        }
        return entry.value;
    }

    /** Whether {@code name} was published and is backed by at least one resource. */
    public synchronized boolean has(String name) {
        Entry entry = handles.get(name);
        return entry != null && !entry.resources.isEmpty();
    }

    /** Handle name to publisher, in publication order. */
    public synchronized Map<String, String> publishers() {
        Map<String, String> out = new LinkedHashMap<>();
        handles.forEach((name, entry) -> out.put(name, entry.publisher));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The registry as one stack output: handle name to value. Each value stays its own output, so during a preview
     * the known handles (paths, derived names) show while computed ones are unknown.
     */
    public synchronized Output<Map<String, Output<String>>> resolved() {
        Map<String, Output<String>> values = new LinkedHashMap<>();
        handles.forEach((name, entry) -> values.put(name, entry.value));
        return Output.of(Collections.unmodifiableMap(values));
    }

    private Entry add(String name, String publisher, Output<String> value) {
        Entry entry = new Entry(publisher, value);
        Entry previous = handles.putIfAbsent(name, entry);
        if (previous != null) {
            throw new IllegalStateException("handle " + name + " published twice: by " + previous.publisher
                    + " and by " + publisher);
        }
        return entry;
    }

    private static Handle handle(String name, Entry entry) {
        return new Handle(name, entry.publisher, entry.value, entry.resources, entry.revision);
    }
}
