package main

import (
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// resourceContext is what a computed output may depend on: the resource, its inputs, its generation (how often its
// URN was created) and the provider's configuration.
type resourceContext struct {
	urn        resource.URN
	inputs     resource.PropertyMap
	generation int
	region     string
	account    string
}

func (c resourceContext) input(key string) string {
	value, ok := c.inputs[resource.PropertyKey(key)]
	for ok && value.IsSecret() {
		value = value.SecretValue().Element
	}
	if !ok || !value.IsString() {
		return ""
	}
	return value.StringValue()
}

func (c resourceContext) object(key, field string) string {
	value, ok := c.inputs[resource.PropertyKey(key)]
	if !ok || !value.IsObject() {
		return ""
	}
	return resourceContext{inputs: value.ObjectValue()}.input(field)
}

// hex is a deterministic run of n hex digits for this URN and generation: the same resource gets the same id when the
// engine asks again, and a re-created one gets a new id.
func (c resourceContext) hex(salt string, n int) string {
	return hashOf(fmt.Sprintf("%s#%d#%s", c.urn, c.generation, salt))[:n]
}

// base36 is a deterministic lower-case alphanumeric run, as Confluent ids use.
func (c resourceContext) base36(salt string, n int) string {
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	digest := hashOf(fmt.Sprintf("%s#%d#%s", c.urn, c.generation, salt))
	out := make([]byte, n)
	for i := range out {
		out[i] = alphabet[strings.IndexByte("0123456789abcdef", digest[i])*2%36]
	}
	return string(out)
}

// computed is one type's id and computed outputs.
type computed func(c resourceContext) (string, map[string]any)

func (s *stub) outputsOf(urn resource.URN, inputs resource.PropertyMap, generation int, preview bool,
) (string, resource.PropertyMap, error) {
	s.mu.Lock()
	region, account := configString(s.config, "region"), firstOf(configStrings(s.config, "allowedAccountIds"))
	s.mu.Unlock()
	if account == "" {
		account = "000000000000"
	}
	ctx := resourceContext{urn: urn, inputs: inputs, generation: generation, region: region, account: account}
	typ := string(urn.Type())
	compute, known := awsTypes[typ]
	if !known {
		compute, known = confluentTypes[typ]
	}
	if !known {
		compute = func(c resourceContext) (string, map[string]any) { return "stub-" + c.hex("id", 12), nil }
	}
	id, extra := compute(ctx)
	outputs := inputs.Copy()
	for key, value := range extra {
		if _, given := outputs[resource.PropertyKey(key)]; given && key != "secret" {
			continue
		}
		outputs[resource.PropertyKey(key)] = propertyOf(value)
	}
	s.addTagsAll(typ, outputs)
	if preview {
		// A real provider knows its computed outputs only after the cloud answered.
		for key := range extra {
			if _, given := inputs[resource.PropertyKey(key)]; !given {
				outputs[resource.PropertyKey(key)] = resource.MakeComputed(resource.NewStringProperty(""))
			}
		}
		return "", outputs, nil
	}
	return id, outputs, nil
}

// secretString marks a computed output the real provider returns as a secret.
type secretString string

func propertyOf(value any) resource.PropertyValue {
	switch v := value.(type) {
	case secretString:
		return resource.MakeSecret(resource.NewStringProperty(string(v)))
	case int:
		return resource.NewNumberProperty(float64(v))
	case map[string]any:
		m := resource.PropertyMap{}
		for key, item := range v {
			m[resource.PropertyKey(key)] = propertyOf(item)
		}
		return resource.NewObjectProperty(m)
	case []any:
		items := make([]resource.PropertyValue, 0, len(v))
		for _, item := range v {
			items = append(items, propertyOf(item))
		}
		return resource.NewArrayProperty(items)
	}
	return resource.NewPropertyValue(value)
}

// addTagsAll adds what pulumi-aws adds to every taggable resource: its tags merged over the provider's default tags.
func (s *stub) addTagsAll(typ string, outputs resource.PropertyMap) {
	if !strings.HasPrefix(typ, "aws:") || !taggable(typ) {
		return
	}
	all := resource.PropertyMap{}
	s.mu.Lock()
	if defaults, ok := s.config["defaultTags"]; ok {
		for key, value := range defaultTagsOf(defaults) {
			all[key] = value
		}
	}
	s.mu.Unlock()
	if tags, ok := outputs["tags"]; ok && tags.IsObject() {
		for key, value := range tags.ObjectValue() {
			all[key] = value
		}
	}
	outputs["tagsAll"] = resource.NewObjectProperty(all)
}

func defaultTagsOf(value resource.PropertyValue) resource.PropertyMap {
	if value.IsString() {
		var decoded map[string]any
		if json.Unmarshal([]byte(value.StringValue()), &decoded) != nil {
			return nil
		}
		value = resource.NewPropertyValue(decoded)
	}
	if !value.IsObject() {
		return nil
	}
	tags, ok := value.ObjectValue()["tags"]
	if !ok || !tags.IsObject() {
		return nil
	}
	return tags.ObjectValue()
}

// changedKeys lists the top-level input keys whose values differ, in a stable order.
func changedKeys(olds, news resource.PropertyMap) []string {
	keys := map[string]bool{}
	for key, value := range news {
		if old, ok := olds[key]; !ok || !old.DeepEquals(value) {
			keys[string(key)] = true
		}
	}
	for key := range olds {
		if _, ok := news[key]; !ok {
			keys[string(key)] = true
		}
	}
	out := make([]string, 0, len(keys))
	for key := range keys {
		out = append(out, key)
	}
	sort.Strings(out)
	return out
}

// autoname fills in the name a real provider would generate when the program gives none: the name it generated
// before (so an unchanged resource stays unchanged), or the logical name and a random suffix (from the engine's
// seed here).
func autoname(urn resource.URN, olds, news resource.PropertyMap, seed []byte) {
	key, ok := autonamed[string(urn.Type())]
	if !ok {
		return
	}
	property := resource.PropertyKey(key)
	if _, given := news[property]; given {
		return
	}
	if previous, had := olds[property]; had {
		news[property] = previous
		return
	}
	suffix := hashOf(string(urn) + string(seed))[:7]
	news[property] = resource.NewStringProperty(urn.Name() + "-" + suffix)
}

func configKeyName(key string) string {
	return key[strings.LastIndex(key, ":")+1:]
}

func configString(config resource.PropertyMap, key string) string {
	value, ok := config[resource.PropertyKey(key)]
	if !ok || !value.IsString() {
		return ""
	}
	return value.StringValue()
}

// configStrings reads a list that arrives either as a list or, from older engines, JSON-encoded in a string.
func configStrings(config resource.PropertyMap, key string) []string {
	value, ok := config[resource.PropertyKey(key)]
	if !ok {
		return nil
	}
	var out []string
	if value.IsString() {
		_ = json.Unmarshal([]byte(value.StringValue()), &out)
		return out
	}
	if value.IsArray() {
		for _, item := range value.ArrayValue() {
			if item.IsString() {
				out = append(out, item.StringValue())
			}
		}
	}
	return out
}

func firstOf(values []string) string {
	if len(values) == 0 {
		return ""
	}
	return values[0]
}

func pidOf() int {
	return os.Getpid()
}

// pauseIfAsked sleeps DEVMIN_STUB_CREATE_DELAY_MS before every create, so that a test can widen the window in which
// a missing dependency would let two creates overlap.
func pauseIfAsked() {
	if ms, err := strconv.Atoi(os.Getenv("DEVMIN_STUB_CREATE_DELAY_MS")); err == nil && ms > 0 {
		time.Sleep(time.Duration(ms) * time.Millisecond)
	}
}
