package stacks.core;

import stacks.StackSecrets;
import stacks.handles.HandleRegistry;
import stacks.spec.EnvironmentSpec;

/** What the core layer is built from: the spec, the registry it publishes into, and the secrets it stores. */
public record CoreArgs(EnvironmentSpec spec, HandleRegistry handles, StackSecrets secrets) {
}
