package stacks.demo;

import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.inputs.SecurityGroupIngressArgs;
import com.pulumi.aws.rds.Instance;
import com.pulumi.aws.rds.InstanceArgs;
import com.pulumi.aws.rds.SubnetGroup;
import com.pulumi.aws.rds.SubnetGroupArgs;
import com.pulumi.core.Output;
import stacks.LayerScope;

import java.util.List;

/**
 * The optional demo-window PostgreSQL: the smallest single-AZ instance, private, destroyed with the window (no deletion
 * protection, no final snapshot), credentials from the same secrets core stores at the database SSM handles.
 */
final class DemoDatabase {

    static final int POSTGRES_PORT = 5432;

    DemoDatabase(LayerScope scope, DemoPlan plan, DemoNetwork network, DemoSecrets secrets) {
        var subnets = new SubnetGroup("db-subnets", SubnetGroupArgs.builder()
                .subnetIds(Output.all(network.subnetIds()))
                .build(), scope.aws());
        var securityGroup = new SecurityGroup("db-sg", SecurityGroupArgs.builder()
                .vpcId(network.vpcId())
                .description("devmin database: PostgreSQL from lanes only")
                .ingress(SecurityGroupIngressArgs.builder().protocol("tcp").fromPort(POSTGRES_PORT)
                        .toPort(POSTGRES_PORT)
                        .securityGroups(network.lanesSecurityGroup().id().applyValue(List::of))
                        .description("PostgreSQL from lanes").build())
                .build(), scope.aws());
        new Instance("database", InstanceArgs.builder()
                .identifier(plan.names().prefix() + "-db")
                .engine("postgres")
                .instanceClass(plan.spec().database().instanceClass())
                .allocatedStorage(plan.spec().database().allocatedStorageGb())
                .storageEncrypted(true)
                .multiAz(false)
                .publiclyAccessible(false)
                .deletionProtection(false)
                .skipFinalSnapshot(true)
                .backupRetentionPeriod(0)
                .dbSubnetGroupName(subnets.name())
                .vpcSecurityGroupIds(securityGroup.id().applyValue(List::of))
                .username(secrets.databaseUser())
                .password(secrets.databasePassword())
                // named: both inputs are unknown in a preview, and an unknown output carries no dependency
                .build(), scope.aws(subnets, securityGroup));
    }
}
