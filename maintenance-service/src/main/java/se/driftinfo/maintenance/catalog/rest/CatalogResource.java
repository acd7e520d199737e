package se.driftinfo.maintenance.catalog.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import se.driftinfo.contracts.catalog.RegionV1;
import se.driftinfo.kit.domain.InvalidFieldException;
import se.driftinfo.maintenance.catalog.CatalogMapper;
import se.driftinfo.maintenance.catalog.CatalogRepository;
import se.driftinfo.maintenance.catalog.Region;

/** The catalog, readable by anyone. */
@Path("/api")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalog")
public class CatalogResource {

    private final CatalogRepository catalog;

    public CatalogResource(CatalogRepository catalog) {
        this.catalog = catalog;
    }

    public record SystemView(String region, String code, String name) {}

    @GET
    @Path("/regions")
    @Operation(summary = "The regions, their time zones, support hours and systems")
    public List<RegionV1> regions() {
        return catalog.allRegions().stream().map(CatalogMapper::toEvent).toList();
    }

    @GET
    @Path("/systems")
    @Operation(summary = "The systems, of one region or of all")
    public List<SystemView> systems(@QueryParam("region") String region) {
        List<Region> regions;
        if (region == null || region.isBlank()) {
            regions = catalog.allRegions();
        } else {
            regions = List.of(catalog.region(region)
                    .orElseThrow(() -> new InvalidFieldException("region", "unknown region '" + region + "'")));
        }
        return regions.stream()
                .flatMap(r -> r.systems.stream().map(s -> new SystemView(r.code, s.code, s.name)))
                .toList();
    }
}
