package main

import (
	"strings"
)

// organization is the stub's Confluent organization id, as it appears in CRNs.
const organization = "00000000-0000-4000-8000-000000000000"

// confluentTypes: the id and computed outputs of each confluentcloud 2.79.0 type devmin declares, shaped as the
// provider returns them (see shared/reference/confluentcloud-binding-notes.md).
var confluentTypes = map[string]computed{
	"confluentcloud:index/environment:Environment": func(c resourceContext) (string, map[string]any) {
		id := "env-" + c.base36("id", 6)
		return id, map[string]any{"resourceName": "crn://confluent.cloud/organization=" + organization +
			"/environment=" + id, "streamGovernance": map[string]any{"package": "ESSENTIALS"}}
	},
	"confluentcloud:index/kafkaCluster:KafkaCluster": func(c resourceContext) (string, map[string]any) {
		id := "lkc-" + c.base36("id", 6)
		host := "pkc-" + c.base36("host", 5) + "." + c.input("region") + "." +
			strings.ToLower(c.input("cloud")) + ".confluent.cloud"
		environment := c.object("environment", "id")
		return id, map[string]any{
			"bootstrapEndpoint": "SASL_SSL://" + host + ":9092",
			"restEndpoint":      "https://" + host + ":443",
			"rbacCrn": "crn://confluent.cloud/organization=" + organization + "/environment=" + environment +
				"/cloud-cluster=" + id,
			"apiVersion": "cmk/v2",
			"kind":       "Cluster",
		}
	},
	"confluentcloud:index/serviceAccount:ServiceAccount": func(c resourceContext) (string, map[string]any) {
		return "sa-" + c.base36("id", 6), map[string]any{"apiVersion": "iam/v2", "kind": "ServiceAccount"}
	},
	"confluentcloud:index/roleBinding:RoleBinding": func(c resourceContext) (string, map[string]any) {
		return "rb-" + c.base36("id", 6), nil
	},
	"confluentcloud:index/apiKey:ApiKey": func(c resourceContext) (string, map[string]any) {
		key := strings.ToUpper(c.base36("key", 16))
		return key, map[string]any{"secret": secretString(c.hex("secret", 64))}
	},
	"confluentcloud:index/kafkaTopic:KafkaTopic": func(c resourceContext) (string, map[string]any) {
		return c.object("kafkaCluster", "id") + "/" + c.input("topicName"), nil
	},
	"confluentcloud:index/kafkaAcl:KafkaAcl": func(c resourceContext) (string, map[string]any) {
		return c.object("kafkaCluster", "id") + "/" + strings.Join([]string{c.input("resourceType"),
			c.input("resourceName"), c.input("patternType"), c.input("principal"), c.input("host"),
			c.input("operation"), c.input("permission")}, "#"), nil
	},
}
