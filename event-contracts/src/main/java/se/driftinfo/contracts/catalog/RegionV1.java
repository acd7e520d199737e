package se.driftinfo.contracts.catalog;

import java.util.List;

/**
 * A region with its systems, as published on the log-compacted catalog topic (key: {@code code}).
 * The newest record per region is the whole truth: consumers replace, never merge.
 *
 * @param code stable lower-case code, e.g. {@code norrbotten}
 * @param name display name, e.g. {@code Region Norrbotten}
 * @param timeZone IANA zone the region's local times are in
 * @param supportHours when the region's helpdesk answers
 * @param systems the systems the region lends to clinics
 */
public record RegionV1(String code, String name, String timeZone, SupportHoursV1 supportHours, List<SystemV1> systems) {

    /** A system lent by the region, e.g. Cosmic. {@code code} is unique within the region. */
    public record SystemV1(String code, String name) {}

    /**
     * Helpdesk hours. {@code alwaysOpen} regions answer 24/7; others answer {@code opens}–{@code closes}
     * local time on weekdays that are not Swedish public holidays.
     */
    public record SupportHoursV1(boolean alwaysOpen, String opens, String closes) {}
}
