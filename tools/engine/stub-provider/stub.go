package main

import (
	"context"
	"fmt"
	"sync"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/emptypb"
)

var wire = plugin.MarshalOptions{KeepUnknowns: true, KeepSecrets: true, KeepResources: true, SkipNulls: false}

// stub serves pulumirpc.ResourceProvider for one provider identity. It keeps no resource state of its own: the
// engine's state is the only state, as with a real provider.
type stub struct {
	pulumirpc.UnimplementedResourceProviderServer
	identity    identity
	recorder    *recorder
	generations *generations

	mu     sync.Mutex
	config resource.PropertyMap
}

func newStub(id identity, rec *recorder, gens *generations) *stub {
	return &stub{identity: id, recorder: rec, generations: gens, config: resource.PropertyMap{}}
}

func (s *stub) record(c call, started int64, err error) {
	c.Provider, c.Pid, c.StartNanos, c.EndNanos = s.identity.name, pidOf(), started, now()
	if err != nil {
		c.Error = err.Error()
	}
	s.recorder.write(c)
}

func (s *stub) GetPluginInfo(context.Context, *emptypb.Empty) (*pulumirpc.PluginInfo, error) {
	s.record(call{Method: "GetPluginInfo", Properties: map[string]any{"version": s.identity.version}}, now(), nil)
	return &pulumirpc.PluginInfo{Version: s.identity.version}, nil
}

func (s *stub) GetSchema(context.Context, *pulumirpc.GetSchemaRequest) (*pulumirpc.GetSchemaResponse, error) {
	return &pulumirpc.GetSchemaResponse{
		Schema: fmt.Sprintf(`{"name":%q,"version":%q}`, s.identity.name, s.identity.version),
	}, nil
}

func (s *stub) CheckConfig(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	started := now()
	news, err := plugin.UnmarshalProperties(req.GetNews(), wire)
	s.record(call{Method: "CheckConfig", URN: req.GetUrn(), Properties: redacted(news)}, started, err)
	return &pulumirpc.CheckResponse{Inputs: req.GetNews()}, err
}

func (s *stub) DiffConfig(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return s.diff("DiffConfig", req, false)
}

func (s *stub) Configure(_ context.Context, req *pulumirpc.ConfigureRequest) (*pulumirpc.ConfigureResponse, error) {
	started := now()
	config, err := providerConfig(req)
	if err == nil {
		s.mu.Lock()
		s.config = config
		s.mu.Unlock()
	}
	s.record(call{Method: "Configure", Properties: redacted(config)}, started, err)
	return &pulumirpc.ConfigureResponse{AcceptSecrets: true, SupportsPreview: true, AcceptResources: true}, err
}

// providerConfig reads the provider's configuration from args, or from the older string-encoded variables.
func providerConfig(req *pulumirpc.ConfigureRequest) (resource.PropertyMap, error) {
	if req.GetArgs() != nil {
		return plugin.UnmarshalProperties(req.GetArgs(), wire)
	}
	config := resource.PropertyMap{}
	for key, value := range req.GetVariables() {
		config[resource.PropertyKey(configKeyName(key))] = resource.NewStringProperty(value)
	}
	return config, nil
}

func (s *stub) Check(_ context.Context, req *pulumirpc.CheckRequest) (*pulumirpc.CheckResponse, error) {
	started := now()
	news, err := plugin.UnmarshalProperties(req.GetNews(), wire)
	if err == nil {
		var olds resource.PropertyMap
		if olds, err = plugin.UnmarshalProperties(req.GetOlds(), wire); err == nil {
			autoname(resource.URN(req.GetUrn()), olds, news, req.GetRandomSeed())
		}
	}
	c := call{Method: "Check", URN: req.GetUrn(), Type: string(resource.URN(req.GetUrn()).Type()),
		Properties: redacted(news)}
	if err != nil {
		s.record(c, started, err)
		return nil, err
	}
	inputs, err := plugin.MarshalProperties(news, wire)
	s.record(c, started, err)
	return &pulumirpc.CheckResponse{Inputs: inputs}, err
}

func (s *stub) Diff(_ context.Context, req *pulumirpc.DiffRequest) (*pulumirpc.DiffResponse, error) {
	return s.diff("Diff", req, true)
}

func (s *stub) diff(method string, req *pulumirpc.DiffRequest, resourceDiff bool) (*pulumirpc.DiffResponse, error) {
	started := now()
	olds := req.GetOldInputs()
	if olds == nil {
		olds = req.GetOlds()
	}
	oldProps, err := plugin.UnmarshalProperties(olds, wire)
	if err != nil {
		return nil, err
	}
	newProps, err := plugin.UnmarshalProperties(req.GetNews(), wire)
	if err != nil {
		return nil, err
	}
	typ := string(resource.URN(req.GetUrn()).Type())
	changed := changedKeys(oldProps, newProps)
	var replaces []string
	if resourceDiff {
		replaces = replacingKeys(typ, changed)
	}
	response := &pulumirpc.DiffResponse{Changes: pulumirpc.DiffResponse_DIFF_NONE, Diffs: changed,
		Replaces: replaces, HasDetailedDiff: false}
	if len(changed) > 0 {
		response.Changes = pulumirpc.DiffResponse_DIFF_SOME
	}
	s.record(call{Method: method, URN: req.GetUrn(), Type: typ, ID: req.GetId(),
		Properties: map[string]any{"changed": changed, "replaces": replaces}}, started, nil)
	return response, nil
}

func (s *stub) Create(_ context.Context, req *pulumirpc.CreateRequest) (*pulumirpc.CreateResponse, error) {
	started := now()
	urn := resource.URN(req.GetUrn())
	inputs, err := plugin.UnmarshalProperties(req.GetProperties(), wire)
	if err != nil {
		return nil, err
	}
	pauseIfAsked()
	if err := injectedFailure("Create", string(urn)); err != nil && !req.GetPreview() {
		s.record(call{Method: "Create", URN: string(urn), Type: string(urn.Type()), Preview: req.GetPreview()},
			started, err)
		return nil, err
	}
	generation := 0
	if !req.GetPreview() {
		generation = s.generations.next(string(urn))
	}
	id, outputs, err := s.outputsOf(urn, inputs, generation, req.GetPreview())
	c := call{Method: "Create", URN: string(urn), Type: string(urn.Type()), ID: id, Preview: req.GetPreview(),
		Properties: redacted(inputs), TimeoutSeconds: req.GetTimeout()}
	if err == nil && !req.GetPreview() {
		err = neverSteady("create", string(urn), id, inputs, req.GetTimeout())
	}
	if err != nil {
		s.record(c, started, err)
		return nil, err
	}
	props, err := plugin.MarshalProperties(outputs, wire)
	s.record(c, started, err)
	return &pulumirpc.CreateResponse{Id: id, Properties: props}, err
}

func (s *stub) Read(_ context.Context, req *pulumirpc.ReadRequest) (*pulumirpc.ReadResponse, error) {
	started := now()
	s.record(call{Method: "Read", URN: req.GetUrn(), Type: string(resource.URN(req.GetUrn()).Type()),
		ID: req.GetId()}, started, nil)
	return &pulumirpc.ReadResponse{Id: req.GetId(), Properties: req.GetProperties(), Inputs: req.GetInputs()}, nil
}

func (s *stub) Update(_ context.Context, req *pulumirpc.UpdateRequest) (*pulumirpc.UpdateResponse, error) {
	started := now()
	olds, err := plugin.UnmarshalProperties(req.GetOlds(), wire)
	if err != nil {
		return nil, err
	}
	news, err := plugin.UnmarshalProperties(req.GetNews(), wire)
	if err != nil {
		return nil, err
	}
	// Computed outputs (ids, ARNs, endpoints) keep their values; inputs take their new ones.
	outputs := olds.Copy()
	for key, value := range news {
		outputs[key] = value
	}
	urn := resource.URN(req.GetUrn())
	bumpParameterVersion(string(urn.Type()), olds, news, outputs)
	s.addTagsAll(string(urn.Type()), outputs)
	props, err := plugin.MarshalProperties(outputs, wire)
	if err == nil && !req.GetPreview() {
		err = neverSteady("update", string(urn), req.GetId(), news, req.GetTimeout())
	}
	s.record(call{Method: "Update", URN: string(urn), Type: string(urn.Type()), ID: req.GetId(),
		Preview: req.GetPreview(), Properties: redacted(news), TimeoutSeconds: req.GetTimeout()}, started, err)
	if err != nil {
		return nil, err
	}
	return &pulumirpc.UpdateResponse{Properties: props}, nil
}

func (s *stub) Delete(_ context.Context, req *pulumirpc.DeleteRequest) (*emptypb.Empty, error) {
	started := now()
	err := injectedFailure("Delete", req.GetUrn())
	s.record(call{Method: "Delete", URN: req.GetUrn(), Type: string(resource.URN(req.GetUrn()).Type()),
		ID: req.GetId()}, started, err)
	if err != nil {
		return nil, err
	}
	return &emptypb.Empty{}, nil
}

func (s *stub) Invoke(_ context.Context, req *pulumirpc.InvokeRequest) (*pulumirpc.InvokeResponse, error) {
	started := now()
	args, err := plugin.UnmarshalProperties(req.GetArgs(), wire)
	if err != nil {
		return nil, err
	}
	c := call{Method: "Invoke", Type: req.GetTok(), Properties: redacted(args)}
	if req.GetTok() != "aws:ecr/getImage:getImage" {
		err := status.Errorf(codes.Unimplemented, "stub provider %s does not model the function %s",
			s.identity.name, req.GetTok())
		s.record(c, started, err)
		return nil, err
	}
	result, err := getImage(args)
	s.record(c, started, err)
	if err != nil {
		return nil, err
	}
	props, err := plugin.MarshalProperties(result, wire)
	return &pulumirpc.InvokeResponse{Return: props}, err
}

func (s *stub) Cancel(context.Context, *emptypb.Empty) (*emptypb.Empty, error) {
	return &emptypb.Empty{}, nil
}

func (s *stub) GetMapping(context.Context, *pulumirpc.GetMappingRequest) (*pulumirpc.GetMappingResponse, error) {
	return &pulumirpc.GetMappingResponse{}, nil
}

func (s *stub) GetMappings(context.Context, *pulumirpc.GetMappingsRequest) (*pulumirpc.GetMappingsResponse, error) {
	return &pulumirpc.GetMappingsResponse{}, nil
}
