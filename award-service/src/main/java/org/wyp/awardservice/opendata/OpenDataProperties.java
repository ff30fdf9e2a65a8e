package org.wyp.awardservice.opendata;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who publishes the open grant data, under {@code wyp.open-data.*}.
 *
 * @param idPrefix the publisher's 360Giving prefix; grant ids are {@code <prefix>-<award id>}
 * @param funderId the funding organisation's Org ID
 * @param funderName the funding organisation's name
 * @param license the licence the data is published under
 */
@ConfigurationProperties("wyp.open-data")
public record OpenDataProperties(
    String idPrefix, String funderId, String funderName, String programmeName, String license) {}
