package stacks.handles;

import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * A name one part of the environment publishes and another uses, with the resources that make it real (the SSM
 * parameter behind a path, the role behind an ARN). Using a handle is depending on them: a consumer passes
 * {@link #resources()} to {@code dependsOn}, so nothing starts before what it names exists.
 */
public record Handle(String name, String publisher, Output<String> value, List<Resource> resources) {

    public Handle {
        resources = List.copyOf(resources);
    }
}
