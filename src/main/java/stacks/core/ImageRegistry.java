package stacks.core;

import com.pulumi.aws.ecr.LifecyclePolicy;
import com.pulumi.aws.ecr.LifecyclePolicyArgs;
import com.pulumi.aws.ecr.Repository;
import com.pulumi.aws.ecr.RepositoryArgs;
import com.pulumi.aws.ecr.inputs.RepositoryEncryptionConfigurationArgs;
import com.pulumi.aws.ecr.inputs.RepositoryImageScanningConfigurationArgs;
import com.pulumi.core.Output;
import stacks.LayerScope;
import stacks.handles.HandleName;
import stacks.handles.HandleRegistry;

/**
 * The one ECR repository: immutable tags (a tag names exactly one image forever), scan on push, bounded history that
 * never includes the pinned image.
 */
final class ImageRegistry {

    private final Repository repository;
    private final CoreNames names;

    ImageRegistry(LayerScope scope, CoreNames names, int keepTaggedImages, String pinnedTag) {
        this.names = names;
        this.repository = new Repository("image-repository", RepositoryArgs.builder()
                .name(names.ecrRepositoryName())
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(RepositoryImageScanningConfigurationArgs.builder().scanOnPush(true).build())
                .encryptionConfigurations(RepositoryEncryptionConfigurationArgs.builder().encryptionType("AES256")
                        .build())
                .forceDelete(false)
                .build(), scope.aws());
        new LifecyclePolicy("image-lifecycle", LifecyclePolicyArgs.builder()
                .repository(repository.name())
                .policy(CorePolicies.ecrLifecyclePolicy(keepTaggedImages, pinnedTag))
                .build(), scope.aws());
    }

    Output<String> repositoryUrl() {
        return repository.repositoryUrl();
    }

    void publish(HandleRegistry handles, String publisher) {
        handles.publish(HandleName.ECR_REPOSITORY_URI, publisher, names.ecrRepositoryUri(), repository);
        handles.publish(HandleName.ECR_REPOSITORY_ARN, publisher, names.ecrRepositoryArn(), repository);
    }
}
