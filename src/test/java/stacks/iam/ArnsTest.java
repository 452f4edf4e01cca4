package stacks.iam;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArnsTest {

    /** IAM identifiers: a role's ARN is {@code arn:aws:iam::account-id:role/role-name} (an empty region field). */
    @Test
    void roleArnHasAnEmptyRegionAndTheRoleResourceType() {
        assertThat(Arns.role("123456789012", "devmin-window")).isEqualTo("arn:aws:iam::123456789012:role/devmin-window");
    }
}
