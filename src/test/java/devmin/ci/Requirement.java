package devmin.ci;

import devmin.testing.IamSimulator;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One request a workflow job must be able to make with the role it assumes, and why: e.g. job
 * {@code demo-window.yml/close} needs {@code ec2:DeleteVpc} on the demo VPC (which carries the demo layer's tags) for
 * {@code pulumi destroy --exclude-protected}. The targets are every resource the call names (the one it acts on and
 * those it references, such as a subnet's VPC); which of them IAM authorizes against, and which keys each evaluation
 * carries, the Service Authorization Reference decides ({@link IamSimulator}).
 */
record Requirement(String job, String cause, String action, List<IamSimulator.Target> targets,
                   Map<String, List<String>> keys) {

    Requirement {
        targets = List.copyOf(targets);
        keys = Map.copyOf(keys);
    }

    static Requirement on(String job, String cause, String action, String arn) {
        return new Requirement(job, cause, action, List.of(IamSimulator.Target.existing(arn, Map.of())), Map.of());
    }

    Requirement with(String key, String... values) {
        Map<String, List<String>> more = new java.util.LinkedHashMap<>(keys);
        more.put(key, List.of(values));
        return new Requirement(job, cause, action, targets, more);
    }

    /** The same request made by another job for another reason (two jobs may make the same call). */
    Requirement of(String otherJob, String otherCause) {
        return new Requirement(otherJob, otherCause, action, targets, keys);
    }

    /** What identifies the request itself, whoever makes it. */
    String requestKey() {
        return action + " " + targets.stream().map(t -> t.arn() + t.tags().map(Map::toString).orElse("(new)"))
                .collect(Collectors.joining(",")) + " " + new java.util.TreeMap<>(keys);
    }

    String describe() {
        return "job " + job + ": " + cause + " needs " + action + " on "
                + targets.stream().map(IamSimulator.Target::arn).collect(Collectors.joining(", "))
                + (keys.isEmpty() ? "" : " with " + new java.util.TreeMap<>(keys));
    }
}
