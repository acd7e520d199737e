package se.driftinfo.maintenance.catalog;

import se.driftinfo.contracts.catalog.RegionV1;

/** Entities never go on the wire: the catalog as the event contract and the REST API show it. */
public final class CatalogMapper {

    private CatalogMapper() {}

    public static RegionV1 toEvent(Region region) {
        return new RegionV1(
                region.code,
                region.name,
                region.timeZone,
                new RegionV1.SupportHoursV1(
                        region.supportAlwaysOpen,
                        region.supportOpens == null ? null : region.supportOpens.toString(),
                        region.supportCloses == null ? null : region.supportCloses.toString()),
                region.systems.stream()
                        .map(s -> new RegionV1.SystemV1(s.code, s.name))
                        .toList());
    }
}
