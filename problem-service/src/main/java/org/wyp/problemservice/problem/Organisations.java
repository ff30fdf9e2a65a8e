package org.wyp.problemservice.problem;

import java.util.Locale;
import org.wyp.kit.domain.ForbiddenException;
import org.wyp.kit.security.Caller;
import org.wyp.kit.security.Role;

/**
 * Organisations as problems name them and as problem owners' tokens bind them. Names compare
 * stripped and case-insensitively, so "Sefton Council" and " sefton council" are one organisation.
 */
final class Organisations {

  private Organisations() {}

  static boolean same(String one, String other) {
    return one != null && other != null && key(one).equals(key(other));
  }

  static String key(String organisation) {
    return organisation.strip().toLowerCase(Locale.ROOT);
  }

  /** The organisation a caller acts for, when it is a problem owner whose token names one. */
  static boolean isProblemOwner(Caller caller) {
    return caller.has(Role.PROBLEM_OWNER)
        && caller.organisation() != null
        && !caller.organisation().isBlank();
  }

  /**
   * The organisation the caller acts for; a request may name it, but only as the token does.
   *
   * @param claimed the organisation the request names, or null when it names none
   * @throws ForbiddenException {@code not-a-problem-owner} when the caller is not a problem owner
   *     bound to an organisation, {@code organisation-mismatch} when the request names another
   */
  static String actingFor(Caller caller, String claimed) {
    if (!isProblemOwner(caller)) {
      throw new ForbiddenException(
          "not-a-problem-owner",
          "Only a problem owner whose token carries its organisation may do this");
    }
    String organisation = caller.organisation().strip();
    if (claimed != null && !same(organisation, claimed)) {
      throw new ForbiddenException(
          "organisation-mismatch",
          "The request names %s, but the caller acts for %s".formatted(claimed, organisation));
    }
    return organisation;
  }
}
