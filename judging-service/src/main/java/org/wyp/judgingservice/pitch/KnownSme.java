package org.wyp.judgingservice.pitch;

import java.util.UUID;

/** A registered SME's company facts, which conflicts are matched against. */
public record KnownSme(UUID id, String companyName, String companyNumber) {}
