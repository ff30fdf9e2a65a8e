package org.wyp.judgingservice.judge;

/** A judge's declared conflict with an SME, covering all of that SME's pitches in any round. */
public record SmeConflict(String smeId, String reason) {}
