package se.driftinfo.maintenance.catalog;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

@ApplicationScoped
public class CatalogRepository implements PanacheRepositoryBase<Region, String> {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,49}");

    public List<Region> allRegions() {
        return list("order by code");
    }

    public Optional<Region> region(String code) {
        return isCode(code) ? findByIdOptional(code) : Optional.empty();
    }

    /**
     * Whether {@code value} can be a region or system code (a lowercase slug). Anything else names
     * nothing and is asked of no database: PostgreSQL refuses a NUL with an error, not an empty answer.
     */
    public static boolean isCode(String value) {
        return value != null && CODE.matcher(value).matches();
    }
}
