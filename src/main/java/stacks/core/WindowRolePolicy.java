package stacks.core;

import stacks.Layer;
import stacks.StackTags;
import stacks.demo.DemoNames;
import stacks.handles.SsmHandles;
import stacks.iam.PolicyDocument;
import stacks.iam.Statement;
import stacks.spec.EnvironmentSpec;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The demo window role: open and close the demo layer ({@code pulumi up}, {@code pulumi destroy --exclude-protected}),
 * run the live commands and write evidence — exactly that (proven against the workflows by the role coverage test).
 * It manages only the demo layer's roles, only with the demo permissions boundary, passes them only to ECS tasks, tags
 * only what it creates (as it creates it), retags or deletes networks and ECS clusters and services only when they
 * carry the demo layer's tags, and can touch no CI role, no boundary and no policy version.
 */
public final class WindowRolePolicy {

    /**
     * Core resources a demo window's {@code pulumi up} may change: the ECR lifecycle policy names the pinned tag (so
     * the pinned image never expires), so pinning a new image rewrites it. Everything else in core and confluent is
     * changed by a person with admin rights, never by CI.
     */
    public static final List<String> UPDATES_IN_CORE = List.of("aws:ecr/lifecyclePolicy:LifecyclePolicy");

    private WindowRolePolicy() {
    }

    public static PolicyDocument of(CoreNames names, EnvironmentSpec spec) {
        List<Statement> statements = new ArrayList<>(demoLayer(spec));
        statements.addAll(demoRoles(names, spec));
        statements.addAll(liveCommands(names, spec));
        statements.addAll(jobRuns(names, spec));
        if (spec.database().enabled()) {
            statements.addAll(database(names));
        }
        return PolicyDocument.of(statements);
    }

    /** Create, change and delete the network and the ECS resources of the demo layer. */
    private static List<Statement> demoLayer(EnvironmentSpec spec) {
        return List.of(
                Statement.allow("DemoNetwork", List.of("ec2:CreateVpc", "ec2:ModifyVpcAttribute", "ec2:CreateSubnet",
                        "ec2:ModifySubnetAttribute", "ec2:CreateInternetGateway", "ec2:AttachInternetGateway",
                        "ec2:DetachInternetGateway", "ec2:CreateRouteTable", "ec2:CreateRoute", "ec2:ReplaceRoute",
                        "ec2:DeleteRoute", "ec2:AssociateRouteTable", "ec2:ReplaceRouteTableAssociation",
                        "ec2:DisassociateRouteTable", "ec2:CreateSecurityGroup", "ec2:AuthorizeSecurityGroupIngress",
                        "ec2:AuthorizeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress",
                        "ec2:RevokeSecurityGroupEgress"), List.of("*")),
                Statement.allow("DemoCompute", List.of("ecs:CreateCluster", "ecs:UpdateCluster",
                        "ecs:PutClusterCapacityProviders", "ecs:RegisterTaskDefinition", "ecs:DeregisterTaskDefinition",
                        "ecs:CreateService", "ecs:UpdateService"), List.of("*")),
                // Cloud Map names for the lanes others call: a private namespace is a Route 53 private hosted zone
                // Cloud Map creates on the caller's rights (and deletes with the namespace on its own).
                Statement.allow("DemoCloudMap", List.of("servicediscovery:CreatePrivateDnsNamespace",
                        "servicediscovery:CreateService", "servicediscovery:GetOperation", "route53:CreateHostedZone",
                        "route53:GetHostedZone", "route53:ListHostedZonesByName"), List.of("*")),
                // Tags decide what the window may delete, so it may tag only what it creates, as it creates it...
                Statement.allow("TagWhatTheWindowCreates", List.of("ec2:CreateTags"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ec2:CreateAction", List.of("CreateVpc",
                                "CreateSubnet", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup")))),
                Statement.allow("TagTheTasksAndServicesItCreates", List.of("ecs:TagResource"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ecs:CreateAction", List.of("CreateCluster",
                                "RegisterTaskDefinition", "CreateService")))),
                // Cloud Map has no CreateAction key: its tag-on-create is allowed only with the demo layer's tags.
                Statement.allow("TagTheCloudMapNamesItCreates", List.of("servicediscovery:TagResource"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of(
                                "aws:RequestTag/" + StackTags.LAYER, List.of(Layer.DEMO.tagValue()),
                                "aws:RequestTag/" + StackTags.ENVIRONMENT, List.of(spec.environment())))),
                // ...and change tags, read, change or delete only where the demo layer's tags already are.
                Statement.allow("RetagOrDeleteOnlyTheDemoLayer", List.of("ec2:CreateTags", "ec2:DeleteTags",
                        "ecs:TagResource", "ecs:UntagResource", "ec2:DeleteVpc", "ec2:DeleteSubnet",
                        "ec2:DeleteInternetGateway", "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup",
                        "ecs:DeleteCluster", "ecs:DeleteService", "servicediscovery:TagResource",
                        "servicediscovery:UntagResource", "servicediscovery:ListTagsForResource",
                        "servicediscovery:UpdatePrivateDnsNamespace", "servicediscovery:DeleteNamespace",
                        "servicediscovery:UpdateService", "servicediscovery:DeleteService"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of(
                                "aws:ResourceTag/" + StackTags.LAYER, List.of(Layer.DEMO.tagValue()),
                                "aws:ResourceTag/" + StackTags.ENVIRONMENT, List.of(spec.environment())))));
    }

    /** The demo layer's own roles, capped by the boundary, passed only to ECS tasks; ECS's service-linked role. */
    private static List<Statement> demoRoles(CoreNames names, EnvironmentSpec spec) {
        DemoNames demo = DemoNames.of(spec);
        List<String> demoRoles = List.of(names.roleArn(demo.executionRoleName()), names.roleArn(demo.laneRoleName("*")));
        return List.of(
                Statement.allow("DemoRolesOnlyWithTheBoundary", List.of("iam:CreateRole", "iam:PutRolePolicy",
                        "iam:DeleteRolePolicy", "iam:PutRolePermissionsBoundary"), demoRoles)
                        .withConditions(Map.of("StringEquals", Map.of("iam:PermissionsBoundary",
                                List.of(names.demoBoundaryArn())))),
                Statement.allow("DemoRoles", List.of("iam:GetRole", "iam:GetRolePolicy", "iam:ListRolePolicies",
                        "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole", "iam:TagRole",
                        "iam:UntagRole", "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy",
                        "iam:DeleteRole", "iam:SimulatePrincipalPolicy"), demoRoles),
                Statement.allow("PassDemoRolesToEcsTasks", List.of("iam:PassRole"), demoRoles)
                        .withConditions(Map.of("StringEquals",
                                Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")))),
                serviceLinkedRole("EcsServiceLinkedRole", names, "ecs.amazonaws.com", "AWSServiceRoleForECS"));
    }

    /**
     * What preflight, verify-iam, readiness, budget-posture, certify, the snapshot and the teardown proof call, the
     * image gate, and the evidence.
     */
    private static List<Statement> liveCommands(CoreNames names, EnvironmentSpec spec) {
        return List.of(
                Statement.allow("PinnedImageAndItsLifecycle", List.of("ecr:DescribeImages",
                        "ecr:DescribeRepositories", "ecr:GetLifecyclePolicy", "ecr:PutLifecyclePolicy"),
                        List.of(names.ecrRepositoryArn())),
                Statement.allow("SeeWhatExists", List.of("ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                        "ec2:DescribeSubnets", "ec2:DescribeInternetGateways", "ec2:DescribeRouteTables",
                        "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkAcls", "ec2:DescribeNetworkInterfaces",
                        "ec2:DescribeNatGateways", "ec2:DescribeInstances", "ec2:DescribeAddresses",
                        "ec2:DescribeVpcEndpoints", "ec2:DescribeRegions", "ecs:ListClusters", "ecs:DescribeClusters",
                        "ecs:ListServices", "ecs:DescribeServices", "ecs:ListTasks", "ecs:DescribeTasks",
                        "ecs:DescribeTaskDefinition", "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTargetGroups",
                        "rds:DescribeDBInstances", "rds:DescribeDBClusters", "rds:DescribeDBSubnetGroups",
                        "logs:DescribeLogGroups", "tag:GetResources", "ssm:DescribeParameters",
                        "servicediscovery:GetNamespace", "servicediscovery:GetService",
                        "servicediscovery:ListNamespaces", "iam:ListRoles", "iam:ListRoleTags", "iam:GetRole",
                        "iam:GetRolePolicy", "access-analyzer:CheckAccessNotGranted"), List.of("*")),
                Statement.allow("PreflightKafkaCredentials", List.of("ssm:GetParameters"),
                        SsmHandles.preflightKafkaPaths(spec.environment()).stream()
                                .map(path -> SsmHandles.parameterArn(names.region(), names.accountId(), path)).toList()),
                Statement.allow("EvidenceBucket", List.of("s3:ListBucket"), List.of(names.bucketArn())),
                // certify reads the window's verdicts back; the bucket's versions keep every write, so reading
                // cannot lose what was proven, and nothing here may overwrite or delete it.
                Statement.allow("WriteAndCertifyEvidence", List.of("s3:PutObject", "s3:GetObject"),
                        List.of(names.evidenceObjectsArn(spec.environment()))),
                // readiness classifies a crash from the newest failed task's own log stream
                Statement.allow("LaneLogTails", List.of("logs:GetLogEvents"), DemoNames.of(spec).logStreamArns(
                        spec.lanes().stream().map(stacks.spec.LaneSpec::name).toList())),
                // budget-posture: Cost Explorer has no resource-level permissions; the budget is named
                Statement.allow("SpendPosture", List.of("ce:GetCostAndUsage", "ce:GetCostForecast"), List.of("*")),
                Statement.allow("TheStacksBudget", List.of("budgets:ViewBudget"), List.of(names.budgetArn())));
    }

    /**
     * {@code devmin run}: start a job lane's task in the demo cluster only, stop what it started, and read the values
     * of the handles the job lanes read, only to redact them (the window can already run those lanes, so this reads
     * nothing it could not reach). No statement when the spec has no job lane; no handle read when no job reads one.
     */
    private static List<Statement> jobRuns(CoreNames names, EnvironmentSpec spec) {
        DemoNames demo = DemoNames.of(spec);
        List<stacks.spec.LaneSpec> jobs = spec.lanes().stream().filter(l -> !l.isService()).toList();
        if (jobs.isEmpty()) {
            return List.of();
        }
        List<Statement> statements = new ArrayList<>(List.of(
                Statement.allow("RunJobLanesInTheDemoCluster", List.of("ecs:RunTask"),
                                jobs.stream().map(l -> demo.taskDefinitionArns(l.name())).toList())
                        .withConditions(Map.of("ArnEquals", Map.of("ecs:cluster", List.of(demo.clusterArn())))),
                Statement.allow("StopTasksOfTheDemoCluster", List.of("ecs:StopTask"),
                        List.of(demo.clusterTaskArns()))));
        List<String> read = jobs.stream().flatMap(l -> l.reads().stream().map(h -> SsmHandles.pathFor(
                spec.environment(), spec.database().enabled(), l.name(), h))).distinct()
                .map(path -> SsmHandles.parameterArn(names.region(), names.accountId(), path)).toList();
        if (!read.isEmpty()) {
            statements.add(Statement.allow("RedactWhatJobsRead", List.of("ssm:GetParameters"), read));
        }
        return statements;
    }

    /** The optional demo database, when the spec enables it. */
    private static List<Statement> database(CoreNames names) {
        return List.of(
                Statement.allow("DemoDatabase", List.of("rds:CreateDBSubnetGroup", "rds:ModifyDBSubnetGroup",
                        "rds:DeleteDBSubnetGroup", "rds:CreateDBInstance", "rds:ModifyDBInstance",
                        "rds:DeleteDBInstance", "rds:AddTagsToResource", "rds:RemoveTagsFromResource",
                        "rds:ListTagsForResource"), List.of("*")),
                serviceLinkedRole("RdsServiceLinkedRole", names, "rds.amazonaws.com", "AWSServiceRoleForRDS"));
    }

    private static Statement serviceLinkedRole(String sid, CoreNames names, String service, String roleName) {
        return Statement.allow(sid, List.of("iam:CreateServiceLinkedRole"),
                        List.of(names.serviceLinkedRoleArn(service, roleName)))
                .withConditions(Map.of("StringEquals", Map.of("iam:AWSServiceName", List.of(service))));
    }
}
