package devmin.plan.diagram;

/** How a kind of resource (a type in a layer) changed against an earlier plan. */
public enum KindStatus {
    UNCHANGED, ADDED, CHANGED, REMOVED
}
