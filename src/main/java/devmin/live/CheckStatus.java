package devmin.live;

/** How one live check ended: proven fine, found something, or could not find out (which never passes). */
public enum CheckStatus {
    PASS, BLOCKER, UNVERIFIED
}
