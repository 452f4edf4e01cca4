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
 * run the live commands and write evidence — exactly that, as judged request by request by an IAM simulator on the
 * Service Authorization Reference (the role coverage test). It writes no IAM at all: the roles the demo's tasks run as
 * are core's, and the window only passes them to ECS tasks. Every mutating action is scoped where the SAR gives a key
 * to scope it by: creates only with the demo layer's tags in the request ({@code aws:RequestTag}), changes and deletes
 * only of resources that carry them ({@code aws:ResourceTag}), ECS services only in the demo cluster
 * ({@code ecs:cluster}). What the SAR gives no resource type and no key is named where it is granted.
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

    /**
     * What {@code pulumi up} and {@code destroy --exclude-protected} need: the role's inline policy. IAM caps a role's
     * inline policies at 10,240 characters in all, so the rest is {@link #liveCommands}, a managed policy.
     */
    public static PolicyDocument demoLayer(CoreNames names, EnvironmentSpec spec) {
        List<Statement> statements = new ArrayList<>(demoNetwork(names, spec));
        statements.addAll(demoCompute(names, spec));
        statements.addAll(demoCloudMap(names, spec));
        statements.addAll(demoRoles(names, spec));
        if (spec.database().enabled()) {
            statements.addAll(database(names, spec));
        }
        return PolicyDocument.of(statements);
    }

    /** What the live commands, the job runs and the evidence need: a managed policy attached to the role. */
    public static PolicyDocument liveCommands(CoreNames names, EnvironmentSpec spec) {
        List<Statement> statements = new ArrayList<>(commandReads(names, spec));
        statements.addAll(jobRuns(names, spec));
        return PolicyDocument.of(statements);
    }

    /** The VPC, subnets, internet gateway, route table and security group of the demo layer. */
    private static List<Statement> demoNetwork(CoreNames names, EnvironmentSpec spec) {
        String ec2 = "arn:aws:ec2:" + names.region() + ":" + names.accountId() + ":";
        List<String> network = List.of(ec2 + "vpc/*", ec2 + "subnet/*", ec2 + "internet-gateway/*",
                ec2 + "route-table/*", ec2 + "security-group/*");
        return List.of(
                Statement.allow("CreateTheDemoVpc", List.of("ec2:CreateVpc"), List.of(ec2 + "vpc/*"))
                        .withConditions(requestTags(spec)),
                // The VPC a subnet, route table or security group is created in is authorized as its own resource
                // (the SAR lists vpc for these actions): that is the statement below, on the demo VPC's tags.
                Statement.allow("CreateInsideTheDemoVpc", List.of("ec2:CreateSubnet", "ec2:CreateRouteTable",
                                "ec2:CreateSecurityGroup", "ec2:CreateInternetGateway"),
                        List.of(ec2 + "subnet/*", ec2 + "route-table/*", ec2 + "security-group/*",
                                ec2 + "internet-gateway/*"))
                        .withConditions(requestTags(spec)),
                // Tags decide what the window may change, so it may tag only what it creates, as it creates it...
                Statement.allow("TagWhatTheWindowCreates", List.of("ec2:CreateTags"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ec2:CreateAction", List.of("CreateVpc",
                                "CreateSubnet", "CreateInternetGateway", "CreateRouteTable", "CreateSecurityGroup")))),
                // ...and change, retag or delete only what already carries the demo layer's tags.
                Statement.allow("ChangeOnlyTheDemoNetwork", List.of("ec2:CreateSubnet", "ec2:CreateRouteTable",
                                "ec2:CreateSecurityGroup", "ec2:ModifyVpcAttribute", "ec2:ModifySubnetAttribute",
                                "ec2:AttachInternetGateway", "ec2:DetachInternetGateway", "ec2:CreateRoute",
                                "ec2:ReplaceRoute", "ec2:DeleteRoute", "ec2:AssociateRouteTable",
                                "ec2:ReplaceRouteTableAssociation", "ec2:DisassociateRouteTable",
                                "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                                "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress", "ec2:CreateTags",
                                "ec2:DeleteTags", "ec2:DeleteVpc", "ec2:DeleteSubnet", "ec2:DeleteInternetGateway",
                                "ec2:DeleteRouteTable", "ec2:DeleteSecurityGroup"), network)
                        .withConditions(resourceTags(spec)));
    }

    /** The demo cluster, its capacity providers, the lanes' task definitions and services. */
    private static List<Statement> demoCompute(CoreNames names, EnvironmentSpec spec) {
        DemoNames demo = DemoNames.of(spec);
        String ecs = "arn:aws:ecs:" + names.region() + ":" + names.accountId() + ":";
        String services = ecs + "service/" + demo.clusterName() + "/*";
        // every lane's family is <prefix>-<lane>: one pattern, so the policy does not grow with the lanes
        List<String> families = List.of(demo.taskDefinitionArns("*"));
        Map<String, Map<String, List<String>>> inTheCluster = Map.of("ArnEquals",
                Map.of("ecs:cluster", List.of(demo.clusterArn())));
        return List.of(
                Statement.allow("CreateTheDemoCluster", List.of("ecs:CreateCluster"), List.of(demo.clusterArn()))
                        .withConditions(requestTags(spec)),
                Statement.allow("RegisterTheLanesTaskDefinitions", List.of("ecs:RegisterTaskDefinition"), families)
                        .withConditions(requestTags(spec)),
                Statement.allow("CreateServicesInTheDemoCluster", List.of("ecs:CreateService"), List.of(services))
                        .withConditions(merge(requestTags(spec), inTheCluster)),
                Statement.allow("TagTheClusterTasksAndServicesItCreates", List.of("ecs:TagResource"), List.of("*"))
                        .withConditions(Map.of("StringEquals", Map.of("ecs:CreateAction", List.of("CreateCluster",
                                "RegisterTaskDefinition", "CreateService")))),
                Statement.allow("ChangeOnlyTheDemoCluster", List.of("ecs:UpdateCluster",
                                "ecs:PutClusterCapacityProviders", "ecs:DeleteCluster"), List.of(demo.clusterArn()))
                        .withConditions(resourceTags(spec)),
                Statement.allow("ChangeOnlyTheDemoServices", List.of("ecs:UpdateService", "ecs:DeleteService"),
                                List.of(services))
                        .withConditions(merge(resourceTags(spec), inTheCluster)),
                Statement.allow("RetagOnlyTheDemoCompute", List.of("ecs:TagResource", "ecs:UntagResource"),
                                List.of("*"))
                        .withConditions(resourceTags(spec)),
                // The SAR gives ecs:DeregisterTaskDefinition no resource type and no condition key: it can only be
                // granted on "*". A deregistered revision stays readable and runnable by services already using it.
                Statement.allow("DeregisterTaskDefinitionsHasNoScope", List.of("ecs:DeregisterTaskDefinition"),
                        List.of("*")));
    }

    /**
     * Cloud Map names for the lanes others call: a private namespace is a Route 53 private hosted zone Cloud Map
     * creates on the caller's rights (and deletes with the namespace on its own).
     */
    private static List<Statement> demoCloudMap(CoreNames names, EnvironmentSpec spec) {
        String cloudMap = "arn:aws:servicediscovery:" + names.region() + ":" + names.accountId() + ":";
        return List.of(
                // CreatePrivateDnsNamespace has no resource type in the SAR: only the tags it is sent can scope it.
                Statement.allow("CreateTheDemoNamespace", List.of("servicediscovery:CreatePrivateDnsNamespace"),
                        List.of("*")).withConditions(requestTags(spec)),
                Statement.allow("DemoNamespaceHostedZone", List.of("route53:CreateHostedZone",
                        "route53:GetHostedZone", "route53:ListHostedZonesByName"), List.of("*")),
                Statement.allow("CreateCloudMapServices", List.of("servicediscovery:CreateService"),
                        List.of(cloudMap + "service/*")).withConditions(requestTags(spec)),
                Statement.allow("TagTheCloudMapNamesItCreates", List.of("servicediscovery:TagResource"), List.of("*"))
                        .withConditions(requestTags(spec)),
                Statement.allow("ChangeOnlyTheDemoCloudMap", List.of("servicediscovery:CreateService",
                                "servicediscovery:GetOperation", "servicediscovery:UpdatePrivateDnsNamespace",
                                "servicediscovery:DeleteNamespace", "servicediscovery:UpdateService",
                                "servicediscovery:DeleteService"),
                        List.of(cloudMap + "namespace/*", cloudMap + "service/*"))
                        .withConditions(resourceTags(spec)),
                // The SAR gives UntagResource no resource type, only aws:TagKeys: it may remove devmin's tags only.
                Statement.allow("UntagOnlyDevminTagsInCloudMap", List.of("servicediscovery:UntagResource"),
                        List.of("*")).withConditions(Map.of("ForAllValues:StringLike",
                                Map.of("aws:TagKeys", List.of("devmin:*")))),
                // The provider lists a namespace's and a service's tags after reading them. The SAR gives
                // ListTagsForResource no resource type and no condition key: a tag condition would never match.
                Statement.allow("ReadCloudMapTags", List.of("servicediscovery:ListTagsForResource"), List.of("*")));
    }

    /**
     * The roles core keeps for the demo's tasks, passed only to ECS tasks; the read-only IAM calls of verify-iam; and
     * ECS's service-linked role, which ECS creates with the caller's rights on the first cluster of an account (ECS
     * Developer Guide, "Using service-linked roles for Amazon ECS"): kept in the window because only that first
     * {@code CreateCluster} needs it and a fresh account would otherwise need an administrator for it.
     */
    private static List<Statement> demoRoles(CoreNames names, EnvironmentSpec spec) {
        DemoNames demo = DemoNames.of(spec);
        List<String> demoRoles = List.of(names.roleArn(demo.executionRoleName()), names.roleArn(demo.laneRoleName("*")));
        return List.of(
                Statement.allow("PassTheDemoRolesToEcsTasks", List.of("iam:PassRole"), demoRoles)
                        .withConditions(Map.of("StringEquals",
                                Map.of("iam:PassedToService", List.of("ecs-tasks.amazonaws.com")))),
                Statement.allow("ProveTheDemoRoles", List.of("iam:SimulatePrincipalPolicy"), demoRoles),
                Statement.allow("ListTheExecutionRolesPolicies", List.of("iam:ListRolePolicies"),
                        List.of(names.roleArn(demo.executionRoleName()))),
                serviceLinkedRole("EcsServiceLinkedRole", names, "ecs.amazonaws.com", "AWSServiceRoleForECS"));
    }

    private static Map<String, Map<String, List<String>>> requestTags(EnvironmentSpec spec) {
        return Map.of("StringEquals", Map.of(
                "aws:RequestTag/" + StackTags.LAYER, List.of(Layer.DEMO.tagValue()),
                "aws:RequestTag/" + StackTags.ENVIRONMENT, List.of(spec.environment())));
    }

    private static Map<String, Map<String, List<String>>> resourceTags(EnvironmentSpec spec) {
        return Map.of("StringEquals", Map.of(
                "aws:ResourceTag/" + StackTags.LAYER, List.of(Layer.DEMO.tagValue()),
                "aws:ResourceTag/" + StackTags.ENVIRONMENT, List.of(spec.environment())));
    }

    private static Map<String, Map<String, List<String>>> merge(Map<String, Map<String, List<String>>> a,
                                                               Map<String, Map<String, List<String>>> b) {
        Map<String, Map<String, List<String>>> out = new java.util.LinkedHashMap<>(a);
        b.forEach((operator, keys) -> out.merge(operator, keys, (x, y) -> {
            Map<String, List<String>> both = new java.util.LinkedHashMap<>(x);
            both.putAll(y);
            return both;
        }));
        return out;
    }

    /**
     * What preflight, verify-iam, readiness, budget-posture, certify, the snapshot and the teardown proof call, the
     * image gate, and the evidence.
     */
    private static List<Statement> commandReads(CoreNames names, EnvironmentSpec spec) {
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
                        "servicediscovery:ListNamespaces", "iam:ListRoles", "access-analyzer:CheckAccessNotGranted"),
                        List.of("*")),
                // The teardown proof and the snapshot read every role of this environment the state names (the CI
                // roles, the task roles), and the sweep the tags of any role named like one, under any path.
                Statement.allow("ReadTheEnvironmentsRoles", List.of("iam:GetRole", "iam:GetRolePolicy",
                        "iam:ListRoleTags"), List.of(names.roleArn("*" + names.prefix() + "-*"))),
                Statement.allow("PreflightKafkaCredentials", List.of("ssm:GetParameters"),
                        SsmHandles.preflightKafkaPaths(spec.environment()).stream()
                                .map(path -> SsmHandles.parameterArn(names.region(), names.accountId(), path)).toList()),
                Statement.allow("EvidenceBucket", List.of("s3:ListBucket"), List.of(names.bucketArn())),
                // certify reads the window's verdicts back; the bucket's versions keep every write, so reading
                // cannot lose what was proven, and nothing here may overwrite or delete it.
                Statement.allow("WriteAndCertifyEvidence", List.of("s3:PutObject", "s3:GetObject"),
                        List.of(names.evidenceObjectsArn(spec.environment()))),
                // readiness classifies a crash from the newest failed task's own log stream
                // every lane's log group is /devmin/<env>/<lane>: one pattern, whatever the number of lanes
                Statement.allow("LaneLogTails", List.of("logs:GetLogEvents"),
                        DemoNames.of(spec).logStreamArns(List.of("*"))),
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

    /** The optional demo database, when the spec enables it: created with, and changed only under, the demo tags. */
    private static List<Statement> database(CoreNames names, EnvironmentSpec spec) {
        String rds = "arn:aws:rds:" + names.region() + ":" + names.accountId() + ":";
        List<String> databases = List.of(rds + "subgrp:*", rds + "db:*");
        return List.of(
                // RequestTag is a key of the whole request: the instance's subnet group is authorized apart, below.
                Statement.allow("CreateTheDemoDatabase", List.of("rds:CreateDBInstance"), List.of(rds + "db:*"))
                        .withConditions(requestTags(spec)),
                Statement.allow("CreateTheDemoSubnetGroupAndTags", List.of("rds:CreateDBSubnetGroup",
                        "rds:AddTagsToResource"), databases).withConditions(requestTags(spec)),
                Statement.allow("ChangeOnlyTheDemoDatabase", List.of("rds:CreateDBInstance",
                        "rds:ModifyDBSubnetGroup", "rds:DeleteDBSubnetGroup", "rds:ModifyDBInstance",
                        "rds:DeleteDBInstance", "rds:RemoveTagsFromResource", "rds:ListTagsForResource"),
                        List.of(rds + "db:*", rds + "subgrp:*")).withConditions(resourceTags(spec)),
                serviceLinkedRole("RdsServiceLinkedRole", names, "rds.amazonaws.com", "AWSServiceRoleForRDS"));
    }

    private static Statement serviceLinkedRole(String sid, CoreNames names, String service, String roleName) {
        return Statement.allow(sid, List.of("iam:CreateServiceLinkedRole"),
                        List.of(names.serviceLinkedRoleArn(service, roleName)))
                .withConditions(Map.of("StringEquals", Map.of("iam:AWSServiceName", List.of(service))));
    }
}
