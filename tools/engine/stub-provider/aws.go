package main

import (
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"strconv"
	"strings"
)

// awsTypes: the id and computed outputs of each pulumi-aws type devmin declares (and the few its policy tests
// declare), shaped as pulumi-aws 6.x returns them. A type missing here still works: it gets a generic id.
var awsTypes = map[string]computed{
	"aws:s3/bucketV2:BucketV2": func(c resourceContext) (string, map[string]any) {
		name := c.input("bucket")
		return name, map[string]any{"arn": "arn:aws:s3:::" + name, "region": c.region,
			"bucketDomainName": name + ".s3.amazonaws.com"}
	},
	"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":                                     bucketChild,
	"aws:s3/bucketOwnershipControls:BucketOwnershipControls":                                     bucketChild,
	"aws:s3/bucketVersioningV2:BucketVersioningV2":                                               bucketChild,
	"aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": bucketChild,
	"aws:s3/bucketPolicy:BucketPolicy":                                                           bucketChild,
	"aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2":                       bucketChild,
	"aws:ecr/repository:Repository": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		return name, map[string]any{"arn": c.arn("ecr", "repository/"+name), "registryId": c.account,
			"repositoryUrl": c.account + ".dkr.ecr." + c.region + ".amazonaws.com/" + name}
	},
	"aws:ecr/lifecyclePolicy:LifecyclePolicy": func(c resourceContext) (string, map[string]any) {
		return c.input("repository"), map[string]any{"registryId": c.account}
	},
	"aws:ssm/parameter:Parameter": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		return name, map[string]any{"arn": c.arn("ssm", "parameter/"+strings.TrimPrefix(name, "/")),
			"version": c.generation}
	},
	"aws:budgets/budget:Budget": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		return c.account + ":" + name, map[string]any{"arn": "arn:aws:budgets::" + c.account + ":budget/" + name,
			"accountId": c.account}
	},
	"aws:iam/openIdConnectProvider:OpenIdConnectProvider": func(c resourceContext) (string, map[string]any) {
		arn := "arn:aws:iam::" + c.account + ":oidc-provider/" + strings.TrimPrefix(c.input("url"), "https://")
		return arn, map[string]any{"arn": arn}
	},
	"aws:iam/role:Role": func(c resourceContext) (string, map[string]any) {
		name, path := c.input("name"), c.input("path")
		if path == "" {
			path = "/"
		}
		return name, map[string]any{"arn": "arn:aws:iam::" + c.account + ":role" + path + name, "path": path,
			"uniqueId": "AROA" + strings.ToUpper(c.hex("unique", 17)), "createDate": "2026-01-01T00:00:00Z"}
	},
	"aws:iam/rolePolicy:RolePolicy": func(c resourceContext) (string, map[string]any) {
		return c.input("role") + ":" + c.input("name"), nil
	},
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment": func(c resourceContext) (string, map[string]any) {
		return c.input("role") + "-" + c.hex("id", 20), nil
	},
	"aws:ec2/vpc:Vpc": func(c resourceContext) (string, map[string]any) {
		id := "vpc-" + c.hex("id", 17)
		return id, map[string]any{"arn": c.arn("ec2", "vpc/"+id), "ownerId": c.account,
			"mainRouteTableId": "rtb-" + c.hex("main", 17), "defaultRouteTableId": "rtb-" + c.hex("main", 17),
			"defaultSecurityGroupId": "sg-" + c.hex("sg", 17), "defaultNetworkAclId": "acl-" + c.hex("acl", 17)}
	},
	"aws:ec2/subnet:Subnet":                   ec2Resource("subnet", "subnet"),
	"aws:ec2/internetGateway:InternetGateway": ec2Resource("igw", "internet-gateway"),
	"aws:ec2/routeTable:RouteTable":           ec2Resource("rtb", "route-table"),
	"aws:ec2/securityGroup:SecurityGroup":     ec2Resource("sg", "security-group"),
	"aws:ec2/natGateway:NatGateway":           ec2Resource("nat", "natgateway"),
	"aws:ec2/eip:Eip":                         ec2Resource("eipalloc", "elastic-ip"),
	"aws:ec2/vpcEndpoint:VpcEndpoint":         ec2Resource("vpce", "vpc-endpoint"),
	"aws:ec2/routeTableAssociation:RouteTableAssociation": func(c resourceContext) (string, map[string]any) {
		return "rtbassoc-" + c.hex("id", 17), nil
	},
	"aws:ec2/route:Route": func(c resourceContext) (string, map[string]any) {
		return "r-" + c.input("routeTableId") + "1080289494", nil
	},
	"aws:lb/loadBalancer:LoadBalancer": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		arn := c.arn("elasticloadbalancing", "loadbalancer/app/"+name+"/"+c.hex("id", 16))
		return arn, map[string]any{"arn": arn, "dnsName": name + "-" + c.hex("dns", 9) + "." + c.region +
			".elb.amazonaws.com", "zoneId": "ZHURV8PSTC4K8"}
	},
	"aws:ecs/cluster:Cluster": func(c resourceContext) (string, map[string]any) {
		arn := c.arn("ecs", "cluster/"+c.input("name"))
		return arn, map[string]any{"arn": arn}
	},
	"aws:ecs/clusterCapacityProviders:ClusterCapacityProviders": func(c resourceContext) (string, map[string]any) {
		return c.input("clusterName"), nil
	},
	"aws:ecs/taskDefinition:TaskDefinition": func(c resourceContext) (string, map[string]any) {
		family, revision := c.input("family"), c.generation
		withoutRevision := c.arn("ecs", "task-definition/"+family)
		return family, map[string]any{"arn": withoutRevision + ":" + strconv.Itoa(revision),
			"arnWithoutRevision": withoutRevision, "revision": revision}
	},
	"aws:ecs/service:Service": func(c resourceContext) (string, map[string]any) {
		cluster := c.input("cluster")
		clusterName := cluster[strings.LastIndex(cluster, "/")+1:]
		arn := c.arn("ecs", "service/"+clusterName+"/"+c.input("name"))
		return arn, map[string]any{"arn": arn}
	},
	"aws:cloudwatch/logGroup:LogGroup": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		return name, map[string]any{"arn": c.arn("logs", "log-group:"+name)}
	},
	"aws:servicediscovery/privateDnsNamespace:PrivateDnsNamespace": cloudMapNamespace,
	"aws:servicediscovery/httpNamespace:HttpNamespace":             cloudMapNamespace,
	"aws:servicediscovery/service:Service": func(c resourceContext) (string, map[string]any) {
		id := "srv-" + c.base36("id", 16)
		return id, map[string]any{"arn": c.arn("servicediscovery", "service/"+id)}
	},
	"aws:rds/subnetGroup:SubnetGroup": func(c resourceContext) (string, map[string]any) {
		name := c.input("name")
		return name, map[string]any{"arn": c.arn("rds", "subgrp:"+name)}
	},
	"aws:rds/instance:Instance": func(c resourceContext) (string, map[string]any) {
		identifier := c.input("identifier")
		address := identifier + "." + c.base36("host", 12) + "." + c.region + ".rds.amazonaws.com"
		return identifier, map[string]any{"arn": c.arn("rds", "db:"+identifier), "address": address,
			"endpoint": address + ":5432", "resourceId": "db-" + strings.ToUpper(c.base36("resource", 26))}
	},
}

// autonamed: the property pulumi-aws fills with an auto-name when the program leaves it out.
var autonamed = map[string]string{
	"aws:iam/rolePolicy:RolePolicy":                      "name",
	"aws:ec2/securityGroup:SecurityGroup":                "name",
	"aws:rds/subnetGroup:SubnetGroup":                    "name",
	"confluentcloud:index/environment:Environment":       "displayName",
	"confluentcloud:index/kafkaCluster:KafkaCluster":     "displayName",
	"confluentcloud:index/serviceAccount:ServiceAccount": "displayName",
	"confluentcloud:index/apiKey:ApiKey":                 "displayName",
}

// untaggable: the pulumi-aws types devmin uses that have no tags (everything else gets tagsAll).
var untaggable = map[string]bool{
	"aws:iam/rolePolicy:RolePolicy":                                                              true,
	"aws:iam/rolePolicyAttachment:RolePolicyAttachment":                                          true,
	"aws:ec2/routeTableAssociation:RouteTableAssociation":                                        true,
	"aws:ec2/route:Route":                                                                        true,
	"aws:ecs/clusterCapacityProviders:ClusterCapacityProviders":                                  true,
	"aws:ecr/lifecyclePolicy:LifecyclePolicy":                                                    true,
	"aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock":                                     true,
	"aws:s3/bucketOwnershipControls:BucketOwnershipControls":                                     true,
	"aws:s3/bucketVersioningV2:BucketVersioningV2":                                               true,
	"aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2": true,
	"aws:s3/bucketPolicy:BucketPolicy":                                                           true,
	"aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2":                       true,
}

func taggable(typ string) bool {
	return !untaggable[typ]
}

func bucketChild(c resourceContext) (string, map[string]any) {
	return c.input("bucket"), nil
}

func ec2Resource(idPrefix, arnKind string) computed {
	return func(c resourceContext) (string, map[string]any) {
		id := idPrefix + "-" + c.hex("id", 17)
		return id, map[string]any{"arn": c.arn("ec2", arnKind+"/"+id), "ownerId": c.account}
	}
}

func cloudMapNamespace(c resourceContext) (string, map[string]any) {
	id := "ns-" + c.base36("id", 16)
	return id, map[string]any{"arn": c.arn("servicediscovery", "namespace/"+id),
		"hostedZone": "Z" + strings.ToUpper(c.base36("zone", 13))}
}

func (c resourceContext) arn(service, resourcePart string) string {
	return "arn:aws:" + service + ":" + c.region + ":" + c.account + ":" + resourcePart
}

// bumpParameterVersion numbers a parameter's writes as SSM does: a new value is a new version.
func bumpParameterVersion(typ string, olds, news, outputs resource.PropertyMap) {
	if typ != "aws:ssm/parameter:Parameter" {
		return
	}
	oldValue, hadValue := olds["value"]
	newValue, hasValue := news["value"]
	version, known := olds["version"]
	if !hadValue || !hasValue || !known || !version.IsNumber() || oldValue.DeepEquals(newValue) {
		return
	}
	outputs["version"] = resource.NewNumberProperty(version.NumberValue() + 1)
}
