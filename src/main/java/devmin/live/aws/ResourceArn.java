package devmin.live.aws;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What an ARN names, parsed per service: {@code arn:partition:service:region:account:resource}, where the resource part
 * has a different grammar in each service. The one place devmin reads ARNs ({@code stacks.iam.Arns} builds them).
 *
 * <ul>
 *   <li>IAM: {@code role/name} or {@code role/path/…/name}: the name is the last segment, the path what comes before.</li>
 *   <li>ECS: {@code service/name} and {@code task/id} (short, before 2021: the cluster is not in the ARN) or
 *       {@code service/cluster/name} and {@code task/cluster/id} (long); {@code cluster/name};
 *       {@code task-definition/family:revision}.</li>
 *   <li>Elastic Load Balancing: {@code loadbalancer/app|net|gwy/name/id} (v2), {@code loadbalancer/name} (classic),
 *       {@code targetgroup/name/id}.</li>
 *   <li>RDS: {@code db:id}, {@code cluster:id}, {@code subgrp:name} (colon-separated).</li>
 *   <li>EC2 and most others: {@code type/id}; CloudWatch Logs: {@code log-group:name} with an optional {@code :*}.</li>
 * </ul>
 *
 * @param arn     the ARN as given
 * @param service e.g. {@code ecs}
 * @param region  empty for global services
 * @param account empty for S3 buckets
 * @param type    the resource type within the service, e.g. {@code service}, {@code role}, {@code loadbalancer/app};
 *                {@code loadbalancer} alone is a classic load balancer
 * @param name    the resource's own name or id (the role name without its path, the service name without its cluster)
 * @param parent  what the name is scoped by, when the ARN says: the cluster of a long ECS service or task ARN, the
 *                path of an IAM role (e.g. {@code /devmin/})
 */
public record ResourceArn(String arn, String service, String region, String account, String type, String name,
                          Optional<String> parent) {

    private static final List<String> ELB_V2_KINDS = List.of("app", "net", "gwy");

    /** @throws IllegalArgumentException naming the text when it is not an ARN */
    public static ResourceArn parse(String arn) {
        String[] parts = arn == null ? new String[0] : arn.split(":", 6);
        if (parts.length < 6 || !parts[0].equals("arn") || parts[1].isEmpty() || parts[2].isEmpty()
                || parts[5].isEmpty()) {
            throw new IllegalArgumentException("not an ARN: '" + arn + "' (expected arn:partition:service:region:"
                    + "account:resource)");
        }
        String service = parts[2];
        String resource = parts[5];
        return switch (service) {
            case "iam" -> pathed(arn, parts, resource);
            case "ecs" -> ecs(arn, parts, resource);
            case "elasticloadbalancing" -> loadBalancing(arn, parts, resource);
            case "rds" -> split(arn, parts, resource, ':');
            case "logs" -> logs(arn, parts, resource);
            case "ssm" -> split(arn, parts, resource, '/').withName(n -> "/" + n);
            case "s3" -> resource.contains("/") ? of(arn, parts, "object", resource, Optional.empty())
                    : of(arn, parts, "bucket", resource, Optional.empty());
            default -> split(arn, parts, resource, firstSeparator(resource));
        };
    }

    /** {@code service:type}, e.g. {@code ecs:service} or {@code elasticloadbalancing:loadbalancer/app}. */
    public String kind() {
        return service + ":" + type;
    }

    /** What the ARN names, in words, e.g. {@code ECS service ig in cluster devmin-dev-min}. */
    public String describe() {
        String what = switch (kind()) {
            case "ecs:service" -> "ECS service " + name + parent.map(c -> " in cluster " + c)
                    .orElse(" (short ARN: cluster not named)");
            case "ecs:task" -> "ECS task " + name + parent.map(c -> " in cluster " + c)
                    .orElse(" (short ARN: cluster not named)");
            case "iam:role" -> "IAM role " + name + parent.filter(p -> !p.equals("/")).map(p -> " (path " + p + ")")
                    .orElse("");
            case "elasticloadbalancing:loadbalancer" -> "classic load balancer " + name;
            case "elasticloadbalancing:loadbalancer/app" -> "application load balancer " + name;
            case "elasticloadbalancing:loadbalancer/net" -> "network load balancer " + name;
            case "elasticloadbalancing:loadbalancer/gwy" -> "gateway load balancer " + name;
            case "rds:db" -> "RDS DB instance " + name;
            case "rds:cluster" -> "RDS DB cluster " + name;
            case "rds:subgrp" -> "RDS DB subnet group " + name;
            case "logs:log-group" -> "log group " + name;
            default -> service + " " + type + " " + name + parent.map(p -> " in " + p).orElse("");
        };
        return what + " (" + arn + ")";
    }

    private ResourceArn withName(java.util.function.UnaryOperator<String> rename) {
        return new ResourceArn(arn, service, region, account, type, rename.apply(name), parent);
    }

    private static ResourceArn of(String arn, String[] parts, String type, String name, Optional<String> parent) {
        return new ResourceArn(arn, parts[2], parts[3], parts[4], type, name, parent);
    }

    /** {@code type/path/…/name}: IAM roles, users, policies, instance profiles. */
    private static ResourceArn pathed(String arn, String[] parts, String resource) {
        int first = resource.indexOf('/');
        if (first < 0) {
            return of(arn, parts, resource, "", Optional.empty());
        }
        int last = resource.lastIndexOf('/');
        String path = resource.substring(first, last + 1);
        return of(arn, parts, resource.substring(0, first), resource.substring(last + 1), Optional.of(path));
    }

    private static ResourceArn ecs(String arn, String[] parts, String resource) {
        List<String> segments = Arrays.asList(resource.split("/", -1));
        String type = segments.get(0);
        boolean scoped = type.equals("service") || type.equals("task") || type.equals("container-instance");
        if (scoped && segments.size() == 3) {
            return of(arn, parts, type, segments.get(2), Optional.of(segments.get(1)));
        }
        return of(arn, parts, type, String.join("/", segments.subList(Math.min(1, segments.size()), segments.size())),
                Optional.empty());
    }

    private static ResourceArn loadBalancing(String arn, String[] parts, String resource) {
        String[] segments = resource.split("/", -1);
        if (segments[0].equals("loadbalancer") && segments.length >= 3 && ELB_V2_KINDS.contains(segments[1])) {
            return of(arn, parts, "loadbalancer/" + segments[1], segments[2], Optional.empty());
        }
        return of(arn, parts, segments[0], segments.length > 1 ? segments[1] : "", Optional.empty());
    }

    /** {@code log-group:/devmin/dev_min/ig:*} names the group {@code /devmin/dev_min/ig}. */
    private static ResourceArn logs(String arn, String[] parts, String resource) {
        ResourceArn split = split(arn, parts, resource, ':');
        String name = split.name().endsWith(":*") ? split.name().substring(0, split.name().length() - 2) : split.name();
        return of(arn, parts, split.type(), name, Optional.empty());
    }

    private static ResourceArn split(String arn, String[] parts, String resource, char separator) {
        int at = resource.indexOf(separator);
        return at < 0 ? of(arn, parts, resource, "", Optional.empty())
                : of(arn, parts, resource.substring(0, at), resource.substring(at + 1), Optional.empty());
    }

    private static char firstSeparator(String resource) {
        int slash = resource.indexOf('/');
        int colon = resource.indexOf(':');
        return colon >= 0 && (slash < 0 || colon < slash) ? ':' : '/';
    }
}
