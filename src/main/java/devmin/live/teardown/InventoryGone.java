package devmin.live.teardown;

import devmin.live.CallLog;
import devmin.live.CheckResult;
import devmin.live.aws.AwsClients;
import devmin.live.teardown.DirectDescribe.Existence;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every resource the state's demo inventory holds in one region, read directly by its id. After the window closes a
 * present one is a blocker naming it (and what it still holds); before, in the snapshot, the same reads record what
 * AWS holds beside what the state says. A resource whose kind has no direct read, or whose id the state does not give,
 * is unverified: it is never counted as gone.
 */
final class InventoryGone {

    static final String NAME = "inventory-gone";
    static final String HELD = "inventory-held";

    private final AwsClients aws;
    private final String region;
    private final List<InventoryEntry> entries;
    private final ReadById reads;

    InventoryGone(AwsClients aws, String region, String account, List<InventoryEntry> entries) {
        this.aws = aws;
        this.region = region;
        this.entries = List.copyOf(entries);
        this.reads = new ReadById(aws, region, account);
    }

    /** What the reads found: present (with contents), gone, and without a read. */
    record Reading(List<String> present, List<String> gone, List<String> unreadable) {
    }

    Reading read(CallLog log) {
        List<String> present = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        List<String> unreadable = new ArrayList<>();
        LeftoverContents contents = new LeftoverContents(aws, region);
        for (InventoryEntry entry : entries) {
            Optional<Existence> existence = reads.exists(entry, log);
            if (existence.isEmpty()) {
                unreadable.add(entry.describe() + (ReadById.readable(entry.type()) ? ": the state gives no usable id"
                        : ": no direct read for " + entry.type()));
            } else if (existence.get() == Existence.GONE) {
                gone.add(entry.describe());
            } else {
                present.add(entry.describe());
                switch (entry.type()) {
                    case "aws:ec2/vpc:Vpc" -> present.addAll(contents.ofVpc(entry.id(), log));
                    case "aws:ec2/subnet:Subnet" -> present.addAll(contents.ofSubnet(entry.id(), log));
                    default -> { }
                }
            }
        }
        return new Reading(present.stream().distinct().toList(), gone, unreadable);
    }

    /** After the close: present is a blocker, unreadable is unverified, all gone passes. */
    CheckResult gone(CallLog log) {
        Reading reading = read(log);
        if (!reading.present().isEmpty()) {
            return log.result(NAME, region, reading.present(), "", "resources of the state's demo inventory still"
                    + " exist");
        }
        if (!reading.unreadable().isEmpty()) {
            return log.unverified(NAME, region, "not proven gone: " + String.join("; ", reading.unreadable()),
                    reading.unreadable());
        }
        return log.pass(NAME, region, entries.size() + " resource(s) of the state's demo inventory, each read by id:"
                + " all gone");
    }

    /** Before the close: what AWS holds of the inventory; a resource that cannot be read leaves it unverified. */
    CheckResult held(CallLog log) {
        Reading reading = read(log);
        if (!reading.unreadable().isEmpty()) {
            return log.unverified(HELD, region, "cannot read: " + String.join("; ", reading.unreadable()),
                    reading.unreadable());
        }
        return new CheckResult(HELD, region, devmin.live.CheckStatus.PASS, entries.size() + " in state, "
                + (entries.size() - reading.gone().size()) + " read present"
                + (reading.gone().isEmpty() ? "" : "; absent already: " + String.join(", ", reading.gone())),
                log.calls(), reading.present());
    }
}
