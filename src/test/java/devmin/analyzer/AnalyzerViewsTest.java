package devmin.analyzer;

import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import devmin.graph.WireValues;
import devmin.policy.ResourceView;
import org.junit.jupiter.api.Test;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerPropertyDependencies;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerResourceOptions;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnalyzerViewsTest {

    private static final String DEMO = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:DemoStack$";
    private static final String CORE = "urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack$devmin:stacks:CoreStack$";
    private static final String PROVIDER = "urn:pulumi:dev-min::devmin::pulumi:providers:aws::default";
    private static final Struct BUCKET = Struct.newBuilder()
            .putFields("bucket", Value.newBuilder().setStringValue("evidence").build()).build();

    @Test
    void aPerResourceRequestBecomesAViewWithoutRelations() {
        ResourceView view = AnalyzerViews.of(AnalyzeRequest.newBuilder().setUrn(CORE + "aws:s3/bucketV2:BucketV2::ev")
                .setType("aws:s3/bucketV2:BucketV2").setName("ev").setProperties(BUCKET)
                .setOptions(AnalyzerResourceOptions.newBuilder().setProtect(true).setParent(CORE + "x::p"))
                .setProvider(AnalyzerProviderResource.newBuilder().setUrn(PROVIDER)).build());

        assertThat(view.urn()).isEqualTo(CORE + "aws:s3/bucketV2:BucketV2::ev");
        assertThat(view.type()).isEqualTo("aws:s3/bucketV2:BucketV2");
        assertThat(view.name()).isEqualTo("ev");
        assertThat(view.layer()).isEqualTo("core");
        assertThat(view.inputs().path("bucket").asText()).isEqualTo("evidence");
        assertThat(view.protect()).isTrue();
        assertThat(view.parentUrn()).isEqualTo(CORE + "x::p");
        assertThat(view.provider()).isEqualTo(PROVIDER + "::" + WireValues.UNKNOWN);
        assertThat(view.relationsKnown()).isFalse();
    }

    @Test
    void aStackResourceKeepsItsDependenciesAndPropertyDependencies() {
        ResourceView view = AnalyzerViews.of(AnalyzerResource.newBuilder().setUrn(DEMO + "t:m:T::acl").setType("t:m:T")
                .setName("acl").setParent(DEMO + "p:m:P::parent").addDependencies(DEMO + "sa:m:S::sa")
                .putPropertyDependencies("principal", AnalyzerPropertyDependencies.newBuilder()
                        .addUrns(DEMO + "sa:m:S::sa").addUrns(DEMO + "sa:m:S::sb").build())
                .setOptions(AnalyzerResourceOptions.newBuilder().setProtect(true)).build());

        assertThat(view.layer()).isEqualTo("demo");
        assertThat(view.protect()).isTrue();
        assertThat(view.parentUrn()).isEqualTo(DEMO + "p:m:P::parent");
        assertThat(view.dependencies()).containsExactly(DEMO + "sa:m:S::sa");
        assertThat(view.propertyDependencies())
                .isEqualTo(Map.of("principal", List.of(DEMO + "sa:m:S::sa", DEMO + "sa:m:S::sb")));
        assertThat(view.provider()).isEmpty();
        assertThat(view.relationsKnown()).isTrue();
    }

    @Test
    void aProviderBecomesAViewOfItsOwn() {
        ResourceView view = AnalyzerViews.of(AnalyzerProviderResource.newBuilder().setUrn(PROVIDER)
                .setType("pulumi:providers:aws").setName("default").setProperties(BUCKET).build());

        assertThat(view.urn()).isEqualTo(PROVIDER);
        assertThat(view.type()).isEqualTo("pulumi:providers:aws");
        assertThat(view.name()).isEqualTo("default");
        assertThat(view.layer()).isEmpty();
        assertThat(view.inputs().path("bucket").asText()).isEqualTo("evidence");
        assertThat(view.protect()).isFalse();
        assertThat(view.provider()).isEmpty();
    }

    @Test
    void aResourceOutsideTheLayersHasNoLayer() {
        assertThat(AnalyzerViews.layerOf("urn:pulumi:dev-min::devmin::pulumi:pulumi:Stack::devmin-dev-min")).isEmpty();
        assertThat(AnalyzerViews.layerOf("not-a-urn")).isEmpty();
    }

    @Test
    void aRequestWithoutUrnOrTypeOrWithAForeignUrnIsRefusedNamingBoth() {
        assertThatThrownBy(() -> AnalyzerViews.of(AnalyzeRequest.newBuilder().setType("t:m:T").build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed resource: urn '' and type 't:m:T' are required");
        assertThatThrownBy(() -> AnalyzerViews.of(AnalyzerResource.newBuilder().setUrn(DEMO + "t:m:T::x").setType(" ")
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type ' '");
        assertThatThrownBy(() -> AnalyzerViews.of(AnalyzeRequest.newBuilder().setUrn("arn:aws:s3:::b").setType("t:m:T")
                .build())).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("urn 'arn:aws:s3:::b'");
    }
}
