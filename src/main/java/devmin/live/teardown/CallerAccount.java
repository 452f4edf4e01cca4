package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;

import java.util.List;

/**
 * The proof is about the stack's account only if the caller is in it: credentials for another account, holding a
 * clean copy of the core layer, would otherwise prove "nothing left" while the verdict names the stack's account.
 * STS GetCallerIdentity needs no permission (STS API reference: "No permissions are required").
 */
final class CallerAccount {

    static final String NAME = "caller-account";

    private final AwsClients aws;
    private final TeardownTarget target;

    CallerAccount(AwsClients aws, TeardownTarget target) {
        this.aws = aws;
        this.target = target;
    }

    CheckResult check(CallLog log) {
        String account = log.call("sts:GetCallerIdentity", () -> aws.sts(target.homeRegion()).getCallerIdentity())
                .account();
        List<String> wrong = target.accountId().equals(account) ? List.of()
                : List.of("the caller is account " + account + ", the stack's account is " + target.accountId());
        return log.result(NAME, target.homeRegion(), wrong, "the caller is the stack's account " + account,
                "wrong account, so nothing here proves the stack's account clean");
    }
}
