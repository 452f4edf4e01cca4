package devmin.live.budget;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The budget's alert ladder ({@code devmin:budget.alertThresholds}, absolute amounts, strictly ascending) against the
 * month's actual spend and, when AWS has one, its forecast: which rungs each has crossed, and whether any is above the
 * last rung. A rung is crossed when the amount is greater than it, as AWS Budgets alerts ({@code GREATER_THAN}), so an
 * amount exactly on the last rung is not above it.
 */
public record ThresholdLadder(List<BigDecimal> thresholds, BigDecimal limit) {

    /** One amount placed on the ladder, e.g. {@code actual 12.5}. */
    public record Amount(String by, BigDecimal value) {
    }

    /** One rung crossed, by the actual spend or by the forecast. */
    public record Crossing(BigDecimal threshold, String by) {
    }

    public ThresholdLadder {
        thresholds = List.copyOf(thresholds);
        if (thresholds.isEmpty()) {
            throw new IllegalArgumentException("a ladder needs at least one threshold");
        }
    }

    public BigDecimal last() {
        return thresholds.get(thresholds.size() - 1);
    }

    /** Rung by rung, each amount that is above it, in the order the amounts are given. */
    public List<Crossing> crossed(List<Amount> amounts) {
        List<Crossing> crossed = new ArrayList<>();
        for (BigDecimal rung : thresholds) {
            amounts.stream().filter(a -> a.value().compareTo(rung) > 0)
                    .forEach(a -> crossed.add(new Crossing(rung, a.by())));
        }
        return crossed;
    }

    /** What is above the last rung, e.g. {@code actual 28.40}; empty when nothing is. */
    public List<String> aboveLast(List<Amount> amounts) {
        return amounts.stream().filter(a -> a.value().compareTo(last()) > 0)
                .map(a -> a.by() + " " + a.value().toPlainString()).toList();
    }
}
