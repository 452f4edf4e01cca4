package stacks.handles;

import com.pulumi.core.Output;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Named handles published by components and looked up by name. A handle is published once, by one component;
 * a lookup of a handle nobody published fails closed naming the handle and the asker.
 */
public final class HandleRegistry {

    private record Entry(String publisher, Output<String> value) {
    }

    private final Map<String, Entry> handles = new LinkedHashMap<>();

    public synchronized void publish(String name, String publisher, Output<String> value) {
        Entry previous = handles.putIfAbsent(name, new Entry(publisher, value));
        if (previous != null) {
            throw new IllegalStateException("handle " + name + " published twice: by " + previous.publisher()
                    + " and by " + publisher);
        }
    }

    public void publish(String name, String publisher, String value) {
        publish(name, publisher, Output.of(value));
    }

    public synchronized Output<String> require(String name, String asker) {
        Entry entry = handles.get(name);
        if (entry == null) {
            throw new MissingHandleException(name, asker, handles.keySet());
        }
        return entry.value();
    }

    public synchronized boolean has(String name) {
        return handles.containsKey(name);
    }

    /** Handle name to publisher, in publication order. */
    public synchronized Map<String, String> publishers() {
        Map<String, String> out = new LinkedHashMap<>();
        handles.forEach((name, entry) -> out.put(name, entry.publisher()));
        return Collections.unmodifiableMap(out);
    }

    /**
     * The registry as one stack output: handle name to value. Each value stays its own output, so during a preview
     * the known handles (paths, derived names) show while computed ones (role ARNs) are unknown.
     */
    public synchronized Output<Map<String, Output<String>>> resolved() {
        Map<String, Output<String>> values = new LinkedHashMap<>();
        handles.forEach((name, entry) -> values.put(name, entry.value()));
        return Output.of(Collections.unmodifiableMap(values));
    }
}
