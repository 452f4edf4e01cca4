package devmin.policy;

import java.util.List;

/** A rule that judges each resource on its own; the stack check is the union over resources. */
public interface ResourceRule extends Rule {

    List<Violation> check(ResourceView resource);

    @Override
    default List<Violation> check(StackView stack) {
        return stack.resources().stream().flatMap(r -> check(r).stream()).toList();
    }
}
