package devmin.ci;

import devmin.graph.DeclaredResource;
import devmin.graph.StackGraph;
import devmin.testing.IamSimulator;
import stacks.Layer;
import stacks.StackTags;
import stacks.spec.EnvironmentSpec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The ARN a declared resource will have, for the IAM requests made on it. Names come from the declared inputs; ids
 * AWS assigns at create (a VPC's {@code vpc-…}) are stand-ins derived from the logical name, in AWS's id shapes.
 * These formats are ours to write, but not ours to judge: the simulator places each ARN against the resource types
 * the Service Authorization Reference gives the action, and an ARN of the wrong shape fails the request. A type that
 * has no ARN of its own (a route-table association, the cluster's capacity providers) acts through the resources it
 * references.
 */
final class DeclaredArns {

    private final EnvironmentSpec spec;
    private final StackGraph graph;

    DeclaredArns(EnvironmentSpec spec, StackGraph graph) {
        this.spec = spec;
        this.graph = graph;
    }

    /** The resource's own ARN, empty for a type that has none. */
    Optional<String> of(DeclaredResource resource) {
        String region = spec.awsRegion();
        String account = spec.awsAccountId();
        String ec2 = "arn:aws:ec2:" + region + ":" + account + ":";
        String ecs = "arn:aws:ecs:" + region + ":" + account + ":";
        String sd = "arn:aws:servicediscovery:" + region + ":" + account + ":";
        return Optional.ofNullable(switch (resource.type()) {
            case "aws:ec2/vpc:Vpc" -> ec2 + "vpc/vpc-" + id(resource);
            case "aws:ec2/subnet:Subnet" -> ec2 + "subnet/subnet-" + id(resource);
            case "aws:ec2/internetGateway:InternetGateway" -> ec2 + "internet-gateway/igw-" + id(resource);
            case "aws:ec2/routeTable:RouteTable" -> ec2 + "route-table/rtb-" + id(resource);
            case "aws:ec2/securityGroup:SecurityGroup" -> ec2 + "security-group/sg-" + id(resource);
            case "aws:ecs/cluster:Cluster" -> ecs + "cluster/" + input(resource, "name");
            case "aws:ecs/taskDefinition:TaskDefinition" -> ecs + "task-definition/" + input(resource, "family") + ":1";
            case "aws:ecs/service:Service" -> ecs + "service/" + clusterName(resource) + "/" + input(resource, "name");
            case "aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace" -> sd + "namespace/ns-" + id(resource);
            case "aws:servicediscovery/service:Service" -> sd + "service/srv-" + id(resource);
            case "aws:ecr/repository:Repository" -> "arn:aws:ecr:" + region + ":" + account + ":repository/"
                    + input(resource, "name");
            case "aws:rds/instance:Instance" -> "arn:aws:rds:" + region + ":" + account + ":db:"
                    + nameOrAutoName(resource, "identifier");
            case "aws:rds/subnetGroup:SubnetGroup" -> "arn:aws:rds:" + region + ":" + account + ":subgrp:"
                    + nameOrAutoName(resource, "name");
            case "aws:iam/role:Role" -> "arn:aws:iam::" + account + ":role/" + input(resource, "name");
            default -> null;
        });
    }

    /**
     * Every resource a call on {@code resource} names: the resource itself ({@code created} when the call creates it,
     * so it has no tags yet) and each declared resource its inputs reference, existing with its layer's tags.
     */
    List<IamSimulator.Target> targets(DeclaredResource resource, boolean created) {
        List<IamSimulator.Target> targets = new ArrayList<>();
        of(resource).ifPresent(arn -> targets.add(created ? IamSimulator.Target.created(arn)
                : IamSimulator.Target.existing(arn, tags(resource))));
        for (DeclaredResource referenced : referenced(resource)) {
            of(referenced).ifPresent(arn -> targets.add(IamSimulator.Target.existing(arn, tags(referenced))));
        }
        return targets;
    }

    /** The tags a resource of this layer carries once it exists (the layer's provider sets them on everything). */
    Map<String, String> tags(DeclaredResource resource) {
        return graph.layerOf(resource).flatMap(DeclaredArns::layer).map(layer -> StackTags.of(spec, layer))
                .orElse(Map.of());
    }

    private static Optional<Layer> layer(String tagValue) {
        return java.util.Arrays.stream(Layer.values()).filter(l -> l.tagValue().equals(tagValue)).findFirst();
    }

    /**
     * The declared resources a resource's inputs come from. In a preview an unknown output (a VPC's id) carries its
     * dependency in {@code dependencies}, not per property, so both are read.
     */
    private List<DeclaredResource> referenced(DeclaredResource resource) {
        Set<String> urns = new LinkedHashSet<>();
        resource.propertyDependencies().values().forEach(urns::addAll);
        urns.addAll(resource.dependencies());
        return urns.stream().filter(urn -> !urn.equals(resource.urn())).map(graph::byUrn).flatMap(Optional::stream)
                .filter(r -> r.custom() && !r.isProvider()).toList();
    }

    private String clusterName(DeclaredResource service) {
        return input(clusterOf(service), "name");
    }

    /**
     * The cluster an ECS service runs in: the one its {@code cluster} input came from or, when that input is still
     * unknown in a preview (and so carries no dependency), the one cluster its layer declares.
     */
    DeclaredResource clusterOf(DeclaredResource service) {
        Optional<DeclaredResource> named = service.propertyDependencies().getOrDefault("cluster", List.of()).stream()
                .map(graph::byUrn).flatMap(Optional::stream).findFirst();
        if (named.isPresent()) {
            return named.get();
        }
        List<DeclaredResource> clusters = graph.resources().stream()
                .filter(r -> r.type().equals("aws:ecs/cluster:Cluster"))
                .filter(r -> graph.layerOf(r).equals(graph.layerOf(service))).toList();
        if (clusters.size() != 1) {
            throw new IllegalStateException(service.urn() + ": its cluster cannot be told (" + clusters.size()
                    + " clusters in its layer)");
        }
        return clusters.get(0);
    }

    private static String input(DeclaredResource resource, String name) {
        String value = resource.inputs().path(name).asText("");
        if (value.isEmpty()) {
            throw new IllegalStateException(resource.urn() + " declares no " + name + " to name its ARN by");
        }
        return value;
    }

    /** A name the program leaves to Pulumi gets its auto-name: the logical name and a random suffix. */
    private static String nameOrAutoName(DeclaredResource resource, String field) {
        String value = resource.inputs().path(field).asText("");
        return value.isEmpty() || value.equals("[unknown]") ? resource.name() + "-1a2b3c4" : value;
    }

    /** A stable stand-in for the id AWS assigns: 17 hex digits from the logical name, as EC2 ids have. */
    private static String id(DeclaredResource resource) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(resource.name().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash).substring(0, 17);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
