package devmin.policy.kinds;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** Type tokens and URNs read by position, at their edges. */
class TypeTokenTest {

    @Test
    void theModuleIsWhatComesBeforeTheSlashEvenWhenThatIsNothing() {
        assertThat(TypeToken.module("aws:ec2/natGateway:NatGateway")).isEqualTo("ec2");
        assertThat(TypeToken.module("aws-native:ec2:NatGateway")).isEqualTo("ec2");
        assertThat(TypeToken.module("awsx:x:ec2:Vpc")).isEqualTo("ec2");
        assertThat(TypeToken.module("aws:/natGateway:NatGateway")).isEmpty();
        assertThat(TypeToken.module("aws:NatGateway")).isEmpty();
    }

    @Test
    void aUrnsTypeIsTheLastOfItsChainWhereverTheChainStarts() {
        assertThat(TypeToken.ofUrn("urn:pulumi:dev-min::devmin::devmin:stacks:CoreStack$aws:s3/bucketV2:BucketV2::b"))
                .isEqualTo("aws:s3/bucketV2:BucketV2");
        assertThat(TypeToken.ofUrn("::aws:s3/bucketV2:BucketV2::b")).as("the chain at the very start")
                .isEqualTo("aws:s3/bucketV2:BucketV2");
        assertThat(TypeToken.ofUrn("aws:s3/bucketV2:BucketV2::b")).as("one separator: no chain").isEmpty();
        assertThat(TypeToken.ofUrn("no separator")).isEmpty();
    }

    @Test
    void everyKindIsFoundByItsWireName() {
        assertThat(Kind.values()).allSatisfy(k -> {
            assertThat(k.wireName()).isNotBlank();
            assertThat(Kind.parse(k.wireName())).contains(k);
        });
        assertThat(Arrays.stream(Kind.values()).map(Kind::wireName).distinct()).hasSize(Kind.values().length);
        assertThat(Kind.NAT_GATEWAY.wireName()).isEqualTo("nat-gateway");
    }
}
