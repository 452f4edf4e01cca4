package stacks.handles;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Optional;

/**
 * A name one part of the environment publishes and another uses, with the resources that make it real (the SSM
 * parameter behind a path, the role behind an ARN). Using a handle is depending on them: a consumer passes
 * {@link #resources()} to {@code dependsOn}, so nothing starts before what it names exists.
 *
 * @param revision what changes when the value behind the handle changes (an SSM parameter's version), empty when the
 *                 handle's value is all there is to it; a lane carries the revisions of what it reads in its task
 *                 definition, so a rotated credential rolls the lanes that read it, and only those
 */
public record Handle(String name, String publisher, Output<String> value, List<Resource> resources,
                     Optional<Output<String>> revision) {

    public Handle {
        resources = List.copyOf(resources);
    }
}
