package se.driftinfo.notifier;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Code lists stored as {@code ,a,b,} so that "contains code x" is a plain {@code like '%,x,%'} and a
 * Java {@code contains}, without array types in the read model.
 */
public final class Csv {

    private Csv() {}

    public static String join(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return ",";
        }
        return "," + String.join(",", codes.stream().sorted().distinct().toList()) + ",";
    }

    public static List<String> split(String stored) {
        return Arrays.stream(stored.split(",")).filter(s -> !s.isBlank()).toList();
    }

    public static boolean contains(String stored, String code) {
        return stored.contains("," + code + ",");
    }
}
