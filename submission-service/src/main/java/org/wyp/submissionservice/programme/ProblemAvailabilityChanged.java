package org.wyp.submissionservice.programme;

import java.util.UUID;

/**
 * Published in-process once the catalogue has applied a problem's publication or withdrawal, so
 * features that show problems can follow without the catalogue knowing them.
 */
public record ProblemAvailabilityChanged(UUID problemId) {}
