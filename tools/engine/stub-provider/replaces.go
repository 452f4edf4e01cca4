package main

// Which changed inputs make the real provider replace the resource rather than update it. Only what devmin's
// resources touch is modelled; every other change is an in-place update. Sources: the Terraform schemas' ForceNew
// (pulumi-aws 6.x) and shared/reference/confluentcloud-binding-notes.md ("replace on change").
var replaceOnChange = map[string][]string{
	"aws:s3/bucketV2:BucketV2":                       {"bucket"},
	"aws:ecr/repository:Repository":                  {"name"},
	"aws:iam/role:Role":                              {"name", "path"},
	"aws:iam/rolePolicy:RolePolicy":                  {"name", "role"},
	"aws:ssm/parameter:Parameter":                    {"name"},
	"aws:cloudwatch/logGroup:LogGroup":               {"name"},
	"aws:ecs/cluster:Cluster":                        {"name"},
	"aws:ec2/vpc:Vpc":                                {"cidrBlock"},
	"aws:ec2/subnet:Subnet":                          {"vpcId", "cidrBlock", "availabilityZone"},
	"aws:ec2/securityGroup:SecurityGroup":            {"name", "vpcId", "description"},
	"confluentcloud:index/kafkaCluster:KafkaCluster": {"availability", "cloud", "environment", "region"},
	"confluentcloud:index/apiKey:ApiKey":             {"owner", "managedResource"},
	"confluentcloud:index/kafkaTopic:KafkaTopic":     {"topicName", "kafkaCluster"},
	"confluentcloud:index/roleBinding:RoleBinding":   {"crnPattern", "principal", "roleName"},
}

// replaceOnAnyChange: types whose every input (but their tags) forces a replacement.
var replaceOnAnyChange = map[string]bool{
	"aws:ecs/taskDefinition:TaskDefinition":  true,
	"confluentcloud:index/kafkaAcl:KafkaAcl": true,
}

var neverReplace = map[string]bool{"tags": true, "tagsAll": true, "credentials": true, "skipDestroy": true}

func replacingKeys(typ string, changed []string) []string {
	var out []string
	forcing := map[string]bool{}
	for _, key := range replaceOnChange[typ] {
		forcing[key] = true
	}
	for _, key := range changed {
		if neverReplace[key] {
			continue
		}
		if replaceOnAnyChange[typ] || forcing[key] {
			out = append(out, key)
		}
	}
	return out
}
