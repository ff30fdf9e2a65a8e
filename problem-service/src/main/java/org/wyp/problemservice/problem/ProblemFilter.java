package org.wyp.problemservice.problem;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a problem list asks for. {@code text} matches titles containing it, case-insensitively, as
 * plain text (never as a pattern or operator). {@code statuses} are those asked for; what the
 * caller may see narrows them further.
 */
record ProblemFilter(
    Optional<UUID> roundId,
    Optional<String> theme,
    Set<ProblemStatus> statuses,
    Optional<String> borough,
    Optional<String> text) {}
