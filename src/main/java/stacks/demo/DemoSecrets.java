package stacks.demo;

import com.pulumi.core.Output;

/** The database credentials the demo layer needs when RDS is enabled; the same secrets core stores as handles. */
public record DemoSecrets(Output<String> databaseUser, Output<String> databasePassword) {
}
