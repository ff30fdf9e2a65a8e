package org.wyp.problemservice.problem;

import java.time.Instant;

/** Another organisation saying "we have this problem too". */
public record Endorsement(String organisation, String note, Instant endorsedAt) {}
