package org.wyp.kit.security;

/**
 * The roles a token's {@code roles} claim may name (DESIGN section 4). Spring Security sees each as
 * the authority {@code ROLE_<name>}.
 */
public enum Role {
  /** Runs the programme: rounds, publishing, panels, rubrics, shortlists, conclusions, funds. */
  ORGANISER,
  /** Drafts and edits its organisation's problems, endorses others'. */
  PROBLEM_OWNER,
  /** A small company: registers itself, pitches, and sees only its own pitches and awards. */
  SME,
  /** An assessor or finals panel member: scores only the pitches assigned to it. */
  JUDGE,
  /** Operations: the actuator endpoints beyond health. */
  OPS;

  public String authority() {
    return "ROLE_" + name();
  }
}
