package org.wyp.kit.security;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.wyp.kit.domain.ForbiddenException;

/**
 * Who is calling, as their validated token says: the subject, the roles, and the claims that bind
 * them to their objects. Controllers take it as a parameter and services decide with it; an id in a
 * request is trusted only as far as these claims bind it.
 *
 * @param subject the token's {@code sub}, or null when anonymous
 * @param smeId an SME user's {@code sme_id} claim
 * @param judgeId a judge's {@code judge_id} claim
 * @param organisation a problem owner's {@code organisation} claim
 */
public record Caller(
    String subject, Set<Role> roles, UUID smeId, UUID judgeId, String organisation) {

  public static final Caller ANONYMOUS = new Caller(null, Set.of(), null, null, null);

  public Caller {
    roles = Set.copyOf(roles);
  }

  public boolean isAnonymous() {
    return subject == null;
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public Optional<UUID> sme() {
    return Optional.ofNullable(smeId);
  }

  public Optional<UUID> judge() {
    return Optional.ofNullable(judgeId);
  }

  public Optional<String> organisationName() {
    return Optional.ofNullable(organisation);
  }

  /** Whether this caller is the SME {@code smeId}: role SME and a token bound to that id. */
  public boolean isSme(UUID smeId) {
    return has(Role.SME) && smeId != null && smeId.equals(this.smeId);
  }

  /** Whether this caller is the judge {@code judgeId}: role JUDGE and a token bound to that id. */
  public boolean isJudge(UUID judgeId) {
    return has(Role.JUDGE) && judgeId != null && judgeId.equals(this.judgeId);
  }

  /**
   * The SME this caller acts as.
   *
   * @throws ForbiddenException when the caller is not an SME bound to an {@code sme_id}
   */
  public UUID requireSme() {
    if (!has(Role.SME) || smeId == null) {
      throw new ForbiddenException(
          "not-an-sme", "Only an SME whose token carries its sme_id may do this");
    }
    return smeId;
  }

  /**
   * The judge this caller is.
   *
   * @throws ForbiddenException when the caller is not a judge bound to a {@code judge_id}
   */
  public UUID requireJudge() {
    if (!has(Role.JUDGE) || judgeId == null) {
      throw new ForbiddenException(
          "not-a-judge", "Only a judge whose token carries its judge_id may do this");
    }
    return judgeId;
  }
}
