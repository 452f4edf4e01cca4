package main

import (
	"fmt"
	"os"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// image is one image the stub's ECR holds.
type image struct {
	repository, tag, digest string
}

// ecrImages reads the images the test says ECR holds: DEVMIN_STUB_ECR_IMAGES is a comma-separated list of
// repository:tag@digest. Nothing else exists, as in an empty registry.
func ecrImages() []image {
	var images []image
	for _, entry := range strings.Split(os.Getenv("DEVMIN_STUB_ECR_IMAGES"), ",") {
		name, digest, ok := strings.Cut(strings.TrimSpace(entry), "@")
		repository, tag, tagged := strings.Cut(name, ":")
		if ok && tagged {
			images = append(images, image{repository: repository, tag: tag, digest: digest})
		}
	}
	return images
}

// getImage answers aws:ecr/getImage:getImage as pulumi-aws does: the image with the given digest (or tag) in the
// repository, or the ImageNotFoundException ECR answers.
func getImage(args resource.PropertyMap) (resource.PropertyMap, error) {
	repository := stringArg(args, "repositoryName")
	digest, tag := stringArg(args, "imageDigest"), stringArg(args, "imageTag")
	for _, img := range ecrImages() {
		if img.repository == repository && ((digest != "" && img.digest == digest) || (tag != "" && img.tag == tag)) {
			return resource.PropertyMap{
				"repositoryName": resource.NewStringProperty(repository),
				"imageDigest":    resource.NewStringProperty(img.digest),
				"imageTags":      resource.NewArrayProperty([]resource.PropertyValue{resource.NewStringProperty(img.tag)}),
				"id":             resource.NewStringProperty(img.digest),
			}, nil
		}
	}
	wanted := fmt.Sprintf("imageDigest:'%s'", digest)
	if digest == "" {
		wanted = fmt.Sprintf("imageTag:'%s'", tag)
	}
	return nil, status.Errorf(codes.Unknown, "reading ECR Image: ImageNotFoundException: The image with imageId "+
		"{%s} does not exist within the repository with name '%s'", wanted, repository)
}

func stringArg(args resource.PropertyMap, key string) string {
	value, ok := args[resource.PropertyKey(key)]
	if !ok || !value.IsString() {
		return ""
	}
	return value.StringValue()
}
