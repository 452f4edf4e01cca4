package devmin.testing;

import com.pulumi.resources.CustomResource;
import com.pulumi.resources.Resource;

import static org.mockito.Mockito.mock;

/** A stand-in for a declared resource, for code that only carries resources and never looks into them. */
public final class StandInResource {

    private StandInResource() {
    }

    public static Resource any() {
        return mock(CustomResource.class);
    }
}
