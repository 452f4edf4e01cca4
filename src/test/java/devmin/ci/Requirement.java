package devmin.ci;

import devmin.policy.iam.IamRequest;

/**
 * One request a workflow job must be able to make with the role it assumes, and why: e.g. job
 * {@code demo-window.yml/close} needs {@code ec2:DeleteVpc} on {@code *} for {@code pulumi destroy --exclude-protected}.
 */
record Requirement(String job, String cause, IamRequest request) {

    String describe() {
        return "job " + job + ": " + cause + " needs " + request.describe();
    }
}
