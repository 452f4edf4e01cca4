package devmin.policy.iam;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Whether an IAM resource pattern ({@code *} any run of characters, {@code ?} one; IAM User Guide, "IAM JSON policy
 * elements: Resource") can name any resource of an ARN format from the Service Authorization Reference
 * ({@code arn:${Partition}:kms:${Region}:${Account}:key/${KeyId}}), whose variables stand for any run of characters
 * without a colon (a region, an account id, a key id, a parameter or secret name never holds one).
 */
final class ArnPatterns {

    private static final char VARIABLE = '\u0000';

    private ArnPatterns() {
    }

    /** Whether some ARN of {@code format} matches {@code pattern}: a search over pairs of positions. */
    static boolean intersects(String pattern, String format) {
        String f = variables(format);
        boolean[][] seen = new boolean[pattern.length() + 1][f.length() + 1];
        Deque<int[]> todo = new ArrayDeque<>();
        todo.push(new int[]{0, 0});
        while (!todo.isEmpty()) {
            int[] at = todo.pop();
            int i = at[0];
            int j = at[1];
            if (seen[i][j]) {
                continue;
            }
            seen[i][j] = true;
            if (i == pattern.length() && j == f.length()) {
                return true;
            }
            for (int[] next : steps(pattern, f, i, j)) {
                todo.push(next);
            }
        }
        return false;
    }

    private static List<int[]> steps(String pattern, String f, int i, int j) {
        List<int[]> out = new ArrayList<>();
        boolean star = i < pattern.length() && pattern.charAt(i) == '*';
        boolean variable = j < f.length() && f.charAt(j) == VARIABLE;
        if (star) {
            out.add(new int[]{i + 1, j}); // the star matches nothing more
        }
        if (variable) {
            out.add(new int[]{i, j + 1}); // the variable ends
        }
        if (i < pattern.length() && j < f.length()) {
            char p = pattern.charAt(i);
            if (variable && p != ':' && !star) {
                out.add(new int[]{i + 1, j}); // the variable produces the character the pattern wants
            } else if (!variable && star) {
                out.add(new int[]{i, j + 1}); // the star takes the format's character
            } else if (!variable && (p == '?' || p == f.charAt(j))) {
                out.add(new int[]{i + 1, j + 1});
            }
        }
        return out;
    }

    /** The format with each {@code ${Name}} replaced by one variable mark. */
    private static String variables(String format) {
        return format.replaceAll("\\$\\{[^}]*}", String.valueOf(VARIABLE));
    }
}
