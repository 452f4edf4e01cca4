package stacks.spec;

/** A lane is a long-running ECS service or a one-shot job (a task definition run on demand). */
public enum LaneKind {
    SERVICE, JOB;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
