package org.wyp.problemservice.problem;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/**
 * Which problems a caller may know exist, for reads of one problem and for lists alike: public ones
 * for everybody, every one for organisers, and a problem owner's own organisation's in any status.
 * Any other problem does not exist for the caller (404, never 403).
 *
 * @param statuses the statuses in which the caller sees any organisation's problems
 * @param organisation the organisation whose problems the caller sees in every status
 */
record ProblemVisibility(Set<ProblemStatus> statuses, Optional<String> organisation) {

  static ProblemVisibility of(Caller caller) {
    if (caller.has(Role.ORGANISER)) {
      return new ProblemVisibility(EnumSet.allOf(ProblemStatus.class), Optional.empty());
    }
    Optional<String> own =
        Organisations.isProblemOwner(caller)
            ? Optional.of(caller.organisation().strip())
            : Optional.empty();
    return new ProblemVisibility(ProblemStatus.PUBLIC, own);
  }

  boolean shows(Problem problem) {
    return statuses.contains(problem.status())
        || organisation
            .filter(o -> Organisations.same(o, problem.content().ownerOrganisation()))
            .isPresent();
  }
}
